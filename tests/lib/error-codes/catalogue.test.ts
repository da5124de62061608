/**
 * The error catalogue stays sound: codes are unique and in their area's range,
 * every entry writes a full message, and docs/errors.md is what the catalogue
 * generates (`npm run docs:errors` rewrites it; so does UPDATE=1 outside CI).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS, type AnyErrorKind } from '../../../src/lib/error-codes/define.ts';
import { renderErrorsDoc } from '../../../src/lib/error-codes/errors-doc.ts';
import { AREA_TABLES, CATALOGUE, issue, problem, type Code } from '../../../src/lib/error-codes/index.ts';
import { formatProblem } from '../../../src/lib/errors.ts';
import { expectFile } from '../../golden.ts';

const DOC = resolve(import.meta.dirname, '../../../docs/errors.md');

describe('the error catalogue', () => {
  const areaCodes = AREAS.flatMap((area) => Object.keys(AREA_TABLES[area.file]).map((code) => ({ area, code })));

  it('gives each code to one kind, inside its area range', () => {
    expect(areaCodes.length).toBe(Object.keys(CATALOGUE).length);
    for (const { area, code } of areaCodes) {
      expect(code, `${code} in ${area.file}.ts`).toMatch(/^TB\d{3}$/);
      const number = Number(code.slice(2));
      expect(number >= area.first && number <= area.last, `${code} belongs between TB${String(area.first).padStart(3, '0')} and TB${area.last} (${area.file}.ts)`).toBe(true);
    }
  });

  it('writes a whole message for every entry, with its code, and titles are unique', () => {
    const titles = new Set<string>();
    for (const [code, entry] of Object.entries(CATALOGUE) as [Code, AnyErrorKind][]) {
      expect(titles.has(entry.title), `title of ${code} is used twice`).toBe(false);
      titles.add(entry.title);
      expect(entry.about.length, `${code} has no explanation`).toBeGreaterThan(20);
      const found = issue(code, entry.example as never);
      expect(found.code).toBe(code);
      expect(found.what.length).toBeGreaterThan(0);
      expect(found.fix.length).toBeGreaterThan(0);
      expect(found.severity).toBe(entry.warning ? 'warning' : undefined);
    }
  });

  it('prints the code after the message', () => {
    const entries = Object.entries(CATALOGUE) as [Code, AnyErrorKind][];
    expect(entries.length).toBeGreaterThan(0);
    const [code, entry] = entries[0]!;
    const line = formatProblem(problem(code, entry.example as never, { path: 'data/x.csv', line: 2, column: 3 }));
    expect(line).toMatch(new RegExp(`^data/x\\.csv:2:3: .+\\. \\[${code}\\]$`));
  });

  it('is documented in docs/errors.md exactly as generated', () => {
    expectFile(DOC, renderErrorsDoc(), { message: 'docs/errors.md is stale: run npm run docs:errors' });
  });
});
