/**
 * A column whose cells mix numbers and text loads as text;
 * the error belongs to the chart, stat, key figure or range that measures it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { clearDatasetCache, readDataset } from '../../../src/lib/data/load-dataset.ts';
import { formatProblems, ReportError } from '../../../src/lib/errors.ts';
import { explorerDataset } from '../../../src/lib/explore/explorer-datasets.ts';
import { computeFigures } from '../../../src/lib/report/key-figures.ts';
import { createReportProcessor } from '../../../src/plugins/remark/processor.ts';
import { SITE } from '../../../src/site.config.ts';

const root = mkdtempSync(join(tmpdir(), 'trendbook-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'data'));
// "a" is free text that happens to start with numbers; "rate" is a number column with a typo.
writeFileSync(join(root, 'data/notes.csv'), 'year,a,rate\n2016,1,2.4\n2017,"Once upon\na time",abc\n2018,7,2.1\n');
writeFileSync(join(root, 'data/log.csv'), 'year,a,rate\n2016,1,2.4\n2017,"Once upon\na time",2.2\n2018,7,2.1\n');
writeFileSync(join(root, 'data/cost.csv'), 'tier,price,low,high\nmicro,,100,500\nmega,,oops,9000\nnano,40,20,60\n');
writeFileSync(
  join(root, 'data/cost.yml'),
  'title: Cost\ncolumns:\n  price:\n    type: currency\n    unit: USD\n    range: { low: low, high: high }\n',
);

async function run(markdown: string): Promise<string> {
  const file = new VFile({ value: markdown, path: join(root, 'content/reports/x.md') });
  try {
    return String(await createReportProcessor({ root, config: SITE }).process(file));
  } catch (error) {
    if (error instanceof ReportError) return error.message;
    throw error;
  }
}

describe('a column that mixes numbers and text', () => {
  it('loads as a text column when nothing measures it', () => {
    clearDatasetCache();
    const { dataset, problems } = readDataset(root, 'notes');
    expect(problems).toEqual([]);
    expect(dataset!.columns.map((column) => [column.name, column.type])).toEqual([
      ['year', 'year'],
      ['a', 'category'],
      ['rate', 'category'],
    ]);
    expect(dataset!.rows.map((row) => row.a)).toEqual(['1', 'Once upon\na time', '7']);
  });

  it('fails a chart that measures it, naming the first text cell', async () => {
    expect(await run('Intro.\n\n::chart{dataset="notes" y="a" title="Notes"}\n')).toBe(
      'content/reports/x.md:3:25: column "a" of dataset "notes" is text, not a number: data/notes.csv:3:6 holds "Once upon\\na time". Expected a number in every cell of a column used as y, received text. Correct that cell in data/notes.csv (or leave it empty for a missing value), or pick another column for y. [TB139]\n1 problem found.',
    );
  });

  it('still fails a typo in a charted number column, at the chart', async () => {
    expect(await run('::chart{dataset="notes" y="rate" title="Rate"}\n')).toBe(
      'content/reports/x.md:1:25: column "rate" of dataset "notes" is text, not a number: data/notes.csv:4:9 holds "abc". Expected a number in every cell of a column used as y, received text. Correct that cell in data/notes.csv (or leave it empty for a missing value), or pick another column for y. [TB139]\n1 problem found.',
    );
  });

  it('fails a :stat that measures it', async () => {
    expect(await run('It was :stat{dataset="notes" y="a" where="year=2018"} then.\n')).toBe(
      'content/reports/x.md:1:30: column "a" of dataset "notes" is text, not a number: data/notes.csv:3:6 holds "Once upon\\na time". Expected a number in every cell of a column used as y, received text. Correct that cell in data/notes.csv (or leave it empty for a missing value), or pick another column for y. [TB139]\n1 problem found.',
    );
  });

  it('fails a key figure that measures it', () => {
    const { figures, issues } = computeFigures(
      [{ label: 'Notes', dataset: 'notes', y: 'a', where: 'year=2018', as: 'value', card: false }],
      root,
      SITE.locale,
    );
    expect(figures).toEqual([]);
    expect(issues).toEqual([
      {
        index: 0,
        attribute: 'y',
        issue: {
          code: 'TB139',
          what: 'column "a" of dataset "notes" is text, not a number: data/notes.csv:3:6 holds "Once upon\\na time"',
          expected: 'a number in every cell of a column used as y',
          received: 'text',
          fix: 'Correct that cell in data/notes.csv (or leave it empty for a missing value), or pick another column for y',
        },
      },
    ]);
  });

  it('is not offered as a measure in the explorer', () => {
    const { dataset } = readDataset(root, 'log');
    expect(explorerDataset(dataset!, [])!.measures).toEqual([{ name: 'rate', label: 'Rate' }]);
    expect(explorerDataset(readDataset(root, 'notes').dataset!, [])).toBeUndefined();
  });

  it('fails a sidecar range that uses it as a bound', () => {
    clearDatasetCache();
    const { problems } = readDataset(root, 'cost');
    expect(formatProblems(problems)).toBe(
      'data/cost.yml:6:12: the range of "price" uses "low", which is text, not a number: data/cost.csv:3:7 holds "oops". Expected a number in every cell of a column used as a range bound, received text. Correct that cell (or leave it empty for a missing value), or name other columns in "range: { low, high }". [TB037]\n1 problem found.',
    );
  });
});
