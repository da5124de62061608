/**
 * A query dataset's result, run once and kept. The key is a hash of the SQL,
 * the size and modification time of every file under `data/raw/`, DuckDB's
 * version and the limits, so a warm build runs no query and `npm run dev`
 * reruns one as soon as its SQL or an input changes. A query runs in a child
 * process (query-worker.ts), which lets the synchronous dataset loader wait for
 * it and keeps DuckDB's memory out of the build's own process. Each process
 * counts the queries it ran and the results it read from the cache, for the
 * build's summary line.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { problem } from '../../error-codes/define.ts';
import { TB316, TB318 } from '../../error-codes/sql.ts';
import type { DatasetLimits } from '../limits.ts';
import { checkQueryText } from './query-checks.ts';
import { listRawFiles } from './raw-files.ts';
import type { QueryResult, QuerySettings, QueryTable } from './run-query.ts';

/**
 * Where results are kept: `TRENDBOOK_SQL_CACHE`, else `node_modules/.cache/trendbook/sql` in Trendbook's
 * own folder, not the working folder: the build script may be started anywhere, while Astro's process,
 * which reads the results the build's check kept, runs in Trendbook's folder.
 */
function cacheFolder(): string {
  const chosen = process.env.TRENDBOOK_SQL_CACHE;
  return chosen ? resolve(chosen) : join(codeRoot(), 'node_modules', '.cache', 'trendbook', 'sql');
}

const require = createRequire(import.meta.url);

/** Queries this process ran (each in a child process) and results it read from the cache. */
const counts = { run: 0, fromCache: 0 };

/** How many queries this process has run so far, and how many results it has read from the cache instead. */
export function queryCounts(): { run: number; fromCache: number } {
  return { ...counts };
}

/** The folder holding `node_modules/@duckdb`, which is the folder holding Trendbook's own code. */
function codeRoot(): string {
  const entry = require.resolve('@duckdb/node-api');
  return entry.slice(0, entry.lastIndexOf(`${sep}node_modules${sep}`));
}

/** DuckDB's version, from its package (so a new DuckDB reruns every query). */
function duckdbVersion(): string {
  const file = require.resolve('@duckdb/node-api/package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * The settings one query runs with, from the site's limits.
 * @param limits The dataset limits.
 */
export function querySettings(limits: DatasetLimits): QuerySettings {
  return {
    memoryLimit: limits.queryMemory,
    threads: limits.queryThreads,
    timeLimitSeconds: limits.querySeconds,
    maxRows: limits.rows,
    maxTextLength: limits.lineLength,
    spillDirectory: join(cacheFolder(), 'spill'),
  };
}

/**
 * The result of `data/<name>.sql`, from the cache or run now.
 * @param root The project root (absolute).
 * @param path The `.sql` file's path from the root.
 * @param text Its text.
 * @param limits The dataset limits.
 * @param tables The CSV datasets it reads by name.
 */
export function queryResult(
  root: string,
  path: string,
  text: string,
  limits: DatasetLimits,
  tables: readonly QueryTable[] = [],
): QueryResult {
  const settings = querySettings(limits);
  const key = createHash('sha256')
    .update(JSON.stringify({ text, version: duckdbVersion(), settings: { ...settings, spillDirectory: '' }, root }))
    .update(JSON.stringify(tables))
    .update(
      listRawFiles(root)
        .map((file) => `${file.path}\0${file.stamp}\0${file.outside ?? ''}`)
        .join('\n'),
    )
    .digest('hex');
  const file = join(cacheFolder(), `${key}.json`);
  let cached: QueryResult | undefined;
  try {
    cached = JSON.parse(readFileSync(file, 'utf8')) as QueryResult;
  } catch {
    // Not run yet with these inputs.
  }
  if (cached) {
    counts.fromCache++;
    return cached;
  }
  // What can be refused from the text alone is refused here, before any process or file is opened.
  const checked = checkQueryText(text, path, listRawFiles(root));
  if (checked.problems.length > 0) return { columns: [], rows: [], inputs: checked.inputs, problems: checked.problems };
  counts.run++;
  const result = runInChild(root, path, text, settings, tables);
  // Only a clean result is kept: a query with problems runs again, so a fix in data/raw/ is seen.
  if (result.problems.length === 0) {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(result));
    renameSync(temporary, file);
  }
  return result;
}

function runInChild(
  root: string,
  path: string,
  text: string,
  settings: QuerySettings,
  tables: readonly QueryTable[],
): QueryResult {
  const worker = join(codeRoot(), 'src', 'lib', 'data', 'sql', 'query-worker.ts');
  const at = { path, line: 1, column: 1 };
  try {
    const output = execFileSync(process.execPath, ['--no-warnings', worker], {
      input: JSON.stringify({ root, path, text, settings, tables }),
      cwd: root,
      maxBuffer: 2 * 1024 * 1024 * 1024,
      // The query stops itself at its limit; this stops a child that does not.
      timeout: (settings.timeLimitSeconds + 30) * 1000,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return JSON.parse(output.toString('utf8')) as QueryResult;
  } catch (error) {
    const failure = error as { code?: string; signal?: string; stderr?: Buffer; message?: string };
    const empty = { columns: [], rows: [], inputs: [] };
    if (failure.code === 'ETIMEDOUT' || failure.signal === 'SIGTERM') {
      return { ...empty, problems: [problem(TB316, { seconds: settings.timeLimitSeconds }, at)] };
    }
    const detail = (failure.stderr?.toString('utf8') || failure.message || 'the query process failed')
      .split('\n')
      .find((line) => /error/i.test(line))
      ?.trim();
    return {
      ...empty,
      problems: [problem(TB318, { detail: detail?.slice(0, 300) ?? 'the query process failed' }, at)],
    };
  }
}
