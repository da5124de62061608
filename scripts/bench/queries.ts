/**
 * The query-dataset section of `npm run bench` (issue #19), kept apart from
 * the CSV-loading section so the two can change independently.
 *
 * The data is synthetic and made at bench time in the run's temporary folder,
 * never committed: 10,000,000 posts as one Parquet file and 1,000,000 posts as
 * a CSV of about 60 MB, written by a DuckDB instance of the benchmark's own
 * (not locked down, used for nothing else). Then it measures what a build does:
 *
 * - The aggregate by tier and year over each file, through `runQuery` called
 *   directly, the locked-down path with the default limits (1 thread, 1 GB).
 *   Each run is a child process of its own (query-run.ts), so its peak memory
 *   (`peakMemoryKb`, see scripts/lib/peak-memory.ts) is the query's plus Node's.
 * - A query dataset through `queryResult`, as a build reads it: cold (no kept
 *   result, so the query worker is spawned) and warm (a cache hit, which must
 *   spawn nothing).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { DEFAULT_LIMITS } from '../../src/lib/data/limits.ts';
import { queryCounts, queryResult } from '../../src/lib/data/sql/query-cache.ts';
import { BUDGETS } from '../lib/budgets.ts';
import { median } from './baseline.ts';
import type { QueryRun } from './query-run.ts';

const PARQUET_ROWS = 10_000_000;
const CSV_ROWS = 1_000_000;
const TIERS = ['nano', 'micro', 'mid_tier', 'macro', 'mega'];
const YEARS = 11;
/** One result row per tier and year, 2016 to 2026. */
const GROUPS = TIERS.length * YEARS;

const runScript = join(dirname(fileURLToPath(import.meta.url)), 'query-run.ts');
const format = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mb = (bytes: number) => `${format(bytes / 1024 ** 2)} MB`;

/**
 * Synthetic posts, `rows` of them, as a SELECT over range(): every value comes
 * from a hash of the row number, so each run writes the same files.
 * @param rows How many posts.
 * @param caption Whether to add a text column (the CSV's bulk).
 */
function postsSelect(rows: number, caption: boolean): string {
  const pick = (salt: string, modulo: number) => `CAST(hash(i, '${salt}') % ${modulo} AS INTEGER)`;
  return `SELECT
    printf('p%08d', i) AS post_id,
    ['${TIERS.join("', '")}'][1 + ${pick('tier', TIERS.length)}] AS tier,
    2016 + ${pick('year', YEARS)} AS year,
    round(0.2 + ${pick('rate', 9_800)} / 1000, 3) AS engagement_rate,
    ${pick('likes', 50_000)} AS likes,
    ${pick('comments', 2_000)} AS comments${caption ? `,\n    'synthetic post no. ' || i AS caption` : ''}
  FROM range(${rows}) AS posts(i)`;
}

/** The query measured: one row per tier and year. */
function aggregate(from: string): string {
  return `SELECT tier, year, count(*) AS posts, round(avg(engagement_rate), 3) AS engagement_rate, sum(likes) AS likes
FROM ${from}
GROUP BY tier, year
ORDER BY tier, year
`;
}

/**
 * Writes the synthetic files under `<root>/data/raw/` and a query dataset over each.
 * @param root The benchmark's project root.
 */
async function writeData(root: string): Promise<{ seconds: number; parquetBytes: number; csvBytes: number }> {
  const raw = join(root, 'data', 'raw');
  mkdirSync(raw, { recursive: true });
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(
      `COPY (${postsSelect(PARQUET_ROWS, false)}) TO '${join(raw, 'posts.parquet')}' (FORMAT parquet)`,
    );
    await connection.run(`COPY (${postsSelect(CSV_ROWS, true)}) TO '${join(raw, 'posts.csv')}' (FORMAT csv, HEADER)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  writeFileSync(join(root, 'data', 'posts_parquet.sql'), aggregate("read_parquet('data/raw/posts.parquet')"));
  writeFileSync(join(root, 'data', 'posts_csv.sql'), aggregate("read_csv('data/raw/posts.csv')"));
  return {
    seconds: (performance.now() - started) / 1000,
    parquetBytes: statSync(join(raw, 'posts.parquet')).size,
    csvBytes: statSync(join(raw, 'posts.csv')).size,
  };
}

/**
 * Runs one query dataset `runs` times, each in a child process, and checks each result.
 * @param root The benchmark's project root (the children's working folder).
 * @param sqlPath The `.sql` file, from the root.
 * @param runs How many runs.
 * @param cache The query cache and spill folder.
 */
function timeQuery(root: string, sqlPath: string, runs: number, cache: string): QueryRun[] {
  const measured: QueryRun[] = [];
  for (let run = 0; run < runs; run++) {
    const output = execFileSync(process.execPath, ['--no-warnings', runScript, sqlPath], {
      cwd: root,
      env: { ...process.env, TRENDBOOK_SQL_CACHE: cache },
      encoding: 'utf8',
    });
    const result = JSON.parse(output.trim().split('\n').at(-1)!) as QueryRun;
    if (result.problems.length > 0 || result.rows !== GROUPS)
      throw new Error(
        `Internal error: ${sqlPath} returned ${result.rows} rows, not ${GROUPS}:\n${result.problems.join('\n')}`,
      );
    measured.push(result);
  }
  return measured;
}

/**
 * Measures query datasets and prints their section; returns the budgets missed.
 * @param temp The run's temporary folder (removed by the caller).
 * @param runs Runs per measurement (5; fewer with --quick).
 * @param log Prints a line and keeps it for BENCHMARKS.md.
 * @param quick Whether this is `--quick` (CI), which holds the CSV query to its looser budget.
 */
export async function benchQueries(
  temp: string,
  runs: number,
  log: (line?: string) => void,
  quick = false,
): Promise<string[]> {
  const failures: string[] = [];
  const root = join(temp, 'queries');
  const cache = join(temp, 'query-cache');
  log();
  log('## Query datasets (DuckDB, synthetic data)');
  log();
  const load = loadavg()[0]!;
  const data = await writeData(root);
  log(
    `Generated in the run's temporary folder by DuckDB in ${format(data.seconds, 1)} s, never committed: ${format(PARQUET_ROWS)} synthetic posts as one Parquet file (${mb(data.parquetBytes)}) and ${format(CSV_ROWS)} as a CSV (${mb(data.csvBytes)}; the same columns and a caption). Each figure is the median of ${runs} runs, timed from the call to \`runQuery\` to its result in JavaScript, on the locked-down path with the default limits (1 thread, 1 GB), each run in a child process of its own. Peak memory is the highest high-water mark of resident memory (Linux's \`VmHWM\`) of those processes: Node and DuckDB's library before the query (in brackets) plus what the query used. CPU time beside wall time shows how busy the machine was (load average ${format(load, 1)} on ${cpus().length} cores when the section started).`,
  );
  log();
  log('| Query: sum and average by tier and year | Rows read | Median time | CPU time | Peak memory | Budget |');
  log('|---|---|---|---|---|---|');
  const measures = [
    {
      label: 'Parquet, one file',
      path: 'data/posts_parquet.sql',
      rows: PARQUET_ROWS,
      budget: BUDGETS.parquetQuerySeconds,
    },
    {
      label: 'CSV',
      path: 'data/posts_csv.sql',
      rows: CSV_ROWS,
      budget: quick ? BUDGETS.csvQuerySecondsQuick : BUDGETS.csvQuerySeconds,
    },
  ];
  for (const measure of measures) {
    const measured = timeQuery(root, measure.path, runs, cache);
    const seconds = median(measured.map((run) => run.ms)) / 1000;
    const cpuSeconds = median(measured.map((run) => run.cpuMs)) / 1000;
    // The peak over the runs, in a loop (never Math.max over a spread).
    let peakKb = 0;
    for (const run of measured) if (run.peakRssKb > peakKb) peakKb = run.peakRssKb;
    const startKb = median(measured.map((run) => run.startRssKb));
    const held = seconds <= measure.budget;
    const budget = `${format(measure.budget, measure.budget < 1 ? 2 : 1)} s`;
    log(
      `| ${measure.label} | ${format(measure.rows)} | **${format(seconds, 2)} s** | ${format(cpuSeconds, 2)} s | ${mb(peakKb * 1024)} (${mb(startKb * 1024)}) | ≤ ${budget}: ${held ? 'met' : 'not met'} |`,
    );
    if (!held)
      failures.push(
        `the aggregate by tier and year over ${format(measure.rows)} posts (${measure.label}) takes ${format(seconds, 2)} s (median), over the budget of ${budget}`,
      );
  }

  // A query dataset as a build reads it: the first read runs it in the worker, the next reads the kept result.
  const previousCache = process.env.TRENDBOOK_SQL_CACHE;
  process.env.TRENDBOOK_SQL_CACHE = cache;
  const path = 'data/posts_parquet.sql';
  const text = aggregate("read_parquet('data/raw/posts.parquet')");
  const cold: number[] = [];
  const warm: number[] = [];
  let coldRuns = 0;
  let warmRuns = 0;
  try {
    for (let run = 0; run < runs; run++) {
      rmSync(cache, { recursive: true, force: true });
      for (const [times, isCold] of [
        [cold, true],
        [warm, false],
      ] as const) {
        const before = queryCounts();
        const started = performance.now();
        const result = queryResult(root, path, text, DEFAULT_LIMITS);
        times.push(performance.now() - started);
        const ran = queryCounts().run - before.run;
        if (isCold) coldRuns += ran;
        else warmRuns += ran;
        if (result.problems.length > 0 || result.rows.length !== GROUPS)
          throw new Error(`Internal error: ${path} through the cache returned ${result.rows.length} rows`);
      }
    }
  } finally {
    if (previousCache === undefined) delete process.env.TRENDBOOK_SQL_CACHE;
    else process.env.TRENDBOOK_SQL_CACHE = previousCache;
  }
  log();
  log(
    `A query dataset through the query cache (\`queryResult\`, the Parquet aggregate), median of ${runs}: **cold ${format(median(cold) / 1000, 2)} s** (no kept result, so each call spawns the query worker: ${coldRuns} queries run in ${runs} calls), **warm ${format(median(warm), 1)} ms** (the kept result read back: ${warmRuns} queries run in ${runs} calls).`,
  );
  if (coldRuns !== runs) failures.push(`${runs} cold reads of a query dataset ran ${coldRuns} queries, not ${runs}`);
  if (warmRuns > 0) failures.push(`${runs} warm reads of a query dataset ran ${warmRuns} queries instead of none`);
  return failures;
}
