/**
 * Writes an Excel workbook (XLSX: SpreadsheetML parts in a ZIP) from sheets of
 * typed cells, with nothing a spreadsheet could run:
 *
 * - Text goes into the shared strings table and cells point at it (`t="s"`).
 *   Such a cell is never evaluated, whatever it says (`=HYPERLINK(…)`,
 *   `@SUM(…)`, `+1`), and no cell has a formula (`<f>`). Text a spreadsheet
 *   would read as a formula if someone edited the cell also gets the
 *   `quotePrefix` style, which Excel shows as a leading `'`, so it stays text
 *   after an edit too.
 * - Text is XML-escaped. Characters XML 1.0 cannot hold (NUL and the other C0
 *   controls but tab, LF and CR; U+FFFE and U+FFFF) are left out, a lone
 *   surrogate becomes U+FFFD, CR is written `&#13;` so it survives, and text
 *   that looks like Excel's own escape (`_x0041_`) has its underscore escaped,
 *   so it reads back as written.
 * - A cell holds at most 32,767 characters, Excel's limit: longer text is cut
 *   to 32,766 and ends with "…".
 * - Numbers are numeric cells (`t="n"`) with the number format the sheet asks
 *   for; dates are numbers with a date format, as Excel stores them.
 *
 * The same sheets give the same bytes: parts in a fixed order, no dates
 * anywhere (no docProps), and the fixed ZIP of `zip.ts`.
 */
import { isFormulaLike } from '../../csv-write.ts';
import { type ZipEntry, zip } from './zip.ts';

/** A cell: a number (with an Excel number format code, else General), text (optionally bold), or `null` for an empty cell. */
export type SheetCell = { number: number; format?: string | undefined } | { text: string; bold?: boolean } | null;

/** One worksheet. */
export interface Sheet {
  /** The tab's name: at most 31 characters, none of `[]:*?/\`, not starting or ending with `'`. */
  name: string;
  /** Rows from the top, each a list of cells from column A; read once, when the sheet is written. */
  rows: Iterable<readonly SheetCell[]>;
  /** Column widths in characters, from column A (the others keep Excel's default). */
  widths?: readonly number[];
  /** Keeps the first row in view while scrolling (a header row). */
  freezeHeader?: boolean;
}

/** Excel's limits: rows and columns per sheet, characters per cell. */
export const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;
const MAX_CELL_CHARACTERS = 32_767;

/** Rows per part handed to the compressor: large enough to be quick, small enough to stay small. */
const ROWS_PER_PART = 1_000;
/** Most distinct texts per sheet whose cells are remembered: categories repeat, free text does not. */
const MEMO_LIMIT = 10_000;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/**
 * The Excel serial number of a day (days since 1899-12-30), or `undefined` before 1 March 1900:
 * Excel counts a 29 February 1900 that never was, so its earlier serials name the wrong day.
 * @param year The year.
 * @param month 1 to 12.
 * @param day 1 to 31.
 */
export function excelDate(year: number, month: number, day: number): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const serial = date.getTime() / 86_400_000 + 25_569;
  return serial >= 61 && year <= 9999 ? serial : undefined;
}

/**
 * Text as a cell can hold it: well-formed, without characters XML cannot hold, at most 32,767 characters.
 * @param text The text as the data holds it.
 */
function cellText(text: string): string {
  const clean = text.toWellFormed().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  if (clean.length <= MAX_CELL_CHARACTERS) return clean;
  // Cut before the ellipsis, never between the two halves of a character outside the BMP.
  let end = MAX_CELL_CHARACTERS - 1;
  const last = clean.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${clean.slice(0, end)}…`;
}

/** Escapes text for XML content or an attribute value; CR as a reference, which XML does not turn into LF. */
function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

/** A cell's text in the shared strings table: `_xHHHH_` is how Excel escapes characters, so written text that looks like it has its `_` escaped. */
function sharedStringXml(text: string): string {
  return `<si><t xml:space="preserve">${escapeXml(text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1'))}</t></si>`;
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
function columnName(index: number): string {
  let name = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26))
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

/** The shared strings table: each distinct text once, numbered in the order the sheets first use it. */
class SharedStrings {
  private readonly indexes = new Map<string, number>();

  /** The number of a text, added on first use. */
  index(text: string): number {
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.indexes.size;
      this.indexes.set(text, index);
    }
    return index;
  }

  /** `xl/sharedStrings.xml`, once every sheet is written. */
  *xml(): Generator<string> {
    yield `${XML_DECLARATION}<sst xmlns="${MAIN}" uniqueCount="${this.indexes.size}">`;
    let part: string[] = [];
    for (const text of this.indexes.keys()) {
      part.push(sharedStringXml(text));
      if (part.length === ROWS_PER_PART) {
        yield part.join('');
        part = [];
      }
    }
    yield `${part.join('')}</sst>`;
  }
}

/**
 * The cell styles the sheets use: bold or not, quote prefix or not, and a number format.
 * Style 0 is the plain one; the others are numbered in the order the sheets first use them.
 */
class Styles {
  /** Each style by a key of its parts, numbered in the order first used. */
  private readonly xfs = new Map<string, { index: number; bold: boolean; quoted: boolean; format: string | undefined }>(
    [['plain', { index: 0, bold: false, quoted: false, format: undefined }]],
  );
  /** Custom number formats are numbered from 164; lower numbers are Excel's built-in ones. */
  private readonly formats = new Map<string, number>();

  /** The number of a cell style, added on first use. */
  index(bold: boolean, quoted: boolean, format: string | undefined): number {
    const key = bold || quoted || format !== undefined ? JSON.stringify([bold, quoted, format ?? null]) : 'plain';
    let style = this.xfs.get(key);
    if (style === undefined) {
      style = { index: this.xfs.size, bold, quoted, format };
      this.xfs.set(key, style);
      if (format !== undefined && !this.formats.has(format)) this.formats.set(format, 164 + this.formats.size);
    }
    return style.index;
  }

  /** `xl/styles.xml`, once every sheet is written. */
  *xml(): Generator<string> {
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    const xfs = [...this.xfs.values()].map(({ bold, quoted, format }) => {
      const numFmtId = format === undefined ? 0 : this.formats.get(format)!;
      return `<xf numFmtId="${numFmtId}" fontId="${bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${bold ? ' applyFont="1"' : ''}${quoted ? ' quotePrefix="1"' : ''}/>`;
    });
    const font = (bold: boolean) =>
      `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
    yield [
      `${XML_DECLARATION}<styleSheet xmlns="${MAIN}">`,
      formats.length > 0 ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '',
      `<fonts count="2">${font(false)}${font(true)}</fonts>`,
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>`,
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      '</styleSheet>',
    ].join('');
  }
}

/**
 * One worksheet's XML, a thousand rows at a time.
 * @param sheet The sheet.
 * @param first Whether it is the first sheet (the one shown on opening).
 */
function* sheetXml(sheet: Sheet, first: boolean, strings: SharedStrings, styles: Styles): Generator<string> {
  const pane = sheet.freezeHeader ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' : '';
  const columns = (sheet.widths ?? []).map(
    (width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`,
  );
  yield [
    `${XML_DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">`,
    `<sheetViews><sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    columns.length > 0 ? `<cols>${columns.join('')}</cols>` : '',
    '<sheetData>',
  ].join('');
  const letters: string[] = [];
  // What follows `<c r="A1"` for a number of each format, and for each text seen (tidy data repeats its
  // categories): worked out once, not once per cell.
  const numberTails = new Map<string | undefined, string>();
  const textTails = [new Map<string, string>(), new Map<string, string>()];
  let part = '';
  let rowNumber = 0;
  for (const row of sheet.rows) {
    rowNumber++;
    if (rowNumber > EXCEL_ROWS) throw new Error(`xlsx: the sheet "${sheet.name}" has more than ${EXCEL_ROWS} rows`);
    if (row.length > EXCEL_COLUMNS)
      throw new Error(
        `xlsx: row ${rowNumber} of the sheet "${sheet.name}" has ${row.length} cells, over ${EXCEL_COLUMNS}`,
      );
    part += `<row r="${rowNumber}">`;
    for (let index = 0; index < row.length; index++) {
      const cell = row[index];
      if (cell === null || cell === undefined) continue;
      const ref = (letters[index] ??= columnName(index)) + rowNumber;
      if ('number' in cell) {
        if (!Number.isFinite(cell.number))
          throw new Error(`xlsx: the cell ${sheet.name}!${ref} holds ${cell.number}, which a spreadsheet cannot store`);
        let tail = numberTails.get(cell.format);
        if (tail === undefined) {
          const style = styles.index(false, false, cell.format);
          numberTails.set(cell.format, (tail = `${style ? ` s="${style}"` : ''} t="n"><v>`));
        }
        // A number in a template reads as JavaScript writes it (-0 as 0, 1e21 as 1e+21), which XML Schema's double accepts.
        part += `<c r="${ref}"${tail}${cell.number}</v></c>`;
      } else {
        const seen = textTails[cell.bold ? 1 : 0]!;
        let tail = seen.get(cell.text);
        if (tail === undefined) {
          const text = cellText(cell.text);
          const style = styles.index(cell.bold === true, isFormulaLike(text), undefined);
          tail = `${style ? ` s="${style}"` : ''} t="s"><v>${strings.index(text)}</v></c>`;
          if (seen.size < MEMO_LIMIT) seen.set(cell.text, tail);
        }
        part += `<c r="${ref}"${tail}`;
      }
    }
    part += '</row>';
    if (rowNumber % ROWS_PER_PART === 0) {
      yield part;
      part = '';
    }
  }
  yield `${part}</sheetData></worksheet>`;
}

/**
 * Builds an XLSX file of the sheets, in their order; the first is shown on opening.
 * @param sheets The sheets (at least one, names unique).
 * @returns The file's bytes.
 */
export async function writeXlsx(sheets: readonly Sheet[]): Promise<Uint8Array<ArrayBuffer>> {
  const names = new Set(sheets.map((sheet) => sheet.name.toLowerCase()));
  if (sheets.length === 0 || names.size !== sheets.length)
    throw new Error('xlsx: a workbook needs sheets with distinct names');
  for (const { name } of sheets)
    if (name === '' || name.length > 31 || /[[\]:*?/\\]|^'|'$/.test(name))
      throw new Error(`xlsx: ${JSON.stringify(name)} cannot name a sheet`);
  const strings = new SharedStrings();
  const styles = new Styles();
  const sheetPaths = sheets.map((_, index) => `xl/worksheets/sheet${index + 1}.xml`);
  const overrides = [
    ['/xl/workbook.xml', `${CONTENT_TYPE}.sheet.main+xml`],
    ...sheetPaths.map((path) => [`/${path}`, `${CONTENT_TYPE}.worksheet+xml`]),
    ['/xl/styles.xml', `${CONTENT_TYPE}.styles+xml`],
    ['/xl/sharedStrings.xml', `${CONTENT_TYPE}.sharedStrings+xml`],
  ];
  const relationship = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${RELATIONSHIPS}/${type}" Target="${target}"/>`;
  const entries: ZipEntry[] = [
    {
      name: '[Content_Types].xml',
      parts: [
        `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`,
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
        ...overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`),
        '</Types>',
      ],
    },
    {
      name: '_rels/.rels',
      parts: [
        `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">`,
        relationship('rId1', 'officeDocument', 'xl/workbook.xml'),
        '</Relationships>',
      ],
    },
    {
      name: 'xl/workbook.xml',
      parts: [
        `${XML_DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">`,
        '<bookViews><workbookView activeTab="0"/></bookViews><sheets>',
        ...sheets.map(
          (sheet, index) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
        ),
        '</sheets></workbook>',
      ],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      parts: [
        `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">`,
        ...sheetPaths.map((path, index) => relationship(`rId${index + 1}`, 'worksheet', path.slice('xl/'.length))),
        relationship(`rId${sheets.length + 1}`, 'styles', 'styles.xml'),
        relationship(`rId${sheets.length + 2}`, 'sharedStrings', 'sharedStrings.xml'),
        '</Relationships>',
      ],
    },
    // Each sheet adds its texts and styles to the tables as it is written: the tables come after the sheets.
    ...sheets.map((sheet, index) => ({
      name: sheetPaths[index]!,
      parts: sheetXml(sheet, index === 0, strings, styles),
    })),
    { name: 'xl/styles.xml', parts: styles.xml() },
    { name: 'xl/sharedStrings.xml', parts: strings.xml() },
  ];
  return zip(entries);
}
