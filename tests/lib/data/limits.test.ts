/**
 * Huge and hostile files fail fast, before papaparse sees them (A14 in tests/checklist/README.md):
 * a 50 MB line with no line break, 10,000 columns, too many rows, too many bytes.
 * The files are generated here; a 50 MB fixture does not belong in git.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { checkShape, DEFAULT_LIMITS } from '../../../src/lib/data/limits.ts';
import { readDataset } from '../../../src/lib/data/load-dataset.ts';
import { formatProblems } from '../../../src/lib/errors.ts';

const temp = mkdtempSync(join(tmpdir(), 'trendbook-limits-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function project(name: string, csv: string): string {
  const root = join(temp, name);
  mkdirSync(join(root, 'data'), { recursive: true });
  writeFileSync(join(root, 'data', 'input.csv'), csv);
  return root;
}

describe('dataset limits', () => {
  it('refuses one 50 MB line with no line break quickly, naming the line and its length', () => {
    const root = project('long-line', `year,tier,value\n2024,micro,${'9'.repeat(50 * 1024 * 1024)}\n`);
    const started = performance.now();
    const { dataset, problems } = readDataset(root, 'input');
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(dataset).toBeUndefined();
    expect(formatProblems(problems)).toBe(
      'data/input.csv:2:1: line 2 is 52,428,811 characters long, over the limit of 100,000. Expected one row per line, received 52428811 characters. Check that the file is a CSV with a line break after each row. Aggregate the data upstream (for example with a DuckDB or warehouse query) and commit the tidy result, or raise limits in src/site.config.ts. [TB003]\n1 problem found.',
    );
  });

  it('refuses 10,000 columns', () => {
    const header = Array.from({ length: 10_000 }, (_, index) => `c${index}`).join(',');
    const root = project('wide', `${header}\n${Array.from({ length: 10_000 }, () => '1').join(',')}\n`);
    expect(formatProblems(readDataset(root, 'input').problems)).toBe(
      'data/input.csv:1:1: the header has 10,000 columns, over the limit of 1,000. Expected at most 1000 columns, received 10000. Keep one column per variable and put categories in rows (a "tidy" table), or raise limits in src/site.config.ts. [TB002]\n1 problem found.',
    );
  });

  it('counts columns on the line after an Excel sep= hint, and not delimiters inside quotes', () => {
    const limits = { ...DEFAULT_LIMITS, columns: 3 };
    expect(checkShape('sep=;\r\nyear;tier;"a;b;c"\r\n2024;micro;1\r\n', 'data/x.csv', limits, ',')).toEqual([]);
    expect(
      checkShape('sep=;\r\nyear;tier;a;b\r\n', 'data/x.csv', limits, ',').map(
        (problem) => `${problem.line} ${problem.what}`,
      ),
    ).toEqual(['2 the header has 4 columns, over the limit of 3']);
  });

  it('refuses more lines and more bytes than the site allows', () => {
    const root = project(
      'rows',
      `year,value\n${Array.from({ length: 20 }, (_, index) => `${2000 + index},${index}`).join('\n')}\n`,
    );
    expect(formatProblems(readDataset(root, 'input', { ...DEFAULT_LIMITS, rows: 10 }).problems)).toBe(
      'data/input.csv:11:1: data/input.csv has 21 lines, over the limit of 10. Expected at most 10 lines, received 21 lines. Aggregate the data upstream (for example with a DuckDB or warehouse query) and commit the tidy result, or raise limits in src/site.config.ts. [TB004]\n1 problem found.',
    );
    expect(formatProblems(readDataset(root, 'input', { ...DEFAULT_LIMITS, bytes: 100 }).problems)).toBe(
      'data/input.csv:1:1: data/input.csv is 161 bytes, over the limit of 100 bytes. Expected at most 100 bytes, received 161 bytes. Aggregate the data upstream (for example with a DuckDB or warehouse query) and commit the tidy result, or raise limits in src/site.config.ts. [TB001]\n1 problem found.',
    );
  });

  it('names a 2.1 GB file in gigabytes without reading it', async () => {
    const { checkSize } = await import('../../../src/lib/data/limits.ts');
    expect(checkSize(2.1 * 1024 ** 3, 'data/x.csv', DEFAULT_LIMITS)?.what).toBe(
      'data/x.csv is 2.1 GB, over the limit of 256 MB',
    );
  });

  it('lets a 1,000,000-row file through, counting old-Mac CR line endings as lines', () => {
    const rows = Array.from({ length: 1_000_000 }, (_, index) => `${2000 + (index % 25)},micro,${index % 100}`);
    expect(checkShape(`year,tier,value\n${rows.join('\n')}\n`, 'data/x.csv', DEFAULT_LIMITS, ',')).toEqual([]);
    expect(
      checkShape(
        `year,tier,value\r${rows.slice(0, 10).join('\r')}\r`,
        'data/x.csv',
        { ...DEFAULT_LIMITS, rows: 10, lineLength: 20 },
        ',',
      ).map((problem) => problem.what),
    ).toEqual(['data/x.csv has 11 lines, over the limit of 10']);
  });
});
