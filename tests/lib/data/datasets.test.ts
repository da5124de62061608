/**
 * Fixture folders: each `tests/fixtures/data/<case>/` holds `data/input.csv`
 * (and maybe `data/input.yml`) with either `expected.json` (columns, rows and
 * row info) or `error.txt` (every problem, exactly as printed).
 * `UPDATE=1 npm test` rewrites the expected files; CI never does.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../../src/lib/data/load-dataset.ts';
import { formatProblems } from '../../../src/lib/errors.ts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/data');
const UPDATE = process.env.UPDATE === '1' && process.env.CI !== 'true';

describe('datasets from fixture folders', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    const dir = join(FIXTURES, name);
    it(name.replace(/-/g, ' '), () => {
      const { dataset, problems } = readDataset(dir, 'input');
      const errorFile = join(dir, 'error.txt');
      const expectedFile = join(dir, 'expected.json');
      if (problems.length > 0) {
        const actual = `${formatProblems(problems)}\n`;
        if (UPDATE) writeFileSync(errorFile, actual);
        expect(existsSync(expectedFile), `${name} has problems but also expected.json`).toBe(false);
        expect(actual).toBe(readFileSync(errorFile, 'utf8'));
      } else {
        const actual = `${JSON.stringify({ columns: dataset!.columns, rows: dataset!.rows, info: dataset!.info }, null, 2)}\n`;
        if (UPDATE) writeFileSync(expectedFile, actual);
        expect(existsSync(errorFile), `${name} has no problems but also error.txt`).toBe(false);
        expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
      }
    });
  }
});

describe('reserved column names', () => {
  it('never reach Object.prototype', () => {
    readDataset(join(FIXTURES, 'reserved-header-names'), 'input');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString).toBe(Object.prototype.toString);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
