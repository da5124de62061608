/**
 * `npm run bench`: measures what authors wait for, and fails when a budget is
 * missed. Medians of several runs; these machines are noisy.
 *
 * - Dataset loading: rows per second for a generated spreadsheet-style CSV
 *   (percent strings, thousands separators, currency, quoted commas).
 * - Build: seconds per page for a full `npm run build` of the example site.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { clearDatasetCache, readDataset } from '../src/lib/data/load-dataset.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Budgets: far below what this 2-core machine measures when idle (about 90,000 rows/s, 0.5 s/page), so a busy machine passes and only a real regression (quadratic work, a lost cache) fails. */
const MIN_ROWS_PER_SECOND = 25_000;
const MAX_SECONDS_PER_PAGE = 5;

const projectRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const failures: string[] = [];

// Dataset loading.
const temp = mkdtempSync(join(tmpdir(), 'trendbook-bench-'));
mkdirSync(join(temp, 'data'));
const tiers = ['nano', 'micro', 'mid_tier', 'macro', 'mega'];
const lines = ['year,tier,region,engagement_rate,followers,fee,basis'];
for (let index = 0; index < ROWS; index++) {
  const tier = tiers[index % 5]!;
  lines.push(`${2000 + (index % 27)},${tier},"Region ${index % 13}, North",${(1 + (index % 300) / 100).toFixed(2)}%,"${(10_000 + index).toLocaleString('en-US')}","$${(1_000 + (index % 9_000)).toLocaleString('en-US')}",reported`);
}
const csv = `\uFEFF${lines.join('\r\n')}\r\n`;
writeFileSync(join(temp, 'data', 'bench.csv'), csv);
const seconds: number[] = [];
for (let run = 0; run < RUNS; run++) {
  clearDatasetCache();
  const started = performance.now();
  const { dataset, problems } = readDataset(temp, 'bench');
  seconds.push((performance.now() - started) / 1000);
  if (!dataset || problems.length > 0 || dataset.rows.length !== ROWS) throw new Error(`Internal error: the benchmark dataset did not load (${problems.length} problems)`);
}
rmSync(temp, { recursive: true, force: true });
const rowsPerSecond = ROWS / median(seconds);
console.log(`Dataset loading: ${ROWS.toLocaleString('en-US')} rows (${(csv.length / 1e6).toFixed(1)} MB), median of ${RUNS}: ${median(seconds).toFixed(2)} s = ${Math.round(rowsPerSecond).toLocaleString('en-US')} rows/s (budget ≥ ${MIN_ROWS_PER_SECOND.toLocaleString('en-US')})`);
if (rowsPerSecond < MIN_ROWS_PER_SECOND) failures.push(`dataset loading is ${Math.round(rowsPerSecond)} rows/s, under the budget of ${MIN_ROWS_PER_SECOND}`);

// Build time per page.
const out = mkdtempSync(join(tmpdir(), 'trendbook-bench-dist-'));
const buildSeconds: number[] = [];
let pages = 0;
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/build.ts')], {
    cwd: projectRoot,
    env: { ...process.env, TRENDBOOK_OUT: join(out, 'dist') },
    encoding: 'utf8',
  });
  buildSeconds.push((performance.now() - started) / 1000);
  if (result.status !== 0) throw new Error(`Internal error: the example site did not build:\n${result.stderr}`);
  pages = Number(/and (\d+) pages?/.exec(result.stdout)?.[1] ?? 0);
}
rmSync(out, { recursive: true, force: true });
const perPage = median(buildSeconds) / Math.max(pages, 1);
console.log(`Build: ${pages} pages, median of 3: ${median(buildSeconds).toFixed(1)} s = ${perPage.toFixed(2)} s/page (budget ≤ ${MAX_SECONDS_PER_PAGE})`);
if (perPage > MAX_SECONDS_PER_PAGE) failures.push(`a build takes ${perPage.toFixed(2)} s per page, over the budget of ${MAX_SECONDS_PER_PAGE}`);

if (failures.length > 0) {
  console.error(`Benchmarks over budget:\n${failures.map((failure) => `- ${failure}`).join('\n')}`);
  process.exit(1);
}
