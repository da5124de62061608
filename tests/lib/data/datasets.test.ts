/**
 * Fixture folders: each `tests/fixtures/data/<case>/` is a mini
 * project with `data/input.csv` (and maybe `data/input.yml`) plus either
 * `expected.json` (the dataset's columns, rows and row info) or `error.txt`
 * (every problem, exactly as `formatProblems` prints it). One test per folder,
 * named after the folder.
 *
 * `UPDATE=1 npm test` rewrites the expected files (review the diff before
 * committing it). Without UPDATE, and always under CI, nothing is written.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearDatasetCache, listDatasets, readDataset } from '../../../src/lib/data/load-dataset.ts';
import { formatProblems } from '../../../src/lib/errors.ts';
import { expectFile } from '../../golden.ts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/data');

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Cells that JSON would quietly turn into `null` (NaN, ±Infinity) or that are not cell values at all. */
function badCells(rows: readonly Record<string, unknown>[]): string[] {
  const bad: string[] = [];
  rows.forEach((row, index) => {
    for (const [column, value] of Object.entries(row)) {
      const ok = value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
      if (!ok) bad.push(`row ${index} ${column}: ${String(value)}`);
    }
  });
  return bad;
}

describe('datasets from tests/fixtures/data', () => {
  it('finds the fixture folders', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = join(FIXTURES, name);
      expect(existsSync(join(dir, 'data', 'input.csv')), `${name} has no data/input.csv`).toBe(true);
      const { dataset, problems } = readDataset(dir, 'input');
      const errorFile = join(dir, 'error.txt');
      const expectedFile = join(dir, 'expected.json');
      if (problems.length > 0) {
        expectFile(errorFile, `${formatProblems(problems)}\n`, { stale: [expectedFile] });
      } else {
        expect(dataset, 'no problems, so there must be a dataset').toBeDefined();
        const { columns, rows, info } = dataset!;
        expect(badCells(rows)).toEqual([]);
        expect(info).toHaveLength(rows.length);
        expectFile(expectedFile, `${JSON.stringify({ columns, rows, info }, null, 2)}\n`, { stale: [errorFile] });
      }
    });
  }
});

describe('datasets: targeted checks', () => {
  it('drops the byte order mark, so the first column is "year"', () => {
    const { dataset, problems } = readDataset(join(FIXTURES, 'excel-csv-utf8-with-bom-and-crlf'), 'input');
    expect(problems).toEqual([]);
    expect(dataset!.columns.map((column) => column.name)).toEqual(['year', 'tier', 'engagement_rate']);
    expect(JSON.stringify(dataset)).not.toContain('\ufeff');
    expect(JSON.stringify(dataset)).not.toContain('\\r');
  });

  it('keeps a line break inside a quoted cell', () => {
    const { dataset } = readDataset(join(FIXTURES, 'crlf-inside-a-quoted-cell-is-kept-as-a-line-break'), 'input');
    expect(dataset!.rows[0]!.note).toBe('first line\nsecond line');
    expect(dataset!.info.map((row) => row.line)).toEqual([2, 4]);
  });

  it('leaves Object.prototype untouched and keeps __proto__ and constructor as plain columns', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const objectToString = Object.prototype.toString;
    clearDatasetCache();
    const { dataset, problems } = readDataset(join(FIXTURES, 'reserved-header-names-proto-and-constructor'), 'input');
    expect(problems.map((problem) => problem.what)).toEqual([
      'column 2 is named "__proto__", which is reserved',
      'column 3 is named "constructor", which is reserved',
      'column 4 is named "toString", which is reserved',
    ]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(Object.prototype.toString).toBe(objectToString);
    expect(({} as Record<string, unknown>).year).toBeUndefined();
    // Lossless even though the build fails: the values sit in own keys of rows that inherit nothing.
    const row = dataset!.rows[0]!;
    const proto = Object.getPrototypeOf(row) as object;
    expect(Object.getPrototypeOf(proto)).toBeNull();
    expect(Reflect.ownKeys(proto)).toEqual([]);
    expect(Object.isFrozen(proto)).toBe(true);
    expect(Object.keys(row)).toEqual(['year', '__proto__', 'constructor', 'toString']);
    // biome-ignore lint/suspicious/noProto: a column named __proto__ is what this test reads.
    expect([row['__proto__'], row['constructor'], row['toString']]).toEqual([1, 2, 3]);
    expect(dataset!.columns.map((column) => [column.name, column.type])).toEqual([
      ['year', 'year'],
      ['__proto__', 'number'],
      ['constructor', 'number'],
      ['toString', 'number'],
    ]);
  });

  it('lists datasets by CSV file name, ignoring sidecars', () => {
    expect(listDatasets(join(FIXTURES, 'sidecar-fraction-range-midpoint-basis-and-sources'))).toEqual(['input']);
    expect(listDatasets(join(FIXTURES, 'does-not-exist'))).toEqual([]);
  });
});
