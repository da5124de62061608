/**
 * A site no one on the team wrote whose datasets are queries (`data/<name>.sql`)
 * over raw files in the three formats a warehouse export comes in: Parquet in
 * one folder per year (Hive partitions), a CSV and newline-delimited JSON. The
 * site (tests/fixtures/site-sql: a report on a fictional brand's creator
 * programme, two queries and their sidecars) is committed; its raw files are
 * synthetic, written here by DuckDB into a temporary copy, and never committed.
 *
 * It builds with charts, tables and downloads from the queries; a second build
 * is byte-identical and runs no query; a false claim fails at the report's line;
 * a query that writes or reads /etc/hostname fails at its .sql line and column
 * and leaves the output as it was.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'tests/fixtures/site-sql');
const REPORT = 'content/reports/fernvale-creator-programme.md';
const temp = mkdtempSync(join(tmpdir(), 'trendbook-sql-site-'));
const site = join(temp, 'site');
// A query cache of this file's own, so what it counts is what these builds did.
const sqlCache = join(temp, 'sql-cache');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/**
 * Writes the site's raw files, all synthetic: 24 creators (a CSV roster), one post
 * each a month from 2023 to 2025 (Parquet, one folder per year) and six campaigns
 * (newline-delimited JSON). Every value is computed from the row's numbers, so the
 * files are the same on every run and the report's claims can be checked.
 * @param root The site's copy.
 */
async function writeRawData(root: string): Promise<void> {
  const raw = join(root, 'data', 'raw');
  mkdirSync(raw, { recursive: true });
  // A DuckDB of the test's own, not locked down: it writes the files the locked-down queries read.
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`CREATE TABLE accounts AS
      SELECT
        id AS account_id,
        printf('@fernvale_creator_%02d', id) AS handle,
        CASE WHEN id <= 10 THEN 'nano' WHEN id <= 18 THEN 'micro' WHEN id <= 22 THEN 'mid_tier' ELSE 'macro' END AS tier,
        CASE
          WHEN id <= 10 THEN 2000 + 500 * id
          WHEN id <= 18 THEN 20000 + 5000 * (id - 10)
          WHEN id <= 22 THEN 150000 + 50000 * (id - 18)
          ELSE 600000 + 300000 * (id - 23)
        END AS followers
      FROM range(1, 25) AS ids(id)`);
    await connection.run(`COPY accounts TO '${raw}/accounts.csv' (FORMAT csv, HEADER)`);
    // Each tier's engagement rate (percent) by year: the posts are drawn around it, a little higher in autumn.
    await connection.run(`CREATE TABLE rates AS SELECT * FROM (VALUES
      ('nano', 2023, 5.2), ('nano', 2024, 5.0), ('nano', 2025, 4.8),
      ('micro', 2023, 3.6), ('micro', 2024, 3.7), ('micro', 2025, 3.9),
      ('mid_tier', 2023, 2.4), ('mid_tier', 2024, 2.3), ('mid_tier', 2025, 2.3),
      ('macro', 2023, 1.5), ('macro', 2024, 1.4), ('macro', 2025, 1.2)
    ) AS rates(tier, year, rate)`);
    await connection.run(`CREATE TABLE posts AS
      WITH drawn AS (
        SELECT
          accounts.account_id, rates.year, months.month,
          round(accounts.followers * (0.30 - 0.02 * (rates.year - 2023) + 0.01 * (months.month % 3))) AS reach,
          rates.rate / 100 * (0.9 + 0.02 * (months.month % 6) + CASE WHEN months.month > 6 THEN 0.1 ELSE 0 END) AS share
        FROM accounts JOIN rates USING (tier), range(1, 13) AS months(month)
      )
      SELECT
        printf('fv-%d-%02d-%02d', year, account_id, month) AS post_id,
        account_id, year, month,
        CASE WHEN month <= 6 THEN 'spring-' ELSE 'autumn-' END || year AS campaign_id,
        CAST(reach AS INTEGER) AS reach,
        CAST(round(reach * share * 0.80) AS INTEGER) AS likes,
        CAST(round(reach * share * 0.15) AS INTEGER) AS comments,
        CAST(round(reach * share * 0.05) AS INTEGER) AS saves
      FROM drawn`);
    // data/raw/posts/year=2023/part-0.parquet …: the year lives in the folder name, as a warehouse exports it.
    await connection.run(
      `COPY posts TO '${raw}/posts' (FORMAT parquet, PARTITION_BY (year), FILENAME_PATTERN 'part-{i}')`,
    );
    await connection.run(`COPY (SELECT * FROM (VALUES
      ('spring-2023', 'Trail Season 2023', 2023, DATE '2023-01-01', 24000),
      ('autumn-2023', 'Layer Up 2023', 2023, DATE '2023-07-01', 21000),
      ('spring-2024', 'Trail Season 2024', 2024, DATE '2024-01-01', 26000),
      ('autumn-2024', 'Layer Up 2024', 2024, DATE '2024-07-01', 25000),
      ('spring-2025', 'Trail Season 2025', 2025, DATE '2025-01-01', 30000),
      ('autumn-2025', 'Layer Up 2025', 2025, DATE '2025-07-01', 27000)
    ) AS campaigns(campaign_id, name, year, starts, spend_eur)) TO '${raw}/campaigns.ndjson' (FORMAT json)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function build(siteDir: string, out: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      TRENDBOOK_SITE: siteDir,
      TRENDBOOK_OUT: out,
      TRENDBOOK_SQL_CACHE: sqlCache,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a folder, by path from it, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length))
    .sort();
}

/** One hash over every file's path and bytes. */
function treeHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of files(dir)) hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest('hex');
}

/** Each kept query result with its inode and modification time: a query that runs writes its result anew. */
function keptResults(): string[] {
  return readdirSync(sqlCache)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const stats = statSync(join(sqlCache, name));
      return `${name} ${stats.ino} ${stats.mtimeMs}`;
    })
    .sort();
}

/** A copy of the site, raw files included, for a variant that must fail. */
function variant(name: string): string {
  const copy = join(temp, name);
  cpSync(site, copy, { recursive: true });
  return copy;
}

const first = join(temp, 'first', 'dist');
const second = join(temp, 'second', 'dist');
let built: ReturnType<typeof build>;

beforeAll(async () => {
  cpSync(FIXTURE, site, { recursive: true });
  await writeRawData(site);
  built = build(site, first);
});

describe('a report whose datasets are queries over Parquet, CSV and NDJSON', () => {
  it('has raw files in all three formats, generated, none of them committed', () => {
    expect(existsSync(join(FIXTURE, 'data/raw'))).toBe(false);
    expect(files(join(site, 'data/raw'))).toEqual([
      '/accounts.csv',
      '/campaigns.ndjson',
      '/posts/year=2023/part-0.parquet',
      '/posts/year=2024/part-0.parquet',
      '/posts/year=2025/part-0.parquet',
    ]);
  });

  it('builds, running each query once', () => {
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(built.stdout.trim().split('\n').at(-1)).toMatch(
      /^Built 1 report, 3 charts and \d+ pages from 2 datasets \(2 queries run, 0 from cache\) in \d+\.\d s → /,
    );
  });

  it('says in its text that the data is synthetic', () => {
    const page = readFileSync(join(first, 'reports/fernvale-creator-programme/index.html'), 'utf8');
    expect(page).toContain('<strong>Synthetic test data.</strong> Fernvale Outdoor is a fictional brand');
  });

  it('publishes each chart as a figure with its data table, and checks the claims it quotes', () => {
    const page = readFileSync(join(first, 'reports/fernvale-creator-programme/index.html'), 'utf8');
    const ids = ['engagement-by-tier', 'engagement-2023-2025', 'cost-per-engagement'];
    expect(page.match(/<figure class="chart"/g)).toHaveLength(ids.length);
    for (const id of ids) {
      const figure = new RegExp(`<figure class="chart" id="${id}"[\\s\\S]*?</figure>`).exec(page)?.[0] ?? '';
      expect(figure, id).toContain('<canvas');
      expect(figure, id).toMatch(/<table[\s\S]*<\/table>/);
    }
    // The campaign with the highest spend per 1,000 engagements heads its table (sort="desc").
    const costs = /<figure class="chart" id="cost-per-engagement"[\s\S]*?<\/figure>/.exec(page)![0];
    expect(costs.indexOf('Trail Season 2025')).toBeLessThan(costs.indexOf('Layer Up 2023'));
    // Claims hold and print as written; computed numbers print formatted by their column.
    expect(page).toContain('>3.9%<span class="stat__working"');
    expect(page).toContain('>€153,000<span class="stat__working"');
    expect(page).toContain(
      'Spend per 1,000 engagements, Trail Season 2025, 2025: €331.12. Source: Fernvale Outdoor (fictional), 2026.',
    );
  });

  it('offers each query dataset as /data/<name>.csv, with the values the queries computed', () => {
    expect(readFileSync(join(first, 'data/campaign_costs.csv'), 'utf8')).toBe(
      [
        '\uFEFFcampaign,year,spend_eur,posts,engagements,cost_per_1000_engagements',
        'Trail Season 2023,2023,24000,144,112449,213.43',
        'Layer Up 2023,2023,21000,144,124283,168.97',
        'Trail Season 2024,2024,26000,144,101301,256.66',
        'Layer Up 2024,2024,25000,144,111958,223.3',
        'Trail Season 2025,2025,30000,144,90602,331.12',
        'Layer Up 2025,2025,27000,144,100129,269.65',
        '',
      ].join('\r\n'),
    );
    const engagement = readFileSync(join(first, 'data/engagement_by_tier.csv'), 'utf8').split('\r\n');
    // A header, 4 tiers × 3 years, and the empty string after the last line break.
    expect(engagement).toHaveLength(14);
    expect(engagement[0]).toBe('\uFEFFyear,tier,creators,posts,reach,engagement_rate');
    expect(engagement[1]).toBe('2023,nano,10,120,176700,5.2');
    expect(engagement[12]).toBe('2025,macro,2,24,4860000,1.2');
  });

  it('offers every query dataset as XLSX and Parquet too, and says on /data/ how each is made', () => {
    const catalogue = readFileSync(join(first, 'data/index.html'), 'utf8');
    for (const name of ['campaign_costs', 'engagement_by_tier']) {
      expect(existsSync(join(first, `data/${name}.xlsx`)), name).toBe(true);
      expect(
        readFileSync(join(first, `data/${name}.parquet`))
          .subarray(0, 4)
          .toString(),
        name,
      ).toBe('PAR1');
    }
    expect(catalogue.match(/<h3>How it is made<\/h3>/g)).toHaveLength(2);
    expect(catalogue.match(/<summary>The query \(SQL\)<\/summary>/g)).toHaveLength(2);
    expect(catalogue).toContain('over 4 raw files, listed below');
    expect(catalogue).toContain('over 4 raw files, which are not published; only the result is');
  });

  it('publishes the raw files of the query whose sidecar says publish_raw, and no others', () => {
    // campaign_costs reads the briefs and the posts; engagement_by_tier (not published) also reads accounts.csv.
    expect(files(join(first, 'data/raw'))).toEqual([
      '/campaigns.ndjson',
      '/posts/year=2023/part-0.parquet',
      '/posts/year=2024/part-0.parquet',
      '/posts/year=2025/part-0.parquet',
    ]);
    for (const path of files(join(first, 'data/raw'))) {
      expect(readFileSync(join(first, 'data/raw', path)).equals(readFileSync(join(site, 'data/raw', path))), path).toBe(
        true,
      );
    }
    const catalogue = readFileSync(join(first, 'data/index.html'), 'utf8');
    expect(catalogue).toContain('href="/data/raw/campaigns.ndjson" download');
  });

  it('builds again byte for byte without running a query', () => {
    const kept = keptResults();
    expect(kept).toHaveLength(2);
    const again = build(site, second);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(again.stdout.trim().split('\n').at(-1)).toMatch(/ from 2 datasets \(0 queries run, 2 from cache\) in /);
    // Neither the build's check nor Astro's pages wrote a result: no query ran in any process.
    expect(keptResults()).toEqual(kept);
    const built = files(first);
    expect(built.length).toBeGreaterThan(20);
    expect(files(second)).toEqual(built);
    for (const file of built) {
      expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(true);
    }
  });
});

describe('a copy of the site that goes wrong', () => {
  it('fails at the report’s line and column when a claim disagrees with a query’s result', () => {
    const copy = variant('false-claim');
    const report = join(copy, REPORT);
    const text = readFileSync(report, 'utf8');
    expect(text).toContain(':stat[3.9%]{dataset="engagement_by_tier"');
    const edited = text.replace(':stat[3.9%]', ':stat[99%]');
    writeFileSync(report, edited);
    const lines = edited.split('\n');
    const line = lines.findIndex((candidate) => candidate.includes(':stat[99%]'));
    const column = lines[line]!.indexOf(':stat[99%]') + 1;
    const before = treeHash(first);
    const result = build(copy, first);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `${REPORT}:${line + 1}:${column}: the text says 99% but data/engagement_by_tier.sql gives 3.9% (3.9, tier=micro year=2025).`,
    );
    expect(result.stderr).toMatch(/^1 problem found\.$/m);
    expect(treeHash(first)).toBe(before);
  });

  it('refuses a query that writes or reads /etc/hostname at its .sql line and column, and leaves the output alone', () => {
    const copy = variant('hostile');
    writeFileSync(
      join(copy, 'data/export.sql'),
      "-- Looks like a dataset; writes the roster out instead.\nCOPY (SELECT * FROM read_csv('data/raw/accounts.csv')) TO 'data/raw/leaked.csv'\n",
    );
    writeFileSync(
      join(copy, 'data/hostname.sql'),
      "SELECT content AS host\nFROM read_text('/etc/hostname')\nORDER BY host\n",
    );
    const before = treeHash(first);
    const result = build(copy, first);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    // Both at once, each at its own place: refused from the text, before DuckDB sees either.
    expect(result.stderr).toMatch(/^data\/export\.sql:2:1: a COPY statement is not allowed: COPY writes files\. /m);
    expect(result.stderr).toMatch(
      /^data\/hostname\.sql:2:16: the query reads "\/etc\/hostname", which is not under data\/raw\/\. /m,
    );
    expect(result.stderr).toContain(`Build stopped; ${first}/ is unchanged.\n`);
    expect(treeHash(first)).toBe(before);
    expect(existsSync(join(copy, 'data/raw/leaked.csv'))).toBe(false);
    const hostname = readFileSync('/etc/hostname', 'utf8').trim();
    if (hostname.length >= 6) expect(result.stderr).not.toContain(hostname);
  });
});
