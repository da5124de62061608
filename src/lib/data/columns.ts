/**
 * Gives every column a type (declared in the sidecar, else inferred) and turns
 * cells into typed values. Nothing is coerced silently: a cell that does not fit
 * its column is a problem with its line and column.
 */
import { closest, quote, type Problem } from '../errors.ts';
import { cellPlace, type RawRow } from './csv.ts';
import { fittingFormats, looksLikeDate, readDate, type DateFormat } from './dates.ts';
import type { ColumnMeta, ColumnType, DatasetMeta } from './metadata.ts';
import { readCell, type CellReading } from './values.ts';

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
  /** How a date column's cells are written (values are ISO dates whatever it is). */
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

/**
 * Types every column and converts the rows.
 * @param header Column names from the CSV header.
 * @param raw Data rows with their lines.
 * @param meta The sidecar, if any.
 * @param path CSV path relative to the project root.
 * @param metaPath Sidecar path, for problems about it.
 * @param locateMeta Finds a key's position in the sidecar.
 */
export function typeColumns(
  header: string[],
  raw: RawRow[],
  meta: DatasetMeta | undefined,
  path: string,
  metaPath: string,
  locateMeta: (keys: readonly PropertyKey[], options?: { key?: boolean }) => { line: number; column: number },
  delimiter = ',',
  sidecarValid = true,
): { columns: Column[]; rows: Row[]; info: RowInfo[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const decimalComma = delimiter === ';';
  const readings = header.map((_, index) => readColumn(raw, index, decimalComma));
  const declared = meta?.columns ?? {};

  // Step 1: sidecar columns must exist in the CSV.
  for (const name of Object.keys(declared)) {
    if (!header.includes(name)) {
      const at = locateMeta(['columns', name], { key: true });
      const suggestion = closest(name, header);
      problems.push({
        path: metaPath,
        ...at,
        what: `the sidecar describes a column ${quote(name)} that ${path} does not have`,
        expected: `one of the CSV's columns`,
        received: quote(name),
        fix: suggestion ? `Did you mean ${quote(suggestion)}? Rename the key to match the CSV header exactly` : 'Remove the key, or add the column to the CSV',
      });
    }
  }

  // Step 2: decide each column's type.
  const columns: Column[] = header.map((name, index) => {
    const columnMeta: ColumnMeta = declared[name] ?? {};
    const cells = readings[index]!;
    const type = columnMeta.type ?? inferType(name, cells);
    // "1,5" in a comma-separated file is a European decimal that would otherwise become a text label (A4 in tests/checklist/README.md).
    const firstText = cells.findIndex((cell) => cell.kind === 'text');
    if (columnMeta.type === undefined && type === 'category' && firstText !== -1 && cells.every((cell) => cell.kind !== 'text' || DECIMAL_COMMA.test(cell.text.trim()))) {
      const rawRow = raw[firstText]!;
      problems.push({
        path,
        ...cellPlace(rawRow, index, delimiter),
        what: `column ${quote(name)} holds numbers written with a decimal comma, which a comma-separated file reads as text`,
        expected: 'a decimal point (1.5), or a semicolon-separated file',
        received: quote(rawRow.cells[index]!),
        fix: `Export the file with decimal points, or as semicolon-separated CSV with sep=; as its first line (or delimiter: ";" in ${metaPath}), or declare type: category under columns.${name} if these are labels`,
      });
    }
    const texts = columnMeta.type === undefined && type === 'category' ? datesOnly(cells) : undefined;
    if (texts) {
      // 03/04/2024 is 3 April or March 4: only the author knows (A10 in tests/checklist/README.md).
      const rawRow = raw[cells.findIndex((cell) => cell.kind === 'text')]!;
      const fits = fittingFormats(texts);
      problems.push({
        path,
        ...cellPlace(rawRow, index, delimiter),
        what: `column ${quote(name)} holds dates such as ${quote(rawRow.cells[index]!.trim())}, which read differently in different countries`,
        expected: `a date format declared in ${metaPath}`,
        received: fits.length > 0 ? `dates that fit ${fits.join(' or ')}` : 'dates in no single format',
        fix: `Add "type: date" and "format: ${fits[0] ?? 'DD/MM/YYYY'}" under columns.${name} in ${metaPath} (formats: YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY, DD.MM.YYYY), or write the dates as 2024-04-03`,
      });
    }
    if (columnMeta.format !== undefined && type !== 'date') {
      problems.push({
        path: metaPath,
        ...locateMeta(['columns', name, 'format'], { key: true }),
        what: `columns.${name} has a date format, but the column is not a date column`,
        expected: 'format only together with type: date',
        received: `type ${type}`,
        fix: `Add "type: date" under columns.${name}, or remove "format"`,
      });
    }
    const numeric = cells.filter((cell) => cell.kind === 'number');
    const decimals = numeric.reduce((most, cell) => (cell.kind === 'number' ? Math.max(most, cell.decimals) : most), 0);
    let unit = columnMeta.unit;
    if (unit === undefined && type === 'percent') unit = '%';
    if (unit === undefined && type === 'currency') {
      const withSymbol = numeric.find((cell) => cell.kind === 'number' && cell.currency !== undefined);
      unit = withSymbol?.kind === 'number' ? withSymbol.currency : undefined;
      if (unit === undefined) {
        problems.push({
          path: metaPath,
          ...locateMeta(['columns', name]),
          what: `the currency column ${quote(name)} has no unit`,
          expected: 'a currency code in the sidecar, or a symbol such as $ in the cells',
          received: 'plain numbers',
          fix: `Add "unit: USD" (or another ISO code) under columns.${name} in ${metaPath}`,
        });
      }
    }
    const mixed = columnMeta.type === undefined && type === 'category' && numeric.length > 0 && firstText !== -1;
    return {
      name,
      label: columnMeta.label ?? labelFromName(name),
      type,
      unit,
      decimals: type === 'fraction' ? Math.max(0, decimals - 2) : decimals,
      missing: cells.filter((cell) => cell.kind === 'missing').length,
      range: columnMeta.range,
      ...(type === 'date' ? { dateFormat: columnMeta.format ?? 'YYYY-MM-DD' } : {}),
      ...(mixed ? { firstText: { ...cellPlace(raw[firstText]!, index, delimiter), text: raw[firstText]!.cells[index]! } } : {}),
    };
  });

  // Step 3: convert cells, collecting every cell that does not fit.
  const sourceIds = new Set((meta?.sources ?? []).map((source) => source.id));
  const checkSources = sidecarValid;
  const rows: Row[] = [];
  const info: RowInfo[] = [];
  raw.forEach((rawRow, rowIndex) => {
    const row = newRow();
    // Positions are worked out only for a cell with a problem: most rows have none.
    const place = (index: number) => ({ path, ...cellPlace(rawRow, index, delimiter) });
    columns.forEach((column, index) => {
      const reading = readings[index]![rowIndex]!;
      const text = rawRow.cells[index]!;
      const quick = quickValue(reading, text, column);
      if (quick !== undefined) {
        row[column.name] = quick;
      } else {
        const converted = convert(reading, text, column);
        if ('problem' in converted) {
          problems.push({ ...place(index), ...converted.problem });
          row[column.name] = null;
        } else {
          row[column.name] = converted.value;
        }
      }
      if (column.name === 'basis' && row.basis !== null && !BASIS_VALUES.includes(String(row.basis))) {
        problems.push({
          ...place(index),
          what: `column "basis" (${index + 1}) must say whether the figure is reported or illustrative`,
          expected: '"reported" or "illustrative"',
          received: quote(text),
          fix: 'Write reported for a figure a source gives and illustrative for a placeholder',
        });
      }
      if (checkSources && column.name === 'source_id' && typeof row.source_id === 'string' && !sourceIds.has(row.source_id)) {
        const suggestion = closest(row.source_id, sourceIds);
        problems.push({
          ...place(index),
          what: `source ${quote(row.source_id)} is not listed in ${metaPath}`,
          expected: sourceIds.size ? `one of the sidecar's source ids` : `a source with this id in the sidecar's "sources"`,
          received: quote(row.source_id),
          fix: suggestion
            ? `Did you mean ${quote(suggestion)}? Use an id from "sources" in ${metaPath}`
            : `Add it to "sources" in ${metaPath} (id, title, publisher, year, url)`,
        });
      }
    });
    info.push({ line: rawRow.line });
    rows.push(row);
  });

  // Step 4: values given as a low–high range become their midpoint, flagged.
  for (const column of columns) {
    if (!column.range) continue;
    const { low, high } = column.range;
    const missing = [low, high].filter((name) => !header.includes(name));
    if (missing.length > 0) {
      problems.push({
        path: metaPath,
        ...locateMeta(['columns', column.name, 'range']),
        what: `the range of ${quote(column.name)} names ${missing.map((name) => quote(name)).join(' and ')}, which ${path} does not have`,
        expected: 'two numeric columns of the CSV',
        received: missing.map((name) => quote(name)).join(', '),
        fix: 'Name existing columns in "range: { low, high }"',
      });
      continue;
    }
    // A bound that is not a number column would leave every midpoint silently empty.
    const notNumeric = [low, high].map((name) => columns.find((candidate) => candidate.name === name)!).filter((bound) => !NUMERIC_TYPES.has(bound.type));
    if (notNumeric.length > 0) {
      for (const bound of notNumeric) {
        const cell = bound.firstText;
        problems.push({
          path: metaPath,
          ...locateMeta(['columns', column.name, 'range']),
          what: cell
            ? `the range of ${quote(column.name)} uses ${quote(bound.name)}, which is text, not a number: ${path}:${cell.line}:${cell.column} holds ${quote(cell.text)}`
            : `the range of ${quote(column.name)} uses ${quote(bound.name)}, which is a ${bound.type} column`,
          expected: 'a number in every cell of a column used as a range bound',
          received: cell ? 'text' : `${bound.type} column ${quote(bound.name)}`,
          fix: cell ? `Correct that cell (or leave it empty for a missing value), or name other columns in "range: { low, high }"` : 'Name two numeric columns in "range: { low, high }"',
        });
      }
      continue;
    }
    rows.forEach((row, index) => {
      const lowValue = row[low];
      const highValue = row[high];
      if (row[column.name] === null && typeof lowValue === 'number' && typeof highValue === 'number') {
        row[column.name] = (lowValue + highValue) / 2;
        const rowInfo = info[index]!;
        rowInfo.midpoints = { ...rowInfo.midpoints, [column.name]: [lowValue, highValue] };
      }
    });
  }
  // Missing values are counted after ranges filled what they could.
  for (const column of columns) column.missing = rows.filter((row) => row[column.name] === null).length;
  return { columns, rows, info, problems };
}

/** The column's distinct texts when every one is written like a date, else `undefined` (stops at the first that is not). */
function datesOnly(cells: readonly CellReading[]): string[] | undefined {
  const texts = new Set<string>();
  for (const cell of cells) {
    if (cell.kind !== 'text' || texts.has(cell.text)) continue;
    if (looksLikeDate(cell.text) === undefined) return undefined;
    texts.add(cell.text);
  }
  return texts.size > 0 ? [...texts] : undefined;
}

/** A number with a decimal comma (`1,5`, `-0,25`) that is not a thousands grouping (`1,500`). */
const DECIMAL_COMMA = /^[-+]?(?!\d{1,3}(?:,\d{3})+$)\d+,\d+$/;

/** Most distinct texts remembered per column: tidy data repeats years, tiers and rates; ids and counts do not repeat. */
const MEMO_LIMIT = 5_000;

/**
 * Reads one column's cells. A text seen before in the column is not read again
 * (a 1,000,000-row file has a few dozen years and tiers), which also keeps
 * one reading object per distinct text instead of one per cell.
 */
function readColumn(raw: readonly RawRow[], index: number, decimalComma: boolean): CellReading[] {
  const memo = new Map<string, CellReading>();
  const readings = new Array<CellReading>(raw.length);
  for (let row = 0; row < raw.length; row++) {
    const text = raw[row]!.cells[index]!;
    let reading = memo.get(text);
    if (reading === undefined) {
      reading = readCell(text, decimalComma);
      if (memo.size < MEMO_LIMIT) memo.set(text, reading);
    }
    readings[row] = reading;
  }
  return readings;
}

function inferType(name: string, cells: CellReading[]): ColumnType {
  let numbers = 0;
  let texts = 0;
  let errors = 0;
  let percents = 0;
  let currencies = 0;
  let years = 0;
  for (const cell of cells) {
    if (cell.kind === 'number') {
      numbers++;
      if (cell.percent) percents++;
      if (cell.currency) currencies++;
      if (Number.isInteger(cell.value) && cell.value >= 1000 && cell.value <= 2999 && !cell.percent && !cell.currency) years++;
    } else if (cell.kind === 'text') texts++;
    else if (cell.kind === 'spreadsheet-error' || cell.kind === 'unrepresentable') errors++;
  }
  if (numbers + errors === 0) {
    // A column of ISO dates (2024-04-03) is a date column; any other text makes it a category.
    return texts > 0 && cells.every((cell) => cell.kind !== 'text' || looksLikeDate(cell.text) === 'iso') ? 'date' : 'category';
  }
  // Free text may start with numbers (a notes column of "1", "Once upon a time", "7"): a column
  // is a number column only when every cell is one. Using it as a number names the first text cell.
  if (texts > 0) return 'category';
  if (YEAR_NAME.test(name) && years === numbers) return 'year';
  if (percents > 0 && percents >= numbers - percents) return 'percent';
  if (currencies > 0 && currencies >= numbers - currencies) return 'currency';
  return 'number';
}

/** The value of a cell that fits its column, without allocating; `undefined` sends it to `convert`. */
function quickValue(reading: CellReading, text: string, column: Column): CellValue | undefined {
  if (column.type === 'category') return reading.kind === 'spreadsheet-error' ? undefined : textValue(reading, text);
  if (reading.kind === 'missing') return null;
  if (reading.kind !== 'number' || column.type === 'date') return undefined;
  if (column.type === 'year') return Number.isInteger(reading.value) && !reading.percent && !reading.currency ? reading.value : undefined;
  if (!reading.percent && !reading.currency) return reading.value;
  if (reading.percent && column.type === 'percent') return reading.value;
  if (reading.currency && column.type === 'currency' && reading.currency === column.unit) return reading.value;
  return undefined;
}

/** A text column's value: "NA" is a code there (Namibia, North America), not a gap; the other markers are gaps (LOSSLESS). */
function textValue(reading: CellReading, text: string): string | null {
  return reading.kind === 'missing' && text.trim() !== 'NA' ? null : text;
}

type Converted = { value: CellValue } | { problem: Omit<Problem, 'path' | 'line' | 'column'> };

function convert(reading: CellReading, text: string, column: Column): Converted {
  if (column.type === 'category' && reading.kind !== 'spreadsheet-error') return { value: textValue(reading, text) };
  if (reading.kind === 'missing') return { value: null };
  if (column.type === 'date') return convertDate(text, column);
  if (reading.kind === 'number' && !reading.percent && !reading.currency && column.type !== 'year') return { value: reading.value };
  if (reading.kind === 'number' && reading.percent && column.type === 'percent') return { value: reading.value };
  if (reading.kind === 'number' && reading.currency && column.type === 'currency' && reading.currency === column.unit) return { value: reading.value };
  const where = `column ${quote(column.name)}`;
  const expected = expectedText(column);
  // A formula that failed is an error in any column: its text is not what the author meant to publish.
  if (reading.kind === 'spreadsheet-error') {
    return {
      problem: {
        what: `${where} holds the spreadsheet error ${quote(reading.text)}`,
        expected,
        received: quote(text),
        fix: 'Fix the formula in the spreadsheet and export again, or leave the cell empty for a missing value',
      },
    };
  }
  if (reading.kind === 'unrepresentable') {
    return {
      problem: {
        what: `${where} holds a number too large or too precise to store exactly`,
        expected: 'at most 15 significant digits, between 1e-308 and 1e308 in size',
        received: quote(text),
        fix: 'Round the value, or store an identifier like this as text in a category column',
      },
    };
  }
  if (reading.kind === 'text') {
    return {
      problem: {
        what: `${where} is ${column.type === 'year' ? 'a year column' : `a ${column.type} column`}, but this cell is not a number`,
        expected,
        received: quote(text),
        fix: /^N\/A'|^n\.?a\.?$/i.test(text.trim())
          ? 'Write N/A (or leave the cell empty) for a missing value'
          : 'Correct the value, or leave the cell empty (or write N/A) for a missing value',
      },
    };
  }
  if (column.type === 'year') {
    if (!Number.isInteger(reading.value) || reading.percent || reading.currency) {
      return { problem: { what: `${where} holds years, but this cell is not a whole year`, expected, received: quote(text), fix: 'Write the year as four digits, for example 2024' } };
    }
    return { value: reading.value };
  }
  if (reading.percent && column.type !== 'percent') {
    return {
      problem: {
        what: `${where} is a ${column.type} column, but this cell is a percentage`,
        expected,
        received: quote(text),
        fix: column.type === 'fraction' ? 'Write the fraction (0.024 for 2.4%), or declare the column as percent' : 'Remove the % sign, or declare the column as percent in the sidecar',
      },
    };
  }
  if (reading.currency && (column.type !== 'currency' || (column.unit && reading.currency !== column.unit))) {
    return {
      problem: {
        what: `${where} mixes units: this cell is in ${reading.currency}`,
        expected,
        received: quote(text),
        fix: column.type === 'currency' ? `Convert the value to ${column.unit}, or split the currencies into separate columns` : 'Remove the currency symbol, or declare the column as currency',
      },
    };
  }
  return { value: reading.value };
}

/** A day written the way each format writes it: 3 April 2024. */
const SAMPLE_DATES: Record<DateFormat, string> = { 'YYYY-MM-DD': '2024-04-03', 'DD/MM/YYYY': '03/04/2024', 'MM/DD/YYYY': '04/03/2024', 'DD.MM.YYYY': '03.04.2024' };

function convertDate(text: string, column: Column): Converted {
  const format = column.dateFormat ?? 'YYYY-MM-DD';
  const iso = readDate(text, format);
  if (iso !== undefined) return { value: iso };
  const fits = fittingFormats([text]);
  return {
    problem: {
      what: `column ${quote(column.name)} is a date column written ${format}, but this cell is not such a date`,
      expected: expectedText(column),
      received: quote(text),
      fix: fits.length > 0
        ? `Write it as ${format} like the other dates (it reads as ${fits.join(' or ')})`
        : looksLikeDate(text) !== undefined
          ? 'There is no such day: check the day and the month'
          : 'Correct the date, or leave the cell empty for a missing value',
    },
  };
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
