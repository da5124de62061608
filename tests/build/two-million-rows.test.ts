/**
 * A 2,000,000-row dataset with a year column checks, with every
 * `agg` in `:stat` and a chart, within bounded memory, and the explorer leaves
 * it out with a warning instead of shipping it whole. The check runs in a
 * child process, as `npm run check` does, so its peak memory is its own.
 * (A full build of the same site takes minutes; its figures are in the issue.)
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const ROWS = 2_000_000;
const TIERS = ['nano', 'micro', 'mid_tier', 'macro', 'mega'];
const temp = mkdtempSync(join(tmpdir(), 'trendbook-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Row `i`: year 2000 + i mod 25, a tier in turn, and (i × 7919) mod ROWS, so each whole number below ROWS once. */
function writeSite(site: string): void {
  mkdirSync(join(site, 'data'), { recursive: true });
  mkdirSync(join(site, 'content', 'reports'), { recursive: true });
  const csv = join(site, 'data', 'posts.csv');
  writeFileSync(csv, 'year,tier,engagement\n');
  for (let start = 0; start < ROWS; start += 100_000) {
    const lines: string[] = [];
    for (let index = start; index < start + 100_000; index++)
      lines.push(`${2000 + (index % 25)},${TIERS[index % 5]},${(index * 7919) % ROWS}`);
    appendFileSync(csv, `${lines.join('\n')}\n`);
  }
  writeFileSync(
    join(site, 'content', 'reports', 'posts.md'),
    [
      '---',
      'title: Two million posts',
      'description: Every post, one row each.',
      'date: 2025-01-01',
      '---',
      '',
      'The highest is :stat[1,999,999]{dataset="posts" y="engagement" agg="max"}, the lowest :stat[0]{dataset="posts" y="engagement" agg="min"}.',
      'The mean is :stat{dataset="posts" y="engagement" agg="mean"}, the median :stat{dataset="posts" y="engagement" agg="median"} and the sum :stat{dataset="posts" y="engagement" agg="sum"}.',
      'Micro posts peak at :stat{dataset="posts" y="engagement" where="tier=micro" agg="max"}.',
      '',
      '::chart{#by-tier dataset="posts" y="engagement" x="year" series="tier" agg="max" title="Highest engagement by tier"}',
      '',
    ].join('\n'),
  );
}

/** What the child prints: the check's problems and warnings, the catalogue's entry, the explorer's choice and the peak memory. */
const CHILD = `
const { checkProject } = await import(process.env.ROOT + '/src/lib/check/check-project.ts');
const { formatProblem } = await import(process.env.ROOT + '/src/lib/errors.ts');
const { readDataset } = await import(process.env.ROOT + '/src/lib/data/load-dataset.ts');
const { datasetSummary } = await import(process.env.ROOT + '/src/lib/data/dataset-summaries.ts');
const { explorerDataset } = await import(process.env.ROOT + '/src/lib/explore/explorer-datasets.ts');
const { SITE } = await import(process.env.ROOT + '/src/site.config.ts');
const { peakMemoryKb } = await import(process.env.ROOT + '/scripts/lib/peak-memory.ts');
// One line more than the default limit allows: the header. A site with such data raises its limit the same way.
const config = { ...SITE, limits: { ...SITE.limits, rows: 2_000_001 } };
const result = await checkProject(process.env.TRENDBOOK_SITE, config);
const { dataset } = readDataset(process.env.TRENDBOOK_SITE, 'posts', config.limits);
const entry = datasetSummary(dataset, []);
console.log(JSON.stringify({
  problems: result.problems.map(formatProblem),
  warnings: result.warnings.map(formatProblem),
  charts: result.reports[0]?.charts.length,
  catalogue: { rows: entry.rows, years: entry.years },
  explorer: explorerDataset(dataset, []) === undefined ? 'left out' : 'offered',
  maxRssMb: Math.round(peakMemoryKb() / 1024),
}));
`;

describe('a site with a 2,000,000-row dataset', () => {
  const site = join(temp, 'site');
  // What the child process reports (see CHILD), or its stderr when it failed.
  // biome-ignore lint/suspicious/noExplicitAny: parsed JSON, checked field by field below.
  let result: any;
  beforeAll(() => {
    writeSite(site);
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD], {
      cwd: ROOT,
      env: { ...process.env, ROOT, TRENDBOOK_SITE: site },
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    result = child.status === 0 ? JSON.parse(child.stdout.trim().split('\n').at(-1)!) : { stderr: child.stderr };
  });

  it('checks every agg of :stat and a chart over all of it, with no problems', () => {
    expect(result.problems).toEqual([]);
    expect(result.charts).toBe(1);
  });

  it('describes it in the catalogue with its first and last year', () => {
    expect(result.catalogue).toEqual({ rows: ROWS, years: [2000, 2024] });
  });

  it('leaves it out of the explorer, with one warning at the dataset', () => {
    expect(result.explorer).toBe('left out');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(
      /^data\/posts\.csv:1:1: warning: the explorer leaves out posts: its 2,000,000 rows are about \d+(\.\d)? MB to download gzip-compressed, .* Expected at most 2 MB gzip per dataset, received about \d+(\.\d)? MB gzip\. To offer it in the explorer, publish a smaller dataset/,
    );
  });

  it('stays within bounded memory', () => {
    console.log(`2,000,000-row check: peak ${result.maxRssMb} MB`);
    expect(result.maxRssMb).toBeGreaterThan(0);
    expect(result.maxRssMb).toBeLessThan(3_000);
  });
});
