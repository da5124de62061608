/**
 * The only module that reads `data/`. A dataset is `data/<name>.csv`, or a
 * query `data/<name>.sql` over files in `data/raw/` (run by DuckDB, see sql/),
 * plus an optional `data/<name>.yml`; it is read once per change of its files.
 * Both kinds go through the same typing and checks (columns.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TB019, TB020, TB021, TB022, TB023 } from '../error-codes/csv.ts';
import { issue, problem } from '../error-codes/define.ts';
import { TB322 } from '../error-codes/sql.ts';
import { closest, type Issue, type Problem, ReportError } from '../errors.ts';
import { linkedOutside, outsideLinkIssue } from '../project-links.ts';
import type { Locate } from '../zod-errors.ts';
import { type Column, type Row, type RowInfo, typeColumns } from './columns.ts';
import { parseCsv } from './csv.ts';
import { decodeUtf8 } from './decode.ts';
import { checkShape, checkSize, type DatasetLimits, DEFAULT_LIMITS } from './limits.ts';
import { type DatasetMeta, parseDatasetMeta } from './metadata.ts';
import { readQueryDataset } from './query-dataset.ts';
import { listRawFiles } from './sql/raw-files.ts';

/** A dataset, typed and validated. */
export interface Dataset {
  /** The file name without `.csv` or `.sql`: what `dataset="…"` refers to. */
  name: string;
  /** CSV or SQL path relative to the project root (`data/engagement.csv`, `data/posts.sql`). */
  path: string;
  /** For a query dataset: its SQL, the files under data/raw/ it names and the CSV datasets it reads by name. */
  query?: { text: string; inputs: string[]; datasets: string[] } | undefined;
  /** Sidecar path relative to the project root, whether or not it exists. */
  metaPath: string;
  /** The sidecar; `title` defaults to the name when there is none. */
  meta: DatasetMeta;
  columns: Column[];
  rows: Row[];
  /** Per-row line numbers and range midpoints, index-aligned with `rows`. */
  info: RowInfo[];
}

const RESERVED_DATASET_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** A dataset name as reports write it: the file name in data/ without .csv, so no folders, dots or spaces. */
const PLAIN_DATASET_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * Whether a dataset name is plain: letters, digits, `-` and `_`, nothing that reads as a path.
 * @param name The name as written.
 */
export function isPlainDatasetName(name: string): boolean {
  return PLAIN_DATASET_NAME.test(name);
}

interface CacheEntry {
  stamp: string;
  result: { dataset?: Dataset; problems: Problem[] };
}

// Astro loads this module twice in one build, once with the remark plugins from astro.config.mjs and
// once bundled into the pages: one cache per process, so a dataset of millions of rows is parsed and
// held once per build, not once per copy of the module.
const CACHE_KEY = Symbol.for('trendbook.datasets');
const cache = ((globalThis as { [CACHE_KEY]?: Map<string, CacheEntry> })[CACHE_KEY] ??= new Map<string, CacheEntry>());

/**
 * Names of the datasets in `<root>/data`, sorted.
 * @param root The project root (absolute).
 */
export function listDatasets(root: string): string[] {
  const dir = join(root, 'data');
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const names = entries
    .filter((entry) => (entry.endsWith('.csv') || entry.endsWith('.sql')) && !entry.startsWith('.'))
    .map((entry) => entry.slice(0, -'.csv'.length));
  return [...new Set(names)].sort();
}

/**
 * The problem with a dataset name that has no file: it names the exact path
 * looked for, so a case mismatch (Tiers.csv) reads the same on every filesystem.
 * @param root The project root (absolute).
 * @param name The name as written.
 * @param writeAs How the suggested name is written (`dataset="tiers"` in a directive, `dataset: tiers` in YAML).
 */
function unknownDatasetIssue(root: string, name: string, writeAs: (name: string) => string): Issue {
  const names = listDatasets(root);
  const suggestion = closest(name, names);
  return issue(TB019, { name, names, suggestion: suggestion === undefined ? undefined : writeAs(suggestion) });
}

/**
 * The one check of a dataset name written in a report (a directive, a key
 * figure) or a view: a name that is not plain gets its own message, since
 * "no file named …" would quote a path; a plain name must be a file in data/.
 * @param root The project root (absolute).
 * @param name The name as written.
 * @param writeAs How the suggested name is written (`dataset="tiers"` in a directive, `dataset: tiers` in YAML).
 * @returns The problem, or `undefined` when the name is a dataset in data/.
 */
export function datasetNameIssue(root: string, name: string, writeAs: (name: string) => string): Issue | undefined {
  const names = listDatasets(root);
  if (isPlainDatasetName(name)) return names.includes(name) ? undefined : unknownDatasetIssue(root, name, writeAs);
  const usable = names.filter(isPlainDatasetName);
  // A path or a file name was written: its last part, without .csv, is most likely the dataset meant.
  const last = name
    .split(/[\\/]/)
    .at(-1)!
    .replace(/\.csv$/i, '');
  const suggestion = usable.includes(last) ? last : closest(last, usable);
  return issue(TB020, {
    name,
    suggestion: suggestion && writeAs(suggestion),
    example: usable[0] && writeAs(usable[0]),
  });
}

/**
 * Reads, validates and types one dataset, collecting every problem.
 * @param root The project root (absolute).
 * @param name The dataset's name (its file name without `.csv`).
 * @param limits Size limits (default: DEFAULT_LIMITS; sites set theirs in `src/site.config.ts`).
 */
export function readDataset(
  root: string,
  name: string,
  limits: DatasetLimits = DEFAULT_LIMITS,
): { dataset?: Dataset; problems: Problem[] } {
  const isQuery = existsSync(join(root, 'data', `${name}.sql`));
  const path = `data/${name}.${isQuery ? 'sql' : 'csv'}`;
  const metaPath = `data/${name}.yml`;
  const csvFile = join(root, path);
  const metaFile = join(root, 'data', `${name}.yml`);
  // A query's stamp also covers data/raw/, so a changed input reruns it (the result itself is cached on disk).
  const inputs = isQuery ? [rawStamp(root), csvStamps(root)] : [];
  const stamp = [fileStamp(csvFile), fileStamp(metaFile), JSON.stringify(limits), ...inputs].join('|');
  const cached = cache.get(csvFile);
  if (cached && cached.stamp === stamp) return cached.result;
  const result = readUncached(root, name, path, metaPath, csvFile, metaFile, limits);
  cache.set(csvFile, { stamp, result });
  return result;
}

/**
 * Like `readDataset`, but throws a ReportError with every problem.
 * @param root The project root (absolute).
 * @param name The dataset's name.
 * @param limits Size limits (default: DEFAULT_LIMITS).
 */
export function loadDataset(root: string, name: string, limits: DatasetLimits = DEFAULT_LIMITS): Dataset {
  const { dataset, problems } = readDataset(root, name, limits);
  if (!dataset || problems.length > 0) throw new ReportError(problems);
  return dataset;
}

/** Forgets every dataset read so far (used when `data/` changes in `astro dev`). */
export function clearDatasetCache(): void {
  cache.clear();
}

/** Stamps of every CSV and sidecar in data/ (a query may read CSV datasets by name). */
function csvStamps(root: string): string {
  return listDatasets(root)
    .map((other) => `${fileStamp(join(root, 'data', `${other}.csv`))}/${fileStamp(join(root, 'data', `${other}.yml`))}`)
    .join(',');
}

/** Sizes and times of every file under data/raw/, in one string. */
function rawStamp(root: string): string {
  return listRawFiles(root)
    .map((file) => `${file.path}:${file.stamp}`)
    .join(',');
}

function fileStamp(file: string): string {
  try {
    const stats = statSync(file);
    return `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
  } catch {
    return 'absent';
  }
}

function readUncached(
  root: string,
  name: string,
  path: string,
  metaPath: string,
  csvFile: string,
  metaFile: string,
  limits: DatasetLimits,
): { dataset?: Dataset; problems: Problem[] } {
  const at = { path, line: 1, column: 1 };
  if (RESERVED_DATASET_NAMES.has(name)) {
    return { problems: [problem(TB022, { name }, at)] };
  }
  if (!isPlainDatasetName(name)) {
    // A file in data/ that no directive could name; a name with folders never comes from data/ (callers check names first).
    const folders = /[\\/]/.test(name);
    const plain = name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '');
    return {
      problems: [
        problem(
          TB021,
          { name, rename: folders || !plain ? undefined : plain },
          { ...at, path: folders ? 'data' : path },
        ),
      ],
    };
  }
  // The link itself is named, so the check's scan of data/ and this refusal read the same.
  const csvOutside = linkedOutside(root, csvFile);
  const metaOutside = csvOutside ? undefined : linkedOutside(root, metaFile);
  if (csvOutside) return { problems: [{ ...at, ...outsideLinkIssue('file', csvOutside, 'data') }] };
  if (metaOutside) return { problems: [{ ...at, path: metaPath, ...outsideLinkIssue('file', metaOutside, 'data') }] };

  // Step 1: the sidecar, if present.
  let meta: DatasetMeta = { title: name, sources: [], columns: {} };
  const problems: Problem[] = [];
  let locateMeta: Locate = () => ({ line: 1, column: 1 });
  let metaText: string | undefined;
  try {
    metaText = readFileSync(metaFile, 'utf8');
  } catch {
    metaText = undefined;
  }
  let declaredMeta: DatasetMeta | undefined;
  if (metaText !== undefined) {
    const parsed = parseDatasetMeta(metaText, metaPath);
    for (const problem of parsed.problems) problems.push(problem);
    locateMeta = parsed.locate;
    if (parsed.meta) {
      meta = parsed.meta;
      declaredMeta = parsed.meta;
    } else if (parsed.partial) {
      // The sidecar's own problems are reported; what still holds checks the CSV too.
      meta = { ...parsed.partial, title: name };
      declaredMeta = parsed.partial;
    }
  }

  if (path.endsWith('.sql')) {
    const csvDatasets = listDatasets(root).filter(
      (other) => other !== name && !existsSync(join(root, 'data', `${other}.sql`)),
    );
    return readQueryDataset({
      root,
      name,
      path,
      metaPath,
      limits,
      meta,
      declaredMeta,
      locateMeta,
      metaText,
      problems,
      csvDatasets,
      readCsv: (csv) => readDataset(root, csv, limits),
    });
  }
  if (declaredMeta?.publish_raw !== undefined) {
    problems.push(problem(TB322, { name }, { path: metaPath, ...locateMeta(['publish_raw'], { key: true }) }));
  }

  // Step 2: the CSV bytes, decoded strictly.
  if (!existsSync(csvFile)) {
    return { problems: [...problems, problem(TB023, { path, metaPath }, at)] };
  }
  const tooBig = checkSize(statSync(csvFile).size, path, limits);
  if (tooBig) return { problems: [...problems, tooBig] };
  const decoded = decodeUtf8(readFileSync(csvFile), path);
  if (decoded.problem) return { problems: [...problems, decoded.problem] };
  const shapeProblems = checkShape(decoded.text, path, limits, meta.delimiter ?? ',');
  if (shapeProblems.length > 0) return { problems: [...problems, ...shapeProblems] };

  // Step 3: rows and columns.
  const csv = parseCsv(decoded.text, path, meta.delimiter);
  // One push per problem: a file with a bad cell in each of a million rows would overflow the stack as spread arguments.
  for (const problem of csv.problems) problems.push(problem);
  if (csv.header.length === 0) return { problems };
  // A sidecar that could not be read at all cannot vouch for source ids; its own problems are reported.
  const sourcesKnown = metaText === undefined || declaredMeta !== undefined;
  const typed = typeColumns({
    header: csv.header,
    raw: csv.rows,
    meta: declaredMeta,
    path,
    metaPath,
    locateMeta,
    delimiter: csv.delimiter,
    sourcesKnown,
  });
  for (const problem of typed.problems) problems.push(problem);
  const dataset: Dataset = { name, path, metaPath, meta, columns: typed.columns, rows: typed.rows, info: typed.info };
  return { dataset, problems };
}
