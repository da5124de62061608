/**
 * Runs one query dataset in DuckDB, in this process, locked down: it may read
 * files under `data/raw/` and nothing else (external access off, that folder
 * allowed, extensions neither installed nor loaded, settings locked), with a
 * memory cap that spills to a cache folder and a time limit. The result comes
 * back as plain values with each column's kind, or as problems at the query's
 * line and column. Build code reaches it through query-cache.ts, which runs it
 * in a child process and keeps its result; benchmarks call it directly. Either
 * way the process's working folder must be the project root (see runQuery).
 */
import { mkdirSync, realpathSync } from 'node:fs';
import { DuckDBInstance, type DuckDBType, DuckDBTypeId } from '@duckdb/node-api';
import { problem } from '../../error-codes/define.ts';
import {
  TB302,
  TB303,
  TB306,
  TB307,
  TB308,
  TB309,
  TB310,
  TB311,
  TB312,
  TB313,
  TB314,
  TB316,
  TB317,
  TB318,
  TB319,
  TB321,
} from '../../error-codes/sql.ts';
import { closest, type Problem } from '../../errors.ts';
import { checkQueryText } from './query-checks.ts';
import { listRawFiles, RAW_DIR } from './raw-files.ts';
import { placeFinder, type SqlPlace, scanSql } from './sql-text.ts';

/** How DuckDB may run: memory, threads, time and the largest result. */
export interface QuerySettings {
  /** DuckDB's memory limit (`1GB`); beyond it, work spills to `spillDirectory`. */
  memoryLimit: string;
  /** Threads. 1 (the default) makes float sums come out the same in every build. */
  threads: number;
  /** Seconds before a query is stopped. */
  timeLimitSeconds: number;
  /** Most rows a result may have. */
  maxRows: number;
  /** Longest text value, in characters. */
  maxTextLength: number;
  /** Folder DuckDB spills to (absolute). */
  spillDirectory: string;
}

/** What a result column holds, for the dataset's types. */
export type QueryColumnKind = 'number' | 'integer' | 'text' | 'date';

/** A column of the result. */
export interface QueryColumn {
  name: string;
  /** DuckDB's type, as SQL writes it (`DECIMAL(10,2)`). */
  sqlType: string;
  kind: QueryColumnKind;
  /** Decimals a DECIMAL column keeps; undefined for other types. */
  scale?: number | undefined;
}

/** A CSV dataset a query reads by name (`FROM engagement`), as a table of its typed values. */
export interface QueryTable {
  name: string;
  columns: { name: string; type: 'DOUBLE' | 'INTEGER' | 'VARCHAR' | 'DATE' }[];
  rows: (number | string | null)[][];
}

/** A query's result, or its problems. */
export interface QueryResult {
  columns: QueryColumn[];
  /** Rows of values: numbers, text, ISO dates (`2024-04-05`) or null. */
  rows: (number | string | null)[][];
  /** Files under data/raw/ the query's paths name. */
  inputs: string[];
  problems: Problem[];
}

/**
 * Runs a query dataset. The process's working folder must be `root`: DuckDB
 * checks a relative path (`'data/raw/posts.csv'`) against the allowed folder
 * from the working folder, not from `file_search_path`, so from anywhere else
 * every file under data/raw/ would be refused as outside it (query-worker.ts
 * is started in the root; a benchmark's child process must be too).
 * @param root The project root (absolute).
 * @param path The `.sql` file's path from the root (`data/posts.sql`).
 * @param text Its text.
 * @param settings Memory, threads, time and size limits.
 * @param tables The CSV datasets it reads by name.
 */
export async function runQuery(
  root: string,
  path: string,
  text: string,
  settings: QuerySettings,
  tables: readonly QueryTable[] = [],
): Promise<QueryResult> {
  if (realpathSync(process.cwd()) !== realpathSync(root)) {
    throw new Error(
      `Internal error: runQuery needs the project root ${root} as its working folder, not ${process.cwd()}, or DuckDB refuses every file under data/raw/`,
    );
  }
  const checked = checkQueryText(text, path, listRawFiles(root));
  const empty = { columns: [], rows: [], inputs: checked.inputs };
  if (checked.problems.length > 0) return { ...empty, problems: checked.problems };
  const statement = scanSql(text).statements[0]!;
  const start = { path, line: statement.line, column: statement.column };
  const locate = placeFinder(text);

  mkdirSync(settings.spillDirectory, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(settings.threads),
    memory_limit: settings.memoryLimit,
    temp_directory: settings.spillDirectory,
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const connection = await instance.connect();
  try {
    for (const table of tables) await createTable(connection, table);
    // Relative paths resolve from the project root; only data/raw/ is readable; then nothing can change.
    await connection.run(`SET file_search_path = ${sqlString(root)}`);
    await connection.run(`SET allowed_directories = [${sqlString(`${root}/${RAW_DIR}/`)}]`);
    await connection.run('SET enable_external_access = false');
    await connection.run('SET lock_configuration = true');

    const shape = await serialised(connection, text);
    if (shape.error) {
      // Not a SELECT: a statement the text check let through (a CTE before INSERT).
      if (/only select/i.test(shape.error))
        return { ...empty, problems: [problem(TB302, { keyword: statement.keyword }, start)] };
    }
    if (!shape.ordered) {
      // Binding alone names the result's columns for the fix (and reports a binding error first).
      const names: string[] = [];
      try {
        const prepared = await connection.prepare(text);
        for (let i = 0; i < prepared.columnCount; i++) names.push(prepared.columnName(i));
      } catch (error) {
        return { ...empty, problems: [duckdbProblem(error, text, path, root, locate, start, settings)] };
      }
      const end = locate(text.trimEnd().replace(/;\s*$/, '').length);
      return { ...empty, problems: [problem(TB310, { columns: names.slice(0, 3) }, { path, ...end })] };
    }
    // Bound and run in one step (binding a CSV sniffs it, which a separate prepare would do apart), with the
    // time limit over both.
    const timer = setTimeout(() => connection.interrupt(), settings.timeLimitSeconds * 1000);
    let reader: Awaited<ReturnType<typeof connection.runAndReadAll>>;
    try {
      reader = await connection.runAndReadAll(text);
    } catch (error) {
      return { ...empty, problems: [duckdbProblem(error, text, path, root, locate, start, settings)] };
    } finally {
      clearTimeout(timer);
    }
    return {
      ...convertResult(reader.columnNames(), reader.columnTypes(), reader.getRows(), start, settings),
      inputs: checked.inputs,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A name as SQL quotes it. */
function sqlName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Loads a CSV dataset's typed values into a table of its name (before the configuration is locked).
 * @param connection An open connection.
 * @param table The dataset's columns and rows.
 */
async function createTable(
  connection: Awaited<ReturnType<DuckDBInstance['connect']>>,
  table: QueryTable,
): Promise<void> {
  const loading = `${table.name}__loading`;
  const stored = (type: QueryTable['columns'][number]['type']) => (type === 'DATE' ? 'VARCHAR' : type);
  await connection.run(
    `CREATE TABLE ${sqlName(loading)} (${table.columns.map((column) => `${sqlName(column.name)} ${stored(column.type)}`).join(', ')})`,
  );
  const appender = await connection.createAppender(loading);
  for (const row of table.rows) {
    table.columns.forEach((column, index) => {
      const value = row[index];
      if (value === null || value === undefined) appender.appendNull();
      else if (column.type === 'DOUBLE') appender.appendDouble(Number(value));
      else if (column.type === 'INTEGER') appender.appendInteger(Number(value));
      else appender.appendVarchar(String(value));
    });
    appender.endRow();
  }
  appender.closeSync();
  const select = table.columns
    .map((column) =>
      column.type === 'DATE'
        ? `CAST(${sqlName(column.name)} AS DATE) AS ${sqlName(column.name)}`
        : sqlName(column.name),
    )
    .join(', ');
  await connection.run(`CREATE TABLE ${sqlName(table.name)} AS SELECT ${select} FROM ${sqlName(loading)}`);
  await connection.run(`DROP TABLE ${sqlName(loading)}`);
}

/** A JavaScript string as an SQL literal. */
function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * DuckDB's own reading of the query: whether it is one SELECT and whether it ends in ORDER BY.
 * @param connection An open connection.
 * @param text The query.
 */
async function serialised(
  connection: Awaited<ReturnType<DuckDBInstance['connect']>>,
  text: string,
): Promise<{ error?: string; ordered: boolean }> {
  const rows = (await connection.runAndReadAll(`SELECT json_serialize_sql(${sqlString(text)})`)).getRows();
  const json = JSON.parse(String(rows[0]?.[0] ?? '{}')) as {
    error?: boolean;
    error_message?: string;
    statements?: { node?: { modifiers?: { type?: string }[] } }[];
  };
  if (json.error) return { error: json.error_message ?? 'not a query', ordered: true };
  const modifiers = json.statements?.[0]?.node?.modifiers ?? [];
  return { ordered: modifiers.some((modifier) => modifier.type === 'ORDER_MODIFIER') };
}

/** The place DuckDB's message points at: its `LINE n:` excerpt and the caret under it. */
function errorPlace(message: string, text: string): SqlPlace | undefined {
  const match = /LINE (\d+): (.*)\n( *)\^/.exec(message);
  if (!match) return undefined;
  const line = Number(match[1]);
  const excerpt = match[2]!;
  const caret = match[3]!.length - `LINE ${match[1]}: `.length;
  const source = text.split('\n')[line - 1] ?? '';
  // DuckDB shortens long lines with "..." on either side of the excerpt.
  const shown = excerpt.replace(/^\.\.\./, '');
  const shift = excerpt.length - shown.length;
  const at = source.indexOf(shown.replace(/\.\.\.$/, ''));
  return { line, column: Math.max(1, (at === -1 ? 0 : at) + caret - shift + 1) };
}

/**
 * One of DuckDB's errors, in Trendbook's words and at its place in the query.
 * @param error What DuckDB threw.
 * @param text The query.
 * @param path The `.sql` file's path.
 * @param root The project root.
 * @param locate Offsets to places.
 * @param start The statement's start, where errors without a place go.
 * @param settings The limits, for their messages.
 */
function duckdbProblem(
  error: unknown,
  text: string,
  path: string,
  root: string,
  locate: (offset: number) => SqlPlace,
  start: { path: string; line: number; column: number },
  settings: QuerySettings,
): Problem {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0]!;
  const place = errorPlace(message, text);
  const at = place ? { path, ...place } : start;
  const stringAt = (value: string) => {
    const offset = text.indexOf(value);
    return offset === -1 ? at : { path, ...locate(Math.max(0, offset - 1)) };
  };
  if (/^INTERRUPT Error/.test(firstLine)) return problem(TB316, { seconds: settings.timeLimitSeconds }, start);
  if (/^Out of Memory Error/.test(firstLine)) return problem(TB317, { limit: settings.memoryLimit }, start);
  const permission = /^Permission Error: Cannot access (?:file|directory) "([^"]*)"/.exec(firstLine);
  if (permission) return problem(TB303, { path: relativeToRoot(permission[1]!, root) }, stringAt(permission[1]!));
  const noFiles = /^IO Error: No files found that match the pattern "([^"]*)"/.exec(firstLine);
  if (noFiles) return problem(TB306, { path: noFiles[1]! }, stringAt(noFiles[1]!));
  const column = /^Binder Error: Referenced column "([^"]*)" not found/.exec(firstLine);
  if (column) {
    const names = [...(/Candidate bindings: (.*)/.exec(message)?.[1] ?? '').matchAll(/"([^"]*)"/g)].map((candidate) =>
      candidate[1]!.replace(/^.*\./, ''),
    );
    return problem(TB308, { column: column[1]!, names, suggestion: closest(column[1]!, names) }, at);
  }
  const table = /^Catalog Error: Table with name (.*) does not exist/.exec(firstLine);
  if (table) {
    const name = table[1]!;
    const files = listRawFiles(root).map((file) => file.path);
    const byName = files.filter((file) => file.replace(/^.*\//, '').replace(/\..*$/, '') === name);
    return problem(TB309, { name, suggestion: byName[0] ?? closest(name, files) }, at);
  }
  if (/^Parser Error/.test(firstLine)) {
    return problem(TB307, { detail: firstLine.replace(/^Parser Error: /, '') }, at);
  }
  return problem(TB318, { detail: firstLine.slice(0, 300) }, at);
}

/** A path DuckDB names, from the project root when it lies inside it. */
function relativeToRoot(path: string, root: string): string {
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
}

/** What each DuckDB type becomes, or undefined for one a dataset cannot hold. */
function columnKind(type: DuckDBType): QueryColumnKind | undefined {
  switch (type.typeId) {
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return 'integer';
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.DECIMAL:
      return 'number';
    case DuckDBTypeId.VARCHAR:
    case DuckDBTypeId.ENUM:
    case DuckDBTypeId.UUID:
    case DuckDBTypeId.BOOLEAN:
    case DuckDBTypeId.SQLNULL:
      return 'text';
    case DuckDBTypeId.DATE:
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return 'date';
    default:
      return undefined;
  }
}

/** How to turn a column of a type a dataset cannot hold into one it can. */
function typeFix(type: DuckDBType, name: string): string | undefined {
  if (type.typeId === DuckDBTypeId.LIST || type.typeId === DuckDBTypeId.ARRAY) return `unnest(${name}) AS ${name}`;
  if (type.typeId === DuckDBTypeId.TIME || type.typeId === DuckDBTypeId.TIME_TZ) return `CAST(${name} AS VARCHAR)`;
  return undefined;
}

/** Integers with more digits than this change when held as a double. */
const EXACT_DIGITS = 15;
const EXACT_LIMIT = 10n ** BigInt(EXACT_DIGITS);

/**
 * Values of one result as plain JavaScript, each checked: integers and decimals
 * exact, timestamps on a day, text without NUL and within the length limit.
 */
function convertResult(
  names: string[],
  types: DuckDBType[],
  rows: unknown[][],
  start: { path: string; line: number; column: number },
  settings: QuerySettings,
): Omit<QueryResult, 'inputs'> {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    const first = seen.get(name);
    if (first === undefined) seen.set(name, index);
    else problems.push(problem(TB312, { column: name, positions: [first + 1, index + 1] }, start));
  });
  const columns: QueryColumn[] = names.map((name, index) => {
    const type = types[index]!;
    const kind = columnKind(type);
    if (kind === undefined)
      problems.push(problem(TB314, { column: name, type: type.toString(), cast: typeFix(type, name) }, start));
    const scale = type.typeId === DuckDBTypeId.DECIMAL ? (type as DuckDBType & { scale: number }).scale : undefined;
    return { name, sqlType: type.toString(), kind: kind ?? 'text', scale };
  });
  if (problems.length > 0) return { columns, rows: [], problems };
  if (rows.length === 0) return { columns, rows: [], problems: [problem(TB311, {}, start)] };
  if (rows.length > settings.maxRows) {
    return { columns, rows: [], problems: [problem(TB321, { rows: rows.length, limit: settings.maxRows }, start)] };
  }
  // One problem per column and kind: a million inexact values say the same thing once.
  const reported = new Set<string>();
  const report = (key: string, make: () => Problem) => {
    if (reported.has(key)) return;
    reported.add(key);
    problems.push(make());
  };
  const out: (number | string | null)[][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const values: (number | string | null)[] = new Array(columns.length);
    for (let c = 0; c < columns.length; c++) {
      const value = row[c];
      const column = columns[c]!;
      const resultRow = r + 1;
      if (value === null || value === undefined) {
        values[c] = null;
      } else if (typeof value === 'bigint') {
        if (value >= EXACT_LIMIT || value <= -EXACT_LIMIT) {
          report(`${c}:exact`, () =>
            problem(TB313, { column: column.name, value: value.toString(), row: resultRow }, start),
          );
        }
        values[c] = Number(value);
      } else if (typeof value === 'number') {
        if (!Number.isFinite(value)) {
          report(`${c}:finite`, () =>
            problem(
              TB318,
              { detail: `${column.name} is ${value} in row ${resultRow} of the result, not a number a chart can show` },
              start,
            ),
          );
        }
        values[c] = value;
      } else if (typeof value === 'string') {
        if (value.includes('\0')) {
          report(`${c}:nul`, () =>
            problem(TB319, { column: column.name, row: resultRow, problem: 'holds a NUL character' }, start),
          );
        } else if (value.length > settings.maxTextLength) {
          report(`${c}:long`, () =>
            problem(
              TB319,
              {
                column: column.name,
                row: resultRow,
                problem: `is ${value.length.toLocaleString('en-US')} characters long (limit ${settings.maxTextLength.toLocaleString('en-US')})`,
              },
              start,
            ),
          );
        }
        values[c] = value;
      } else if (typeof value === 'boolean') {
        values[c] = value ? 'true' : 'false';
      } else if (column.scale !== undefined && typeof value === 'object' && 'value' in value) {
        const scaled = (value as { value: bigint }).value;
        if (scaled >= EXACT_LIMIT || scaled <= -EXACT_LIMIT) {
          report(`${c}:exact`, () =>
            problem(TB313, { column: column.name, value: String(value), row: resultRow }, start),
          );
        }
        values[c] = Number(String(value));
      } else if (column.kind === 'date') {
        const written = String(value);
        const day = /^(-?\d{4,}-\d{2}-\d{2})(?:[ T]00:00:00(?:\.0+)?(?:\+00(?::?00)?)?)?$/.exec(written);
        if (!day) {
          report(`${c}:time`, () =>
            problem(
              TB314,
              { column: column.name, type: column.sqlType, cast: `CAST(${column.name} AS DATE) AS ${column.name}` },
              start,
            ),
          );
        }
        values[c] = day ? day[1]! : written;
      } else {
        values[c] = String(value);
      }
    }
    out[r] = values;
  }
  return { columns, rows: problems.length > 0 ? [] : out, problems };
}
