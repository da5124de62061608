/**
 * A whole dataset as an Apache Parquet file, written by DuckDB in this process.
 *
 * Every column keeps its exact name, `basis` and `source_id` included, and is
 * typed as `column-kinds.ts` decides: DOUBLE for numbers (a percent column's
 * 2.4 means 2.4 %, as written), DATE for a date column of full days, VARCHAR
 * for everything else; a missing value is NULL. Values go in through DuckDB's
 * appender, never through SQL text, so a cell is data whatever it says.
 *
 * Like the workbook's Sources sheet, the file says what it is wherever it
 * travels: its key-value metadata holds the title, description, licence,
 * sources, notes and each column's label, unit and description (read them with
 * `parquet_kv_metadata` in DuckDB or `pyarrow.parquet.read_metadata`).
 *
 * The same dataset gives the same bytes: a fresh in-memory database on one
 * thread (so rows stay in order and row groups are cut the same way), a fixed
 * row group size, zstd at its default level, and no extensions loaded or
 * installed. The file records only "DuckDB version v1.5.6 (build …)", fixed by
 * the pinned package, and no date. The database may write only to its own
 * temporary folder, which is removed afterwards.
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { type DuckDBAppender, DuckDBInstance, dateValue } from '@duckdb/node-api';
import type { Column } from '../columns.ts';
import type { Dataset } from '../load-dataset.ts';
import { type ColumnKind, columnKind, isoDay } from './column-kinds.ts';
import { downloadLicence } from './dataset-files.ts';

/** Rows per row group: DuckDB's default, written out so a new default cannot change the files. */
const ROW_GROUP_SIZE = 122_880;

const SQL_TYPES: Record<ColumnKind, string> = { number: 'DOUBLE', day: 'DATE', text: 'VARCHAR' };

/** A name as an SQL identifier: in double quotes, each one inside doubled. */
const identifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** Text as an SQL string literal: in single quotes, each one inside doubled. */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Builds the Parquet file of a dataset.
 * @param dataset The dataset.
 * @param options `licence`: the licence to state when the dataset names none (the site's).
 * @returns The file's bytes, the same for the same dataset.
 */
export async function datasetParquet(
  dataset: Dataset,
  options: { licence?: string | undefined } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  refuseNamesDuckDbMerges(dataset);
  const kinds = dataset.columns.map((column) => columnKind(dataset, column));
  // The real path: DuckDB compares the folder it may write to with the path it is given.
  const folder = realpathSync(mkdtempSync(join(tmpdir(), 'trendbook-parquet-')));
  const file = join(folder, 'data.parquet');
  try {
    const instance = await DuckDBInstance.create(':memory:', {
      threads: '1',
      autoload_known_extensions: 'false',
      autoinstall_known_extensions: 'false',
    });
    try {
      const connection = await instance.connect();
      try {
        // Nothing outside the temporary folder can be read or written, and no setting changed after this.
        await connection.run(`SET allowed_directories = [${literal(folder + sep)}]`);
        await connection.run('SET enable_external_access = false');
        await connection.run('SET lock_configuration = true');
        const columns = dataset.columns.map(
          (column, index) => `${identifier(column.name)} ${SQL_TYPES[kinds[index]!]}`,
        );
        await connection.run(`CREATE TABLE rows (${columns.join(', ')})`);
        const appender = await connection.createAppender('rows');
        try {
          appendRows(appender, dataset, kinds);
          appender.flushSync();
        } finally {
          appender.closeSync();
        }
        await connection.run(
          `COPY rows TO ${literal(file)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE}, KV_METADATA ${keyValues(dataset, options.licence)})`,
        );
      } finally {
        connection.closeSync();
      }
    } finally {
      instance.closeSync();
    }
    return new Uint8Array(readFileSync(file));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The file's key-value metadata as a DuckDB struct literal, in a fixed order.
 * Every value is text from the sidecar, so it goes in as a string literal; a
 * NUL, which would end the statement's text early, becomes U+FFFD.
 */
function keyValues(dataset: Dataset, siteLicence: string | undefined): string {
  const { meta } = dataset;
  const entries: [string, string | undefined][] = [
    ['title', meta.title],
    ['description', meta.description],
    ['licence', downloadLicence(meta.licence, siteLicence)],
    [
      'sources',
      meta.sources.length === 0
        ? 'None listed'
        : meta.sources
            .map((source) =>
              [source.title, source.publisher, source.year, source.url].filter((part) => part !== undefined).join(', '),
            )
            .join('\n'),
    ],
    ['notes', meta.notes && meta.notes.length > 0 ? meta.notes.join('\n') : undefined],
    [
      'columns',
      JSON.stringify(
        dataset.columns.map((column) => ({
          name: column.name,
          label: column.label,
          ...(column.unit ? { unit: column.unit } : {}),
          ...(meta.columns[column.name]?.description ? { description: meta.columns[column.name]?.description } : {}),
        })),
      ),
    ],
  ];
  const text = (value: string) => literal(value.toWellFormed().replaceAll('\0', '\uFFFD'));
  return `{${entries
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${text(key)}: ${text(value)}`)
    .join(', ')}}`;
}

/**
 * DuckDB matches names whatever their case and would write a second column `year` as `year_1`
 * beside `Year`: such a dataset is refused, naming both columns, rather than published renamed.
 */
function refuseNamesDuckDbMerges(dataset: Dataset): void {
  const seen = new Map<string, string>();
  for (const { name } of dataset.columns) {
    const other = seen.get(name.toLowerCase());
    if (other !== undefined)
      throw new Error(
        `${dataset.path}: the columns ${JSON.stringify(other)} and ${JSON.stringify(name)} differ only in case, which Parquet readers such as DuckDB cannot tell apart, so the Parquet download cannot keep both names. Rename one of them.`,
      );
    seen.set(name.toLowerCase(), name);
  }
}

/** Appends every row, one value per column, each as its kind. */
function appendRows(appender: DuckDBAppender, dataset: Dataset, kinds: readonly ColumnKind[]): void {
  const columns: readonly Column[] = dataset.columns;
  dataset.rows.forEach((row, index) => {
    columns.forEach((column, position) => {
      const value = row[column.name] ?? null;
      if (value === null) appender.appendNull();
      else if (kinds[position] === 'number') {
        if (typeof value !== 'number')
          throw new Error(
            `parquet: ${dataset.name}, row ${index + 1}: column "${column.name}" holds the text ${JSON.stringify(value)} where a number belongs`,
          );
        appender.appendDouble(value);
      } else if (kinds[position] === 'day') appender.appendDate(dateValue(isoDay(String(value))!));
      // A lone surrogate has no UTF-8: it becomes U+FFFD, as DuckDB would make it anyway.
      else appender.appendVarchar(String(value).toWellFormed());
    });
    appender.endRow();
  });
}
