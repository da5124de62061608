/**
 * One timed query for `npm run bench` (scripts/bench/queries.ts), in a process
 * of its own so that the process's peak memory is the query's: it calls
 * `runQuery` directly, the locked-down path a build's query worker takes, with
 * the default limits (1 thread, 1 GB). Started in the project root (runQuery
 * needs it as the working folder) as `node scripts/bench/query-run.ts <file.sql>`;
 * prints one line of JSON.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEFAULT_LIMITS } from '../../src/lib/data/limits.ts';
import { querySettings } from '../../src/lib/data/sql/query-cache.ts';
import { runQuery } from '../../src/lib/data/sql/run-query.ts';
import { formatProblem } from '../../src/lib/errors.ts';
import { peakMemoryKb } from '../lib/peak-memory.ts';

/** What the benchmark reads from this process. */
export interface QueryRun {
  /** From the call to runQuery to its result, in ms. */
  ms: number;
  /** CPU time (user and system, every thread) over the same span, in ms. */
  cpuMs: number;
  rows: number;
  /** Problems as printed (none, when the run counts). */
  problems: string[];
  /** Peak resident memory of the process before the query started: Node, Trendbook's modules and DuckDB's library, in KB. */
  startRssKb: number;
  /** Peak resident memory of the process once the query returned, in KB. */
  peakRssKb: number;
}

const path = process.argv[2];
if (!path) throw new Error('Usage: node scripts/bench/query-run.ts <data/name.sql>');
const text = readFileSync(path, 'utf8');
const cpu = () => {
  const usage = process.resourceUsage();
  return (usage.userCPUTime + usage.systemCPUTime) / 1000;
};
const startRssKb = peakMemoryKb();
const cpuBefore = cpu();
const started = performance.now();
const result = await runQuery(process.cwd(), path, text, querySettings(DEFAULT_LIMITS));
const ms = performance.now() - started;
const run: QueryRun = {
  ms,
  cpuMs: cpu() - cpuBefore,
  rows: result.rows.length,
  problems: result.problems.map((found) => formatProblem(found)),
  startRssKb,
  peakRssKb: peakMemoryKb(),
};
process.stdout.write(`${JSON.stringify(run)}\n`);
