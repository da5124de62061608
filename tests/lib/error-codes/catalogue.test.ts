/**
 * The error catalogue stays sound: codes are unique and in their area's range,
 * every entry writes a full message, and docs/errors.md is what the catalogue
 * generates (`npm run docs:errors` rewrites it; so does UPDATE=1 outside CI).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS, issue, problem } from '../../../src/lib/error-codes/define.ts';
import { renderErrorsDoc } from '../../../src/lib/error-codes/errors-doc.ts';
import { AREA_TABLES, CATALOGUE } from '../../../src/lib/error-codes/index.ts';
import { formatProblem } from '../../../src/lib/errors.ts';
import { expectFile } from '../../golden.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const DOC = join(ROOT, 'docs/errors.md');

/** Source files of the product (not its tests), as project-relative paths. */
function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs|astro)$/.test(entry) ? [relative(ROOT, join(ROOT, path))] : [];
  });
}

describe('the error catalogue', () => {
  const areaCodes = AREAS.flatMap((area) => Object.keys(AREA_TABLES[area.file]).map((code) => ({ area, code })));

  it('gives each code to one kind, inside its area range', () => {
    expect(areaCodes.length).toBe(Object.keys(CATALOGUE).length);
    for (const { area, code } of areaCodes) {
      expect(code, `${code} in ${area.file}.ts`).toMatch(/^TB\d{3}$/);
      const number = Number(code.slice(2));
      expect(
        number >= area.first && number <= area.last,
        `${code} belongs between TB${String(area.first).padStart(3, '0')} and TB${area.last} (${area.file}.ts)`,
      ).toBe(true);
    }
  });

  it('writes a whole message for every entry, with its code, and titles are unique', () => {
    const titles = new Set<string>();
    for (const [code, entry] of Object.entries(CATALOGUE)) {
      expect(entry.code, `the entry exported as ${code} carries another code`).toBe(code);
      expect(titles.has(entry.title), `title of ${code} is used twice`).toBe(false);
      titles.add(entry.title);
      expect(entry.about.length, `${code} has no explanation`).toBeGreaterThan(20);
      const found = issue(entry, entry.example);
      expect(found.code).toBe(code);
      expect(found.what.length).toBeGreaterThan(0);
      expect(found.fix.length).toBeGreaterThan(0);
      expect(found.severity).toBe(entry.warning ? 'warning' : undefined);
    }
  });

  it('prints the code after the message', () => {
    const entries = Object.entries(CATALOGUE);
    expect(entries.length).toBeGreaterThan(0);
    const [code, entry] = entries[0]!;
    const line = formatProblem(problem(entry, entry.example, { path: 'data/x.csv', line: 2, column: 3 }));
    expect(line).toMatch(new RegExp(`^data/x\\.csv:2:3: .+\\. \\[${code}\\]$`));
  });

  it('is documented in docs/errors.md exactly as generated', () => {
    expectFile(DOC, renderErrorsDoc(), { message: 'docs/errors.md is stale: run npm run docs:errors' });
  });

  it('is the only place that words a problem: no "what" or "fix" is written as text anywhere else', () => {
    const files = [...sourceFiles('src'), ...sourceFiles('scripts'), 'astro.config.mjs'];
    expect(files.length).toBeGreaterThan(100);
    const outside = files
      // errors.ts defines the shape of a problem (and prefixes a field); the catalogue words every one.
      .filter((file) => !file.startsWith('src/lib/error-codes/') && file !== 'src/lib/errors.ts')
      .flatMap((file) =>
        readFileSync(join(ROOT, file), 'utf8')
          .split('\n')
          .flatMap((line, index) =>
            /\b(what|fix)\s*:\s*['"`]/.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [],
          ),
      );
    expect(outside).toEqual([]);
  });

  it('stays out of browser bundles: browser code imports single kinds, never the whole catalogue, and kinds can be dropped', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const [, target = ''] of text.matchAll(/^import (?!type )[^;]*?from '(\.[^']+\.ts)';/gm))
        visit(relative(ROOT, resolve(ROOT, dirname(file), target)));
    };
    const entries = readdirSync(join(ROOT, 'src/scripts')).filter((entry) => entry.endsWith('.ts'));
    expect(entries.length).toBeGreaterThan(3);
    for (const entry of entries) visit(`src/scripts/${entry}`);
    expect(seen.size).toBeGreaterThan(20);
    expect([...seen].filter((file) => /error-codes\/(index|errors-doc)\.ts$/.test(file))).toEqual([]);
    // A bundler keeps a kind nobody uses unless its declaration is marked pure.
    const unmarked = AREAS.flatMap((area) =>
      readFileSync(join(ROOT, `src/lib/error-codes/${area.file}.ts`), 'utf8')
        .split('\n')
        .filter((line) => /^export const TB\d{3} =/.test(line) && !line.includes('/* @__PURE__ */')),
    );
    expect(unmarked).toEqual([]);
  });
});
