/**
 * The checks a query passes before DuckDB starts: one statement, a query and
 * not a command, and every file path it quotes under `data/raw/` naming files
 * that exist there. Each refusal points at the word or path in the `.sql` file.
 * DuckDB is also set to refuse anything outside `data/raw/` (run-query.ts), so
 * a path these checks cannot see (built by concatenation) still fails.
 */
import { posix } from 'node:path';
import { problem } from '../../error-codes/define.ts';
import { TB300, TB301, TB302, TB303, TB304, TB305, TB306, TB307 } from '../../error-codes/sql.ts';
import { closest, type Problem } from '../../errors.ts';
import { matchRawFiles, RAW_DIR, type RawFile } from './raw-files.ts';
import { type SqlString, scanSql } from './sql-text.ts';

/** Words a query may start with: SELECT, WITH … SELECT, DuckDB's FROM-first form, VALUES, or a parenthesis. */
const QUERY_STARTS = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', '(', 'TABLE']);

/** Extensions of files DuckDB reads, so a quoted file name is recognised as a path even without a folder. */
const FILE_EXTENSION =
  /\.(csv|tsv|txt|dat|parquet|json|jsonl|ndjson|gz|zst|zstd|duckdb|db|sqlite|sqlite3|xlsx|arrow|avro|orc|blob)$/i;

/** What the checks found. */
export interface CheckedQuery {
  problems: Problem[];
  /** Files the quoted paths name, sorted (the inputs a `publish_raw` dataset publishes). */
  inputs: string[];
}

/**
 * Whether a quoted string names a file or an address rather than a value
 * (`'N/A'` and `'Mega / celebrity'` are values).
 * @param value The string's text.
 */
function looksLikePath(value: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return true;
  if (/^(\/|~|\\|[A-Za-z]:[\\/])/.test(value)) return true;
  if (/^(\.{1,2}[\\/]|data[\\/])/.test(value) || /(^|[\\/])\.\.([\\/]|$)/.test(value)) return true;
  if (/\s/.test(value.trim())) return false;
  return FILE_EXTENSION.test(value) || (/[\\/]/.test(value) && /\.[A-Za-z0-9]{1,10}$/.test(value));
}

/**
 * Checks a query's text against the files under `data/raw/`.
 * @param text The `.sql` file's text.
 * @param path Its path from the project root, for messages.
 * @param files The files under `data/raw/`.
 */
export function checkQueryText(text: string, path: string, files: readonly RawFile[]): CheckedQuery {
  const scanned = scanSql(text);
  const problems: Problem[] = [];
  if (scanned.unclosed) {
    const { kind, line, column } = scanned.unclosed;
    problems.push(problem(TB307, { detail: `a ${kind} opened here is never closed` }, { path, line, column }));
    return { problems, inputs: [] };
  }
  const [first, second] = scanned.statements;
  if (!first) return { problems: [problem(TB300, {}, { path, line: 1, column: 1 })], inputs: [] };
  if (!QUERY_STARTS.has(first.keyword)) {
    problems.push(problem(TB302, { keyword: first.keyword }, { path, line: first.line, column: first.column }));
  }
  if (second) {
    problems.push(problem(TB301, { keyword: second.keyword }, { path, line: second.line, column: second.column }));
  }
  const inputs = new Set<string>();
  for (const string of scanned.strings) {
    if (!looksLikePath(string.value)) continue;
    const found = checkPath(string, path, files);
    if ('problem' in found) problems.push(found.problem);
    else for (const input of found.inputs) inputs.add(input);
  }
  return { problems, inputs: [...inputs].sort() };
}

/**
 * One quoted path: an address, a path leaving `data/raw/`, a link leading out, or a path naming no file.
 * @param string The quoted path and its place.
 * @param path The `.sql` file's path.
 * @param files The files under `data/raw/`.
 */
function checkPath(
  string: SqlString,
  path: string,
  files: readonly RawFile[],
): { problem: Problem } | { inputs: string[] } {
  const at = { path, line: string.line, column: string.column };
  const value = string.value.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^[A-Za-z]:[\\/]/.test(value)) {
    return { problem: problem(TB304, { path: value }, at) };
  }
  const normal = posix.normalize(value.replace(/\\/g, '/'));
  if (
    posix.isAbsolute(normal) ||
    /^[A-Za-z]:/.test(normal) ||
    normal.startsWith('~') ||
    !normal.startsWith(`${RAW_DIR}/`)
  ) {
    return { problem: problem(TB303, { path: value }, at) };
  }
  const matched = matchRawFiles(files, normal);
  const out = matched.find((file) => file.outside !== undefined);
  if (out) return { problem: problem(TB305, { link: out.path, target: out.outside! }, at) };
  if (matched.length === 0) {
    const suggestion = closest(
      normal,
      files.map((file) => file.path),
    );
    return { problem: problem(TB306, { path: value, suggestion }, at) };
  }
  return { inputs: matched.map((file) => file.path) };
}
