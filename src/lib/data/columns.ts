/**
 * Gives every column a type (declared in the sidecar, else inferred) and turns
 * cells into typed values. Nothing is coerced silently: a cell that does not fit
 * its column is a problem with its line and column.
 */

import {
  TB029,
  TB030,
  TB031,
  TB032,
  TB033,
  TB034,
  TB035,
  TB036,
  TB037,
  TB038,
  TB039,
  TB040,
  TB041,
  TB042,
  TB043,
  TB044,
  TB045,
} from '../error-codes/csv.ts';
import { issue, problem } from '../error-codes/define.ts';
import { closest, type Issue, type Problem } from '../errors.ts';
import type { Locate } from '../zod-errors.ts';
import { type CellTexts, cellTexts } from './cell-texts.ts';
import { ColumnCells } from './column-cells.ts';
import { cellPlace, type RawRow } from './csv.ts';
import {
  type DateFormat,
  type DatePrecision,
  fittingFormats,
  isoPrecision,
  looksLikeDate,
  readDate,
  readPeriod,
} from './dates.ts';
import type { ColumnMeta, ColumnType, DatasetMeta } from './metadata.ts';
import type { CellReading } from './values.ts';

/** A typed cell: a number, a category's text, or `null` for a missing value. */
export type CellValue = number | string | null;

/** A row keyed by column name. Nothing is inherited, so a column can never reach Object.prototype (see `newRow`). */
export type Row = Record<string, CellValue>;

/**
 * The class of every row. Its prototype is empty, frozen and has no prototype
 * itself, so a row inherits nothing: no `constructor`, `toString` or `__proto__`
 * accessor, and a column named `__proto__` is an own key like any other. Unlike
 * `Object.create(null)`, whose objects V8 keeps as hash tables, rows of one
 * dataset share a shape: a million of them take a fifth of the memory and are
 * made three times as fast.
 */
class RowRecord {}
Reflect.deleteProperty(RowRecord.prototype, 'constructor');
Object.setPrototypeOf(RowRecord.prototype, null);
Object.freeze(RowRecord.prototype);

/** A new, empty row that inherits nothing. */
function newRow(): Row {
  return new RowRecord() as Row;
}

/** A column as the rest of Trendbook sees it. */
export interface Column {
  name: string;
  /** Human label (sidecar `label`, else the name with `_` as spaces, capitalised). */
  label: string;
  type: ColumnType;
  /** Unit: `%` for percent, an ISO code for currency, or the sidecar's unit. */
  unit?: string | undefined;
  /** Most decimals any value was written with: values are shown at the data's own precision. */
  decimals: number;
  /** Missing cells (empty, `NA`, `—` …), reported in the build summary. */
  missing: number;
  /** For a value filled from a low–high range (sidecar `range`). */
  range?: { low: string; high: string } | undefined;
  /**
   * How a date column's days are written (values are ISO dates whatever it is). Months
   * (`2024-04`) and quarters (`2024-Q2`) need no format: a column of them says `YYYY-MM-DD`.
   */
  dateFormat?: DateFormat | undefined;
  /**
   * For a column read as text although some of its cells are numbers: its first
   * cell that is not one. Loading accepts such a column (free text may start
   * with numbers); a chart or stat that measures it points here instead.
   */
  firstText?: CellRef | undefined;
}

/** One cell of the CSV, as a problem message names it. */
export interface CellRef {
  /** 1-based line in the CSV file. */
  line: number;
  /** 1-based character column on that line. */
  column: number;
  /** The cell as written. */
  text: string;
}

/** Per-row facts the chart needs besides the values. */
export interface RowInfo {
  /** 1-based line in the CSV file. */
  line: number;
  /** Columns whose value is the midpoint of a low–high range, with that range. */
  midpoints?: Record<string, [number, number]> | undefined;
}

const YEAR_NAME = /(^|_)year$/i;
const NUMERIC_TYPES = new Set<ColumnType>(['number', 'percent', 'currency', 'fraction']);
const BASIS_VALUES = ['reported', 'illustrative'];

/** Labels a column from its snake_case name: `engagement_rate` → `Engagement rate`. */
function labelFromName(name: string): string {
  const spaced = name.replace(/_/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** What `typeColumns` needs to know about one parsed file. */
export interface TypeColumnsOptions {
  /** Column names from the CSV header. */
  header: string[];
  /** Data rows with their lines. */
  raw: RawRow[];
  /** The sidecar (or the parts of it that still hold), if any. */
  meta: DatasetMeta | undefined;
  /** CSV path relative to the project root. */
  path: string;
  /** Sidecar path, for problems about it. */
  metaPath: string;
  /** Finds a key's position in the sidecar. */
  locateMeta: Locate;
  /** The field delimiter (`;` means cells use a decimal comma). Default `,`. */
  delimiter?: string | undefined;
  /**
   * Whether the sidecar can vouch for source ids, so a `source_id` cell it does
   * not list is a problem. False for a sidecar that could not be read at all
   * (its own problems are reported). Default true.
   */
  sourcesKnown?: boolean | undefined;
}

/** Typed columns and rows, with every problem found. */
export interface TypedColumns {
  columns: Column[];
  rows: Row[];
  info: RowInfo[];
  problems: Problem[];
}

/**
 * Types every column and converts the rows, in four stages: the sidecar's
 * columns are checked against the header, each column gets its type, cells
 * are converted, and low–high ranges fill their midpoints.
 * @param options The parsed file, its sidecar and where they are.
 */
export function typeColumns(options: TypeColumnsOptions): TypedColumns {
  const file: FileContext = { ...options, delimiter: options.delimiter ?? ',' };
  const problems: Problem[] = [];
  const texts = cellTexts(file.raw);
  const cells = file.header.map((_, index) => new ColumnCells(texts, file.raw.length, index, file.delimiter === ';'));
  checkDeclaredColumns(file, problems);
  const columns = file.header.map((name, index) => describeColumn(file, name, index, cells[index]!, problems));
  const precisions = columns.map((column, index) =>
    column.type === 'date' ? columnPrecision(column, cells[index]!) : undefined,
  );
  columns.forEach((column, index) => {
    settleColumn(column, cells[index]!, precisions[index]);
  });
  const sourceIds =
    options.sourcesKnown === false ? undefined : new Set((file.meta?.sources ?? []).map((source) => source.id));
  const { rows, info, missing } = convertRows(file, texts, columns, precisions, cells, sourceIds, problems);
  fillRanges(file, columns, rows, info, missing, problems);
  // Missing values are counted after ranges filled what they could.
  for (const column of columns) column.missing = missing.get(column.name)!;
  return { columns, rows, info, problems };
}

/** The options every stage reads, with the delimiter settled. */
type FileContext = Omit<TypeColumnsOptions, 'delimiter' | 'sourcesKnown'> & { delimiter: string };

/**
 * Stage 1: no two columns differ only in case (spreadsheets, DuckDB and Parquet would take them for one),
 * and every column the sidecar describes must be in the CSV.
 */
function checkDeclaredColumns(file: FileContext, problems: Problem[]): void {
  const { header, path, metaPath, locateMeta } = file;
  const folded = new Map<string, string>();
  for (const name of header) {
    const first = folded.get(name.toLowerCase());
    if (first !== undefined && first !== name)
      problems.push(problem(TB045, { first, second: name }, { path, line: 1, column: 1 }));
    else folded.set(name.toLowerCase(), name);
  }
  for (const name of Object.keys(file.meta?.columns ?? {})) {
    if (!header.includes(name)) {
      const at = locateMeta(['columns', name], { key: true });
      problems.push(problem(TB029, { name, path, suggestion: closest(name, header) }, { path: metaPath, ...at }));
    }
  }
}

/** Stage 2: one column's type (declared, else inferred), unit and precision, with what its cells say about them. */
function describeColumn(
  file: FileContext,
  name: string,
  index: number,
  cells: ColumnCells,
  problems: Problem[],
): Column {
  const { raw, path, metaPath, locateMeta, delimiter } = file;
  const columnMeta: ColumnMeta = file.meta?.columns[name] ?? {};
  const type = columnMeta.type ?? inferType(name, cells);
  // "1,5" in a comma-separated file is a European decimal that would otherwise become a text label (A4 in tests/checklist/README.md).
  const { firstText } = cells;
  const inferredText = columnMeta.type === undefined && type === 'category';
  if (inferredText && firstText !== -1 && cells.everyText((text) => DECIMAL_COMMA.test(text.trim()))) {
    const rawRow = raw[firstText]!;
    problems.push(
      problem(TB030, { name, cell: rawRow.cells[index]!, metaPath }, { path, ...cellPlace(rawRow, index, delimiter) }),
    );
  }
  const dates = inferredText ? ambiguousDates(cells) : undefined;
  if (dates) {
    // 03/04/2024 is 3 April or March 4: only the author knows (A10 in tests/checklist/README.md).
    const rawRow = raw[dates.row]!;
    const fits = fittingFormats(dates.texts);
    problems.push(
      problem(
        TB031,
        { name, cell: rawRow.cells[index]!.trim(), fits, metaPath },
        { path, ...cellPlace(rawRow, index, delimiter) },
      ),
    );
  }
  if (columnMeta.format !== undefined && type !== 'date') {
    problems.push(
      problem(TB032, { name, type }, { path: metaPath, ...locateMeta(['columns', name, 'format'], { key: true }) }),
    );
  }
  const { decimals, symbol, numbers } = cells;
  let unit = columnMeta.unit;
  if (unit === undefined && type === 'percent') unit = '%';
  if (unit === undefined && type === 'currency') {
    unit = symbol;
    if (unit === undefined) {
      problems.push(problem(TB033, { name, metaPath }, { path: metaPath, ...locateMeta(['columns', name]) }));
    }
  }
  const mixed = inferredText && numbers > 0 && firstText !== -1;
  return {
    name,
    label: columnMeta.label ?? labelFromName(name),
    type,
    unit,
    decimals: type === 'fraction' ? Math.max(0, decimals - 2) : decimals,
    // Counted at the end of typeColumns, once ranges have filled what they could.
    missing: 0,
    range: columnMeta.range,
    ...(type === 'date' ? { dateFormat: columnMeta.format ?? 'YYYY-MM-DD' } : {}),
    ...(mixed
      ? { firstText: { ...cellPlace(raw[firstText]!, index, delimiter), text: raw[firstText]!.cells[index]! } }
      : {}),
  };
}

/**
 * Before stage 3: the value each distinct text takes in its column, worked out once
 * (a million cells of a few dozen years are a few dozen conversions), and how a number
 * read alone becomes a value. A text that does not fit is left to be converted cell by
 * cell, so each of its cells is reported.
 * @param precision For a date column, the precision it keeps to (see `columnPrecision`).
 */
function settleColumn(column: Column, cells: ColumnCells, precision: DatePrecision | undefined): void {
  const keepsText = column.type === 'category';
  cells.settle(
    (reading, written) => {
      const converted = convert(reading, written, column, precision);
      return 'problem' in converted ? undefined : converted.value;
    },
    // A text column keeps a number as written, and a date column reads it as a date: both need the text.
    (value, percent, currency) =>
      keepsText || column.type === 'date' ? undefined : numberValue(value, percent, currency, column),
  );
}

/**
 * Stage 3: converts every cell, collecting each one that does not fit its column. A cell
 * whose value was settled (see `settleColumn`) is not read again; the others are
 * converted one by one, their text cut out of the file only now.
 * @param precisions Each date column's precision (see `columnPrecision`).
 * @param sourceIds The sidecar's source ids, or `undefined` when it cannot vouch for them.
 * @returns The rows and their info, and the cells left missing per column name (the last column of a name fills the rows).
 */
function convertRows(
  file: FileContext,
  texts: CellTexts,
  columns: readonly Column[],
  precisions: readonly (DatePrecision | undefined)[],
  cells: readonly ColumnCells[],
  sourceIds: ReadonlySet<string> | undefined,
  problems: Problem[],
): { rows: Row[]; info: RowInfo[]; missing: Map<string, number> } {
  const { raw } = file;
  const rows: Row[] = [];
  const info: RowInfo[] = [];
  const width = columns.length;
  const nulls = new Array<number>(width).fill(0);
  const names = columns.map((column) => column.name);
  const checked = columns.map((column) => column.name === 'basis' || (sourceIds && column.name === 'source_id'));
  // Read once: the fast reader's rows are an array that makes a row when one is read.
  const count = raw.length;
  for (let rowIndex = 0; rowIndex < count; rowIndex++) {
    const row = newRow();
    for (let index = 0; index < width; index++) {
      const own = cells[index]!;
      let value = own.value(rowIndex);
      if (value === undefined) {
        const text = own.text(rowIndex);
        const converted = convert(own.reading(rowIndex, text), text, columns[index]!, precisions[index]);
        if ('problem' in converted) {
          problems.push({ path: file.path, ...cellPlace(raw[rowIndex]!, index, file.delimiter), ...converted.problem });
          value = null;
        } else {
          value = converted.value;
        }
      }
      row[names[index]!] = value;
      if (value === null) nulls[index]!++;
      if (checked[index]) checkCell(file, rowIndex, index, value, own, sourceIds, problems);
    }
    info.push({ line: texts.line(rowIndex) });
    rows.push(row);
  }
  // A name given to two columns holds the value of the last.
  const missing = new Map<string, number>();
  for (const [index, name] of names.entries()) missing.set(name, nulls[index]!);
  return { rows, info, missing };
}

/** A `basis` cell must be reported or illustrative, and a `source_id` cell a source the sidecar lists. */
function checkCell(
  file: FileContext,
  rowIndex: number,
  index: number,
  value: CellValue,
  cells: ColumnCells,
  sourceIds: ReadonlySet<string> | undefined,
  problems: Problem[],
): void {
  const name = file.header[index];
  const place = () => ({ path: file.path, ...cellPlace(file.raw[rowIndex]!, index, file.delimiter) });
  if (name === 'basis' && value !== null && !BASIS_VALUES.includes(String(value))) {
    problems.push(problem(TB034, { index: index + 1, text: cells.text(rowIndex) }, place()));
  }
  if (sourceIds && name === 'source_id' && typeof value === 'string' && !sourceIds.has(value)) {
    const suggestion = closest(value, sourceIds);
    problems.push(
      problem(TB035, { id: value, metaPath: file.metaPath, hasSources: sourceIds.size > 0, suggestion }, place()),
    );
  }
}

/** Stage 4: values given as a low–high range become their midpoint, flagged in the row's info. */
function fillRanges(
  file: FileContext,
  columns: readonly Column[],
  rows: Row[],
  info: RowInfo[],
  nulls: Map<string, number>,
  problems: Problem[],
): void {
  const { header, path, metaPath, locateMeta } = file;
  for (const column of columns) {
    if (!column.range) continue;
    const { low, high } = column.range;
    const missing = [low, high].filter((name) => !header.includes(name));
    if (missing.length > 0) {
      problems.push(
        problem(
          TB036,
          { name: column.name, missing, path },
          { path: metaPath, ...locateMeta(['columns', column.name, 'range']) },
        ),
      );
      continue;
    }
    // A bound that is not a number column would leave every midpoint silently empty.
    const notNumeric = [low, high]
      .map((name) => columns.find((candidate) => candidate.name === name)!)
      .filter((bound) => !NUMERIC_TYPES.has(bound.type));
    if (notNumeric.length > 0) {
      for (const bound of notNumeric) {
        const cell = bound.firstText && {
          at: `${path}:${bound.firstText.line}:${bound.firstText.column}`,
          text: bound.firstText.text,
        };
        problems.push(
          problem(
            TB037,
            { name: column.name, bound: bound.name, type: bound.type, cell },
            { path: metaPath, ...locateMeta(['columns', column.name, 'range']) },
          ),
        );
      }
      continue;
    }
    rows.forEach((row, index) => {
      const lowValue = row[low];
      const highValue = row[high];
      if (row[column.name] === null && typeof lowValue === 'number' && typeof highValue === 'number') {
        row[column.name] = (lowValue + highValue) / 2;
        nulls.set(column.name, nulls.get(column.name)! - 1);
        const rowInfo = info[index]!;
        rowInfo.midpoints = { ...rowInfo.midpoints, [column.name]: [lowValue, highValue] };
      }
    });
  }
}

/**
 * For a column whose every text is written like a date, some of them with slashes or
 * dots (03/04/2024): its distinct days, to find the formats they fit, and the row of
 * the first such cell. Else `undefined`. Months and quarters are left out: any date
 * column reads them, whatever its format.
 */
function ambiguousDates(cells: ColumnCells): { texts: string[]; row: number } | undefined {
  const texts: string[] = [];
  let row = -1;
  // Texts come in the order they first appear, so the first ambiguous one is on the first such row.
  const dateLike = cells.everyText((text, first) => {
    const looks = looksLikeDate(text);
    if (looks === undefined) return false;
    if (looks === 'ambiguous' && row === -1) row = first;
    const precision = isoPrecision(text);
    if (precision !== 'month' && precision !== 'quarter') texts.push(text);
    return true;
  });
  return dateLike && row !== -1 ? { texts, row } : undefined;
}

/**
 * The precision a date column keeps to: the one most of its dates have (the first
 * seen on a tie), so the cells reported are the odd ones out. A month among days
 * would have no single place on the column's time line. `undefined` when no cell
 * is a date.
 */
function columnPrecision(column: Column, cells: ColumnCells): DatePrecision | undefined {
  const format = column.dateFormat ?? 'YYYY-MM-DD';
  // A Map keeps the order precisions are first seen in, which settles a tie; each distinct text is read once.
  const counts = new Map<DatePrecision, number>();
  cells.everyText((text, _, count) => {
    const value = readDateCell(text, format);
    if (value !== undefined) {
      const precision = storedPrecision(value);
      counts.set(precision, (counts.get(precision) ?? 0) + count);
    }
    return true;
  });
  let best: DatePrecision | undefined;
  let bestCount = 0;
  for (const [precision, count] of counts) {
    if (count > bestCount) [best, bestCount] = [precision, count];
  }
  return best;
}

/** A date cell's value: a day in the column's format, or a month or quarter (`undefined` for anything else). */
function readDateCell(text: string, format: DateFormat): string | undefined {
  return readDate(text, format) ?? readPeriod(text);
}

/** The precision of a value `readDateCell` gave (`2024-04-03`, `2024-04`, `2024-Q2`), without reading it again: it runs once per cell. */
function storedPrecision(value: string): DatePrecision {
  if (value.length === 10) return 'day';
  return value.charCodeAt(5) === 81 /* Q */ ? 'quarter' : 'month';
}

/** A number with a decimal comma (`1,5`, `-0,25`) that is not a thousands grouping (`1,500`). */
const DECIMAL_COMMA = /^[-+]?(?!\d{1,3}(?:,\d{3})+$)\d+,\d+$/;

/** A column's type from what its cells say (see `ColumnCells`), when the sidecar does not declare one. */
function inferType(name: string, cells: ColumnCells): ColumnType {
  const { numbers, texts, errors, percents, currencies, years } = cells;
  if (numbers + errors === 0) {
    // A column of ISO days (2024-04-03), months (2024-04) or quarters (2024-Q2) is a date column.
    // Any other text makes it a category, and so does a mix of them: a month among days has no
    // single place on a time line, and a column the author did not declare is not worth a failure.
    if (texts === 0) return 'category';
    const precision = isoPrecision(cells.text(cells.firstText));
    return precision !== undefined && cells.everyText((text) => isoPrecision(text) === precision) ? 'date' : 'category';
  }
  // Free text may start with numbers (a notes column of "1", "Once upon a time", "7"): a column
  // is a number column only when every cell is one. Using it as a number names the first text cell.
  if (texts > 0) return 'category';
  if (YEAR_NAME.test(name) && years === numbers) return 'year';
  if (percents > 0 && percents >= numbers - percents) return 'percent';
  if (currencies > 0 && currencies >= numbers - currencies) return 'currency';
  return 'number';
}

/**
 * A number's value in a column that is neither text nor dates, when it fits without a
 * problem; `undefined` sends it to `convert`.
 */
function numberValue(
  value: number,
  percent: boolean,
  currency: string | undefined,
  column: Column,
): CellValue | undefined {
  if (column.type === 'year') return Number.isInteger(value) && !percent && !currency ? value : undefined;
  if (!percent && !currency) return value;
  if (percent && column.type === 'percent') return value;
  if (currency && column.type === 'currency' && currency === column.unit) return value;
  return undefined;
}

/** A text column's value: "NA" is a code there (Namibia, North America), not a gap; the other markers are gaps (LOSSLESS). */
function textValue(reading: CellReading, text: string): string | null {
  return reading.kind === 'missing' && text.trim() !== 'NA' ? null : text;
}

type Converted = { value: CellValue } | { problem: Issue };

/**
 * Converts a cell: each distinct text once (see `settleColumn`), and one by one the cells that do not fit.
 * @param precision For a date column, the precision it keeps to (see `columnPrecision`).
 */
function convert(reading: CellReading, text: string, column: Column, precision: DatePrecision | undefined): Converted {
  if (column.type === 'category' && reading.kind !== 'spreadsheet-error') return { value: textValue(reading, text) };
  if (reading.kind === 'missing') return { value: null };
  if (column.type === 'date') return convertDate(text, column, precision);
  if (reading.kind === 'number' && !reading.percent && !reading.currency && column.type !== 'year')
    return { value: reading.value };
  if (reading.kind === 'number' && reading.percent && column.type === 'percent') return { value: reading.value };
  if (reading.kind === 'number' && reading.currency && column.type === 'currency' && reading.currency === column.unit)
    return { value: reading.value };
  const cell = { column: column.name, expected: expectedText(column), text };
  // A formula that failed is an error in any column: its text is not what the author meant to publish.
  if (reading.kind === 'spreadsheet-error') return { problem: issue(TB038, { ...cell, error: reading.text }) };
  if (reading.kind === 'unrepresentable') return { problem: issue(TB039, { column: column.name, text }) };
  if (reading.kind === 'text') return { problem: issue(TB040, { ...cell, type: column.type }) };
  if (column.type === 'year') {
    if (!Number.isInteger(reading.value) || reading.percent || reading.currency) return { problem: issue(TB041, cell) };
    return { value: reading.value };
  }
  if (reading.percent && column.type !== 'percent') return { problem: issue(TB042, { ...cell, type: column.type }) };
  if (reading.currency && (column.type !== 'currency' || (column.unit && reading.currency !== column.unit))) {
    return { problem: issue(TB043, { ...cell, currency: reading.currency, type: column.type, unit: column.unit }) };
  }
  return { value: reading.value };
}

/** A day written the way each format writes it: 3 April 2024. */
const SAMPLE_DATES: Record<DateFormat, string> = {
  'YYYY-MM-DD': '2024-04-03',
  'DD/MM/YYYY': '03/04/2024',
  'MM/DD/YYYY': '04/03/2024',
  'DD.MM.YYYY': '03.04.2024',
};

/** How a month or a quarter is written, for messages: no format is declared for them. */
const PERIODS: Record<Exclude<DatePrecision, 'day'>, { format: string; expected: string }> = {
  month: { format: 'YYYY-MM', expected: 'a month written YYYY-MM, such as 2024-04 for April 2024' },
  quarter: { format: 'YYYY-Qn', expected: 'a quarter written YYYY-Qn, such as 2024-Q2 for April to June 2024' },
};

/**
 * A date column's cell: a day in the column's format, a month or a quarter, at the
 * column's precision.
 * @param precision The precision the column keeps to (`undefined` when none of its cells is a date).
 */
function convertDate(text: string, column: Column, precision: DatePrecision | undefined): Converted {
  const format = column.dateFormat ?? 'YYYY-MM-DD';
  const written =
    precision === 'month' || precision === 'quarter' ? PERIODS[precision] : { format, expected: expectedText(column) };
  const value = readDateCell(text, format);
  if (value !== undefined) {
    const own = storedPrecision(value);
    if (precision === undefined || own === precision) return { value };
    // A real date, at another precision than the column's: name how it reads, so the author sees the mix.
    const fits = [own === 'day' ? format : PERIODS[own].format];
    return { problem: issue(TB044, { column: column.name, ...written, text, fits, dateLike: true }) };
  }
  const fits = fittingFormats([text]);
  // "There is no such day" only for a cell that names a day: 2024-13 is no month, and says nothing of days.
  const dateLike = fits.length === 0 && (looksLikeDate(text) === 'ambiguous' || isoPrecision(text) === 'day');
  return { problem: issue(TB044, { column: column.name, ...written, text, fits, dateLike }) };
}

function expectedText(column: Column): string {
  switch (column.type) {
    case 'date':
      return `a date written ${column.dateFormat ?? 'YYYY-MM-DD'}, such as ${SAMPLE_DATES[column.dateFormat ?? 'YYYY-MM-DD']} for 3 April 2024`;
    case 'year':
      return 'a year such as 2024';
    case 'percent':
      return 'a percentage such as 2.4 or 2.4%';
    case 'currency':
      return `an amount in ${column.unit ?? 'USD'} such as 1200 or 1,200`;
    case 'fraction':
      return 'a fraction such as 0.024';
    case 'category':
      return 'a value, or an empty cell for a missing one';
    default:
      return 'a number such as 12,400 or 3.5';
  }
}
