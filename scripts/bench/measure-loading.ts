/**
 * Dataset loading for `npm run bench`: a spreadsheet-style CSV (percent strings,
 * thousands separators, currency, quoted commas) loaded with full validation, beside
 * bare papaparse and DuckDB's CSV reader on the same file, and, with `--baseline`,
 * another commit's loader, alternating in the same run. Times are medians; peak
 * memory is that of a fresh process that loads the file once and keeps the dataset.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { median } from './baseline.ts';

/** A checkout's `readDataset` and `clearDatasetCache` (this one's, or the baseline's). */
interface Loader {
  readDataset: (root: string, name: string) => { dataset?: { rows: unknown[] }; problems: unknown[] };
  clearDatasetCache: () => void;
}

/** Peak resident memory of a process that loads the file once, and the heap it holds afterwards. */
interface LoadMemory {
  peakMb: number;
  heldMb: number;
}

/** The figures of one checkout's loader. */
export interface LoaderFigures {
  /** Median seconds of the loads. */
  seconds: number;
  memory: LoadMemory;
}

export interface LoadingRun {
  rows: number;
  megabytes: number;
  runs: number;
  trendbook: LoaderFigures;
  baseline?: LoaderFigures | undefined;
  /** Median seconds of bare papaparse: strings only, no line numbers, no checks. */
  papaparse: number;
  /** Median seconds of DuckDB's read_csv into its own table, types its own way. */
  duckdb: number;
  /** Seconds of DuckDB's read_csv and its rows turned into JavaScript objects (one run: it is slow). */
  duckdbRows: number;
  /** Columns DuckDB leaves as text (VARCHAR) of those the file has. */
  duckdbText: { text: number; columns: number };
}

/** What the child process of `measureMemory` runs. */
const ONE_LOAD = `
const { readDataset } = await import(process.env.TRENDBOOK_LOADER);
const { peakMemoryKb } = await import(process.env.TRENDBOOK_PEAK_MEMORY);
const { dataset, problems } = readDataset(process.env.TRENDBOOK_ROOT, 'bench');
globalThis.gc();
console.log(JSON.stringify({
  rows: dataset?.rows.length ?? 0,
  problems: problems.length,
  peakMb: peakMemoryKb() / 1024,
  heldMb: process.memoryUsage().heapUsed / 1024 ** 2,
}));
`;

/**
 * Writes the file and measures every loader on it.
 * @param temp The run's temporary folder.
 * @param rows Rows in the file.
 * @param runs Loads per loader (alternating), of which the median counts.
 * @param checkouts This checkout's root, and the baseline's when comparing.
 */
export async function measureLoading(
  temp: string,
  rows: number,
  runs: number,
  checkouts: { current: string; baseline?: string | undefined },
): Promise<LoadingRun> {
  const root = join(temp, 'rows');
  const file = join(root, 'data', 'bench.csv');
  const csv = writeBenchCsv(file, rows);
  const loaderFile = (checkout: string) => join(checkout, 'src', 'lib', 'data', 'load-dataset.ts');
  const current = (await import(pathToFileURL(loaderFile(checkouts.current)).href)) as Loader;
  const baseline = checkouts.baseline
    ? ((await import(pathToFileURL(loaderFile(checkouts.baseline)).href)) as Loader)
    : undefined;
  const duckdb = await DuckDBInstance.create(':memory:');
  const connection = await duckdb.connect();

  const seconds = {
    current: [] as number[],
    baseline: [] as number[],
    papaparse: [] as number[],
    duckdb: [] as number[],
  };
  try {
    // The loaders alternate; the other readers come after them, so the strings papaparse leaves
    // behind are not collected during a load.
    for (let run = 0; run < runs; run++) {
      seconds.current.push(timeLoad(current, root, rows));
      if (baseline) seconds.baseline.push(timeLoad(baseline, root, rows));
    }
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      Papa.parse(csv, { newline: '\r\n' });
      seconds.papaparse.push((performance.now() - started) / 1000);
    }
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      await connection.run('CREATE OR REPLACE TABLE bench AS SELECT * FROM read_csv($file)', { file });
      seconds.duckdb.push((performance.now() - started) / 1000);
    }
    const started = performance.now();
    const reader = await connection.runAndReadAll('SELECT * FROM read_csv($file)', { file });
    const objects = reader.getRowObjectsJS();
    const duckdbRows = (performance.now() - started) / 1000;
    if (objects.length !== rows) throw new Error(`Internal error: DuckDB read ${objects.length} rows of ${rows}`);
    const types = (
      await connection.runAndReadAll('DESCRIBE SELECT * FROM read_csv($file)', { file })
    ).getRowObjectsJS();
    return {
      rows,
      megabytes: csv.length / 1e6,
      runs,
      trendbook: { seconds: median(seconds.current), memory: measureMemory(loaderFile(checkouts.current), root, rows) },
      baseline:
        checkouts.baseline === undefined
          ? undefined
          : {
              seconds: median(seconds.baseline),
              memory: measureMemory(loaderFile(checkouts.baseline), root, rows),
            },
      papaparse: median(seconds.papaparse),
      duckdb: median(seconds.duckdb),
      duckdbRows,
      duckdbText: { text: types.filter((type) => type.column_type === 'VARCHAR').length, columns: types.length },
    };
  } finally {
    current.clearDatasetCache();
    baseline?.clearDatasetCache();
    connection.closeSync();
    duckdb.closeSync();
  }
}

/** Row `i` of the file: the same spreadsheet-style values as always, so figures compare across runs. */
function writeBenchCsv(file: string, rows: number): string {
  mkdirSync(join(file, '..'), { recursive: true });
  const tiers = ['nano', 'micro', 'mid_tier', 'macro', 'mega'];
  const lines = ['year,tier,region,engagement_rate,followers,fee,basis'];
  for (let index = 0; index < rows; index++) {
    lines.push(
      `${2000 + (index % 27)},${tiers[index % 5]},"Region ${index % 13}, North",${(1 + (index % 300) / 100).toFixed(2)}%,"${(10_000 + index).toLocaleString('en-US')}","$${(1_000 + (index % 9_000)).toLocaleString('en-US')}",reported`,
    );
  }
  const csv = `\uFEFF${lines.join('\r\n')}\r\n`;
  writeFileSync(file, csv);
  return csv;
}

/** Seconds one load takes, from an empty cache, checking that every row loaded without a problem. */
function timeLoad(loader: Loader, root: string, rows: number): number {
  loader.clearDatasetCache();
  const started = performance.now();
  const { dataset, problems } = loader.readDataset(root, 'bench');
  const seconds = (performance.now() - started) / 1000;
  if (!dataset || problems.length > 0 || dataset.rows.length !== rows)
    throw new Error(`Internal error: the benchmark dataset did not load (${problems.length} problems)`);
  loader.clearDatasetCache();
  return seconds;
}

/** Peak memory of a fresh process that loads the file once and keeps the dataset (a build's share of it). */
function measureMemory(loader: string, root: string, rows: number): LoadMemory {
  const child = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', ONE_LOAD], {
    env: {
      ...process.env,
      TRENDBOOK_LOADER: pathToFileURL(loader).href,
      // This checkout's, also when the loader is a baseline commit's.
      TRENDBOOK_PEAK_MEMORY: pathToFileURL(join(import.meta.dirname, '..', 'lib', 'peak-memory.ts')).href,
      TRENDBOOK_ROOT: root,
    },
    encoding: 'utf8',
  });
  const result = child.status === 0 ? JSON.parse(child.stdout.trim().split('\n').at(-1)!) : undefined;
  if (!result || result.rows !== rows || result.problems !== 0)
    throw new Error(`Internal error: the benchmark dataset did not load in a child process: ${child.stderr}`);
  return { peakMb: result.peakMb, heldMb: result.heldMb };
}
