/**
 * A query dataset: `data/<name>.sql`, its result (sql/query-cache.ts) typed
 * like a CSV's rows. Columns the sidecar does not type take DuckDB's types
 * (numbers, dates, text); a sidecar type the result cannot have is a problem
 * at the sidecar. Problems about values point at the query and name the row
 * of its result (the line of its CSV download, less the header).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { problem } from '../error-codes/define.ts';
import { inQueryResultRow, TB315, TB320, TB323 } from '../error-codes/sql.ts';
import type { Problem } from '../errors.ts';
import type { Locate } from '../zod-errors.ts';
import { typeColumns } from './columns.ts';
import type { RawRow } from './csv.ts';
import type { DatasetLimits } from './limits.ts';
import type { Dataset } from './load-dataset.ts';
import type { ColumnMeta, ColumnType, DatasetMeta } from './metadata.ts';
import { queryResult } from './sql/query-cache.ts';
import type { QueryColumn, QueryTable } from './sql/run-query.ts';
import { type SqlWord, scanSql } from './sql/sql-text.ts';

/** What `readQueryDataset` needs from the loader: the names and the sidecar it read. */
export interface QueryDatasetInput {
  root: string;
  name: string;
  path: string;
  metaPath: string;
  limits: DatasetLimits;
  meta: DatasetMeta;
  declaredMeta: DatasetMeta | undefined;
  locateMeta: Locate;
  metaText: string | undefined;
  problems: Problem[];
  /** The CSV datasets in data/, by name, for a query that reads one as a table (`FROM engagement`). */
  csvDatasets: readonly string[];
  /** Reads one of them. */
  readCsv: (name: string) => { dataset?: Dataset | undefined; problems: Problem[] };
}

const YEAR_NAME = /(^|_)year$/i;
const NUMERIC = new Set<ColumnType>(['number', 'percent', 'currency', 'fraction', 'year']);
/** Decimals shown for a DOUBLE column at most: round in the query to choose another precision. */
const DOUBLE_DECIMALS = 3;

/**
 * The type a column takes from DuckDB when the sidecar gives none.
 * @param column The result column.
 */
function typeFromSql(column: QueryColumn): ColumnType {
  if (column.kind === 'date') return 'date';
  if (column.kind === 'integer') return YEAR_NAME.test(column.name) ? 'year' : 'number';
  if (column.kind === 'number') return 'number';
  return 'category';
}

/**
 * Whether a declared type fits a result column.
 * @param declared The sidecar's type.
 * @param column The result column.
 */
function fits(declared: ColumnType, column: QueryColumn): boolean {
  if (declared === 'category') return true;
  if (declared === 'date') return column.kind === 'date' || column.kind === 'text';
  if (declared === 'year') return column.kind === 'integer' || column.kind === 'number' || column.kind === 'text';
  return NUMERIC.has(declared) && (column.kind === 'integer' || column.kind === 'number');
}

/** A CSV dataset's typed values as a table a query can read. */
function datasetTable(dataset: Dataset): QueryTable {
  const columns = dataset.columns.map((column) => ({
    name: column.name,
    type:
      column.type === 'year'
        ? ('INTEGER' as const)
        : NUMERIC.has(column.type)
          ? ('DOUBLE' as const)
          : column.type === 'date' &&
              dataset.rows.every(
                (row) => row[column.name] === null || /^\d{4}-\d{2}-\d{2}$/.test(String(row[column.name])),
              )
            ? ('DATE' as const)
            : ('VARCHAR' as const),
  }));
  return {
    name: dataset.name,
    columns,
    rows: dataset.rows.map((row) => columns.map((column) => row[column.name] ?? null)),
  };
}

/** A value as a CSV cell would write it. */
function cellText(value: number | string | null): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value) : value;
}

/** A result row as the CSV typing reads rows: cells and a line (the header is line 1). */
class ResultRow implements RawRow {
  readonly cells: string[];
  readonly line: number;

  constructor(cells: string[], line: number) {
    this.cells = cells;
    this.line = line;
  }

  get source(): string {
    return this.cells.join(',');
  }
}

/**
 * Runs (or reads the kept result of) a query dataset and types it.
 * @param input The dataset's names, limits and sidecar.
 */
export function readQueryDataset(input: QueryDatasetInput): { dataset?: Dataset; problems: Problem[] } {
  const { root, name, path, metaPath, limits, declaredMeta, locateMeta, problems } = input;
  if (existsSync(join(root, 'data', `${name}.csv`))) {
    problems.push(problem(TB320, { name }, { path, line: 1, column: 1 }));
    return { problems };
  }
  const text = readFileSync(join(root, path), 'utf8');
  const tables: QueryTable[] = [];
  const byName = new Map(input.csvDatasets.map((csv) => [csv.toLowerCase(), csv]));
  const named = new Map<string, SqlWord>();
  for (const word of scanSql(text).words) {
    const csv = byName.get(word.value.toLowerCase());
    if (csv !== undefined && !named.has(csv)) named.set(csv, word);
  }
  for (const [csv, word] of named) {
    const read = input.readCsv(csv);
    if (!read.dataset || read.problems.some((found) => found.severity !== 'warning')) {
      problems.push(problem(TB323, { name: csv }, { path, line: word.line, column: word.column }));
    } else tables.push(datasetTable(read.dataset));
  }
  if (problems.length > 0) return { problems };
  const result = queryResult(root, path, text, limits, tables);
  for (const found of result.problems) problems.push(found);
  if (result.problems.length > 0) return { problems };

  const declared = declaredMeta?.columns ?? {};
  const columns: Record<string, ColumnMeta> = {};
  for (const column of result.columns) {
    const own = Object.hasOwn(declared, column.name) ? declared[column.name] : undefined;
    const declaredType = own?.type;
    const mismatch = declaredType !== undefined && !fits(declaredType, column);
    if (mismatch) {
      problems.push(
        problem(
          TB315,
          { column: column.name, declared: declaredType, sqlType: column.sqlType },
          { path: metaPath, ...locateMeta(['columns', column.name, 'type']) },
        ),
      );
    }
    // A mismatch is reported once, at the sidecar, not again at every cell.
    columns[column.name] = {
      ...own,
      type: mismatch || declaredType === undefined ? typeFromSql(column) : declaredType,
    };
  }
  // Sidecar columns the result lacks are reported by the typing, as for a CSV.
  for (const [column, settings] of Object.entries(declared)) columns[column] ??= settings;

  const raw: RawRow[] = result.rows.map((row, index) => new ResultRow(row.map(cellText), index + 2));
  const typed = typeColumns({
    header: result.columns.map((column) => column.name),
    raw,
    meta: { ...(declaredMeta ?? input.meta), columns },
    path,
    metaPath,
    locateMeta,
    sourcesKnown: input.metaText === undefined || declaredMeta !== undefined,
  });
  for (const found of typed.problems) {
    // A value's problem belongs to the query, in the row of its result that holds the value.
    problems.push(
      found.path === path && found.line > 1
        ? { ...found, line: 1, column: 1, what: inQueryResultRow(found.what, found.line - 1) }
        : found,
    );
  }
  for (const column of typed.columns) {
    const sql = result.columns.find((candidate) => candidate.name === column.name);
    if (sql?.kind === 'number' && sql.scale === undefined) column.decimals = Math.min(column.decimals, DOUBLE_DECIMALS);
    if (sql?.scale !== undefined) column.decimals = Math.min(column.decimals, sql.scale);
  }
  const dataset: Dataset = {
    name,
    path,
    metaPath,
    meta: input.meta,
    columns: typed.columns,
    rows: typed.rows,
    info: typed.info,
    query: { text, inputs: result.inputs },
  };
  return { dataset, problems };
}
