/**
 * Query datasets as the rest of Trendbook sees them: listed beside CSV
 * datasets, typed from DuckDB's types or the sidecar, reading CSV datasets by
 * name, kept in the cache, and publishing raw files only when asked.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { datasetSummary } from '../../../src/lib/data/dataset-summaries.ts';
import { clearDatasetCache, listDatasets, readDataset } from '../../../src/lib/data/load-dataset.ts';
import { publishedRawFiles, rawFileType } from '../../../src/lib/data/raw-downloads.ts';
import { formatProblem } from '../../../src/lib/errors.ts';

let root: string;
let cache: string;
const previousCache = process.env.TRENDBOOK_SQL_CACHE;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tb-query-'));
  cache = mkdtempSync(join(tmpdir(), 'tb-query-cache-'));
  process.env.TRENDBOOK_SQL_CACHE = cache;
  mkdirSync(join(root, 'data', 'raw', 'posts', 'year=2024'), { recursive: true });
  writeFileSync(join(root, 'data', 'raw', 'accounts.csv'), 'account,tier\na,nano\nb,micro\n');
  writeFileSync(
    join(root, 'data', 'raw', 'posts', 'year=2024', 'part-0.csv'),
    'account,likes,posted\na,10,2024-01-05\nb,20,2024-02-06\na,30,2024-03-07\n',
  );
  writeFileSync(join(root, 'data', 'tiers.csv'), 'tier,share\nnano,60\nmicro,40\n');
  clearDatasetCache();
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  if (previousCache === undefined) delete process.env.TRENDBOOK_SQL_CACHE;
  else process.env.TRENDBOOK_SQL_CACHE = previousCache;
});

const LIKES = `SELECT a.tier, p.year, sum(p.likes) AS likes, max(p.posted) AS last_post
FROM read_csv('data/raw/posts/*/*.csv', hive_partitioning = true) p
JOIN 'data/raw/accounts.csv' a USING (account)
GROUP BY ALL
ORDER BY a.tier, p.year`;

describe('query datasets', () => {
  it('are listed beside CSV datasets and typed from DuckDB: integers, years, dates, text', () => {
    writeFileSync(join(root, 'data', 'likes.sql'), LIKES);
    expect(listDatasets(root)).toEqual(['likes', 'tiers']);
    const { dataset, problems } = readDataset(root, 'likes');
    expect(problems).toEqual([]);
    expect(dataset!.path).toBe('data/likes.sql');
    expect(dataset!.columns.map((column) => [column.name, column.type])).toEqual([
      ['tier', 'category'],
      ['year', 'year'],
      ['likes', 'number'],
      ['last_post', 'date'],
    ]);
    expect(dataset!.rows.map((row) => ({ ...row }))).toEqual([
      { tier: 'micro', year: 2024, likes: 20, last_post: '2024-02-06' },
      { tier: 'nano', year: 2024, likes: 40, last_post: '2024-03-07' },
    ]);
    expect(dataset!.query?.inputs).toEqual(['data/raw/accounts.csv', 'data/raw/posts/year=2024/part-0.csv']);
  });

  it('read a CSV dataset by name, with its checked values', () => {
    writeFileSync(join(root, 'data', 'shares.sql'), 'SELECT tier, share / 100 AS fraction FROM tiers ORDER BY tier');
    const { dataset, problems } = readDataset(root, 'shares');
    expect(problems).toEqual([]);
    expect(dataset!.rows.map((row) => row.fraction)).toEqual([0.4, 0.6]);
    expect(dataset!.query?.datasets).toEqual(['tiers']);
    expect(datasetSummary(dataset!, []).query).toEqual({
      text: 'SELECT tier, share / 100 AS fraction FROM tiers ORDER BY tier',
      inputs: 0,
      published: [],
      datasets: ['tiers'],
    });
  });

  it('span every year column on /data/: first and last years read 2016–2026, not 2016', () => {
    writeFileSync(
      join(root, 'data', 'ends.sql'),
      "SELECT * FROM (VALUES ('nano', 2016, 2026), ('micro', 2017, 2024)) t(tier, first_year, last_year) ORDER BY tier",
    );
    const { dataset, problems } = readDataset(root, 'ends');
    expect(problems).toEqual([]);
    expect(datasetSummary(dataset!, []).years).toEqual([2016, 2026]);
  });

  it('refuse a CSV dataset with problems at the name that reads it (TB323)', () => {
    writeFileSync(join(root, 'data', 'tiers.csv'), 'tier,share\nnano,60,1\n');
    writeFileSync(join(root, 'data', 'shares.sql'), 'SELECT *\nFROM tiers ORDER BY tier');
    const { problems } = readDataset(root, 'shares');
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^data\/shares\.sql:2:6: the dataset "tiers" this query reads has problems/),
    ]);
  });

  it('refuse columns that differ only in case, which downloads and queries would take for one (TB045)', () => {
    writeFileSync(join(root, 'data', 'cased.csv'), 'Year,year,value\n2024,2024,1\n');
    expect(readDataset(root, 'cased').problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^data\/cased\.csv:1:1: the columns "Year" and "year" differ only in case/),
    ]);
    writeFileSync(join(root, 'data', 'cased_query.sql'), 'SELECT 2024 AS "Year", 2025 AS "year" ORDER BY 1');
    expect(readDataset(root, 'cased_query').problems.map((problem) => problem.code)).toEqual(['TB045']);
  });

  it('refuse a name that is both a CSV and a query (TB320)', () => {
    writeFileSync(join(root, 'data', 'tiers.sql'), 'SELECT 1 AS a ORDER BY a');
    expect(listDatasets(root)).toEqual(['tiers']);
    expect(readDataset(root, 'tiers').problems.map((problem) => problem.code)).toEqual(['TB320']);
  });

  it('report a value problem at the query, naming the row of the result', () => {
    writeFileSync(
      join(root, 'data', 'odd.sql'),
      "SELECT * FROM (VALUES ('nano', '#DIV/0!')) t(tier, share) ORDER BY tier",
    );
    writeFileSync(join(root, 'data', 'odd.yml'), 'title: Odd\ncolumns:\n  share:\n    type: category\n');
    // A spreadsheet error in a result is refused as in a CSV, at the query, naming the row.
    expect(readDataset(root, 'odd').problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^data\/odd\.sql:1:1: column "share" holds the spreadsheet error "#DIV\/0!", in row 1 of the query's result/,
      ),
    ]);
    writeFileSync(join(root, 'data', 'odd.yml'), 'title: Odd\ncolumns:\n  share:\n    type: percent\n');
    clearDatasetCache();
    const problems = readDataset(root, 'odd').problems.map(formatProblem);
    // The sidecar's number type cannot hold text: said once at the sidecar (not at each cell), beside the spreadsheet error.
    expect(problems).toEqual([
      expect.stringMatching(
        /^data\/odd\.yml:4:11: the sidecar declares "share" as percent, but the query returns VARCHAR/,
      ),
      expect.stringMatching(/^data\/odd\.sql:1:1: column "share" holds the spreadsheet error/),
    ]);
  });

  it('run once: a second read with nothing changed comes from the cache, a changed input reruns', () => {
    writeFileSync(join(root, 'data', 'likes.sql'), LIKES);
    expect(readDataset(root, 'likes').problems).toEqual([]);
    expect(readdirSync(cache).filter((file) => file.endsWith('.json'))).toHaveLength(1);
    clearDatasetCache();
    expect(readDataset(root, 'likes').problems).toEqual([]);
    expect(readdirSync(cache).filter((file) => file.endsWith('.json'))).toHaveLength(1);
    writeFileSync(join(root, 'data', 'raw', 'accounts.csv'), 'account,tier\na,micro\nb,micro\n');
    const rerun = readDataset(root, 'likes');
    expect(rerun.dataset!.rows.map((row) => [row.tier, row.likes])).toEqual([['micro', 60]]);
    expect(readdirSync(cache).filter((file) => file.endsWith('.json'))).toHaveLength(2);
  });

  it('publish raw inputs only with publish_raw: true, and only under plain names (TB322, TB324)', () => {
    writeFileSync(join(root, 'data', 'likes.sql'), LIKES);
    const privately = readDataset(root, 'likes').dataset!;
    expect(publishedRawFiles([privately])).toEqual([]);
    writeFileSync(join(root, 'data', 'likes.yml'), 'title: Likes\npublish_raw: true\n');
    clearDatasetCache();
    const published = readDataset(root, 'likes').dataset!;
    expect(publishedRawFiles([published, published])).toEqual([
      'data/raw/accounts.csv',
      'data/raw/posts/year=2024/part-0.csv',
    ]);
    expect(rawFileType('data/raw/posts/year=2024/part-0.parquet')).toBe('application/vnd.apache.parquet');

    writeFileSync(join(root, 'data', 'raw', 'odd name.csv'), 'a\n1\n');
    writeFileSync(join(root, 'data', 'odd.sql'), "SELECT a FROM 'data/raw/odd name.csv' ORDER BY a");
    writeFileSync(join(root, 'data', 'odd.yml'), 'title: Odd\npublish_raw: true\n');
    expect(readDataset(root, 'odd').problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^data\/odd\.yml:2:14: the raw file "data\/raw\/odd name\.csv" cannot be published/),
    ]);
    writeFileSync(join(root, 'data', 'tiers.yml'), 'title: Tiers\npublish_raw: true\n');
    expect(readDataset(root, 'tiers').problems.map((problem) => problem.code)).toEqual(['TB322']);
  });
});
