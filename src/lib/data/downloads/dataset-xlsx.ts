/**
 * A whole dataset as an Excel workbook: the rows on a sheet named "Data", and
 * where they come from on a sheet named "Sources".
 *
 * "Data" has one header row, each column headed by its label and unit
 * ("Engagement rate (%)"), then one row per dataset row. Numbers are numeric
 * cells shown at the data's own precision; a percent column holds its values
 * as written (2.4 means 2.4 %, never multiplied) with the unit in the header; a
 * fraction column (0.024 means 2.4 %) gets Excel's percent format, which shows
 * 2.4 %. Full ISO days are Excel dates shown as `yyyy-mm-dd`; months, quarters
 * and days before 1 March 1900 (which Excel's calendar gets wrong) are text as
 * written. Missing values are empty cells. A dataset longer than Excel's
 * 1,048,576 rows continues on "Data 2", "Data 3" …, each with the header row.
 *
 * "Sources" holds the title, name, description and licence, each source
 * (title, publisher, year, address), the notes, and per column its name in the
 * CSV and Parquet downloads, its label, type, unit and description.
 *
 * How cells are written safely (formulas, XML, long text) is `xlsx.ts`'s job.
 */
import type { Column } from '../columns.ts';
import type { Dataset } from '../load-dataset.ts';
import { columnKind, isoDay } from './column-kinds.ts';
import { downloadLicence } from './dataset-files.ts';
import { EXCEL_ROWS, excelDate, type Sheet, type SheetCell, writeXlsx } from './xlsx.ts';

/** A column as the Data sheet writes it. */
interface DataColumn {
  column: Column;
  /** How its cells are written: numbers (dates are numbers in Excel too) or text. */
  kind: 'number' | 'date' | 'text';
  /** Excel number format code for numbers and dates. */
  format?: string | undefined;
  /** The header cell: label, and unit in brackets. */
  header: string;
  /** Width in characters. */
  width: number;
}

/** What a type is called on the Sources sheet, as on the datasets page. */
const TYPE_NAMES: Record<Column['type'], string> = {
  year: 'Year',
  category: 'Text',
  number: 'Number',
  percent: 'Percent (2.4 means 2.4%)',
  currency: 'Currency',
  fraction: 'Fraction (0.024 means 2.4%)',
  date: 'Date',
};

/** Columns are at least this wide (in characters), and at most that wide: a long note wraps off-screen, not the sheet. */
const WIDTH = { min: 6, max: 60 };

/**
 * Builds the XLSX file of a dataset.
 * @param dataset The dataset.
 * @param options `licence`: the licence to state when the dataset names none (the site's).
 * @returns The file's bytes, the same for the same dataset.
 */
export function datasetXlsx(
  dataset: Dataset,
  options: { licence?: string | undefined } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const columns = dataset.columns.map((column) => dataColumn(dataset, column));
  return writeXlsx([...dataSheets(dataset, columns), sourcesSheet(dataset, columns, options.licence)]);
}

/** Decides how one column is written, its header and its width. */
function dataColumn(dataset: Dataset, column: Column): DataColumn {
  const header = column.unit ? `${column.label} (${column.unit})` : column.label;
  const kind = columnKind(dataset, column);
  const decimals = Math.min(Math.max(column.decimals, 0), 15);
  const fixed = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  let written: Pick<DataColumn, 'kind' | 'format'> = { kind: 'text' };
  if (kind === 'number') {
    if (column.type === 'year') written = { kind: 'number', format: '0' };
    else if (column.type === 'fraction') written = { kind: 'number', format: `0${fixed}%` };
    else written = { kind: 'number', format: `#,##0${fixed}` };
  } else if (kind === 'day' && everyDayFitsExcel(dataset, column)) {
    written = { kind: 'date', format: 'yyyy-mm-dd' };
  }
  let longest = header.length;
  for (const row of dataset.rows) {
    const value = row[column.name] ?? null;
    if (value !== null) longest = Math.max(longest, shownLength(value, written.kind, column, decimals));
    if (longest >= WIDTH.max) break;
  }
  return { column, header, ...written, width: Math.min(Math.max(longest + 2, WIDTH.min), WIDTH.max) };
}

/** Whether every day of a column has an Excel date (none before 1 March 1900). */
function everyDayFitsExcel(dataset: Dataset, column: Column): boolean {
  for (const row of dataset.rows) {
    const value = row[column.name];
    const day = typeof value === 'string' ? isoDay(value) : undefined;
    if (day && excelDate(day.year, day.month, day.day) === undefined) return false;
  }
  return true;
}

/** About how many characters a value takes on screen, for the column's width. */
function shownLength(value: number | string, kind: DataColumn['kind'], column: Column, decimals: number): number {
  if (kind === 'date') return 10;
  if (typeof value === 'string') {
    // A cell with line breaks is as wide as its longest line (of the first few).
    let longest = 0;
    for (const line of value.split('\n', 20)) longest = Math.max(longest, line.length);
    return longest;
  }
  if (column.type === 'year') return String(value).length;
  const fraction = column.type === 'fraction';
  const digits = (fraction ? value * 100 : value).toFixed(decimals);
  const separators = fraction ? 0 : Math.floor(Math.max(digits.split('.')[0]!.replace('-', '').length - 1, 0) / 3);
  // A fraction shows a percent sign; other numbers a thousands separator every three digits.
  return digits.length + (fraction ? 1 : separators);
}

/** The cell of one value. */
function dataCell(dataset: Dataset, value: number | string | null, column: DataColumn, row: number): SheetCell {
  if (value === null) return null;
  if (column.kind === 'text') return { text: String(value) };
  if (column.kind === 'number') {
    if (typeof value !== 'number')
      throw new Error(
        `xlsx: ${dataset.name}, row ${row + 1}: column "${column.column.name}" holds the text ${JSON.stringify(value)} where a number belongs`,
      );
    return { number: value, format: column.format };
  }
  const day = isoDay(String(value))!;
  return { number: excelDate(day.year, day.month, day.day)!, format: column.format };
}

/** The Data sheet, and as many more as rows past Excel's limit need, each with the header row. */
function dataSheets(dataset: Dataset, columns: readonly DataColumn[]): Sheet[] {
  const perSheet = EXCEL_ROWS - 1;
  const count = Math.max(1, Math.ceil(dataset.rows.length / perSheet));
  return Array.from({ length: count }, (_, index) => ({
    name: index === 0 ? 'Data' : `Data ${index + 1}`,
    widths: columns.map((column) => column.width),
    freezeHeader: true,
    rows: (function* () {
      yield columns.map((column): SheetCell => ({ text: column.header, bold: true }));
      const end = Math.min(dataset.rows.length, (index + 1) * perSheet);
      for (let row = index * perSheet; row < end; row++) {
        const values = dataset.rows[row]!;
        yield columns.map((column) => dataCell(dataset, values[column.column.name] ?? null, column, row));
      }
    })(),
  }));
}

/** The Sources sheet: what the dataset is, where it comes from, and what each column holds. */
function sourcesSheet(dataset: Dataset, columns: readonly DataColumn[], siteLicence: string | undefined): Sheet {
  const { meta } = dataset;
  const heading = (text: string): SheetCell => ({ text, bold: true });
  const text = (value: string | undefined): SheetCell => (value === undefined ? null : { text: value });
  const rows: SheetCell[][] = [
    [heading('Dataset'), text(meta.title)],
    [heading('Name'), text(dataset.name)],
    ...(meta.description ? [[heading('Description'), text(meta.description)]] : []),
    [heading('Licence'), text(downloadLicence(meta.licence, siteLicence))],
    [],
    [heading('Sources')],
  ];
  if (meta.sources.length === 0) rows.push([text('None listed')]);
  else {
    rows.push([heading('Title'), heading('Publisher'), heading('Year'), heading('Address')]);
    for (const source of meta.sources)
      rows.push([
        text(source.title),
        text(source.publisher),
        source.year === undefined ? null : { number: source.year, format: '0' },
        text(source.url),
      ]);
  }
  if (meta.notes && meta.notes.length > 0) {
    rows.push([], [heading('Notes')]);
    for (const note of meta.notes) rows.push([text(note)]);
  }
  rows.push(
    [],
    [heading('Columns')],
    [text('The Data sheet heads each column with its label and unit; the CSV and Parquet downloads use its name.')],
    [heading('Name'), heading('Label'), heading('Type'), heading('Unit'), heading('Description')],
  );
  for (const { column, kind } of columns) {
    const type = column.type === 'date' && kind === 'text' ? 'Date (as text)' : TYPE_NAMES[column.type];
    rows.push([
      text(column.name),
      text(column.label),
      text(type),
      text(column.unit),
      text(meta.columns[column.name]?.description),
    ]);
  }
  return { name: 'Sources', widths: [24, 40, 28, 40, 60], rows };
}
