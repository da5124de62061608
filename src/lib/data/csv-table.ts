/**
 * Reads a cleanly written CSV text, which is nearly every file, in one pass over its
 * characters. Instead of cutting out a string for every cell (a million rows of seven
 * cells would be seven million strings, kept only until they are typed), it notes where
 * each cell starts and cuts a cell out only when it is read. LF, CRLF and a lone CR each
 * end a line, so the text is never copied to make its line breaks alike.
 *
 * It reads exactly what the careful reader in csv.ts (papaparse after `checkQuotes`)
 * reads, and declines, returning `undefined`, at the first thing that reader would
 * report: a broken quote, a row whose cell count differs from the header's, no header,
 * no data rows. The careful reader then reads the file again and words every problem as
 * it always has. tests/lib/data/csv-table.test.ts compares the two readers on thousands
 * of generated files.
 */
import type { RawRow } from './csv.ts';
import { tableRows } from './table-rows.ts';
import type { TextMemo } from './text-memo.ts';

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** What `RecordReader.read` returns for a quote that does not open, close or double inside a cell. */
const BROKEN = -1;
/** Delimiters papaparse refuses (it reads `,` instead): the careful reader knows what to do with them. */
const REFUSED_DELIMITERS = ['\r', '\n', '"', '\ufeff'];
/** Positions per block of a table (4 MB), so a table takes memory as it grows, not all at once. */
const BLOCK_POSITIONS = 1 << 20;
const WHITESPACE = /\s/;

/** A clean file read: its header and its data rows (blank rows left out). */
export interface CleanCsv {
  header: string[];
  /** The header as a row, for messages about it. */
  headerRow: RawRow;
  /** The data rows, made when first read (see `tableRows`). */
  rows: RawRow[];
}

/**
 * Reads `text` if it is written cleanly, else returns `undefined`.
 * @param text The file's text, line breaks as written.
 * @param delimiter The field delimiter.
 * @param start Where the records start (after a `sep=` line).
 * @param firstLine The line number at `start`.
 */
export function readCleanCsv(text: string, delimiter: string, start = 0, firstLine = 1): CleanCsv | undefined {
  // papaparse reads these delimiters as `,` and drops a byte order mark: the careful reader copes with both.
  if (delimiter.length !== 1 || REFUSED_DELIMITERS.includes(delimiter)) return undefined;
  if (text.charCodeAt(start) === 0xfeff) return undefined;
  const reader = new RecordReader(text, delimiter.charCodeAt(0), start, firstLine);

  // The header is the first record that is not blank.
  let scratch = new Int32Array(64);
  for (;;) {
    if (reader.done()) return undefined;
    const from = reader.mark();
    const fields = reader.read(scratch, 0, scratch.length);
    if (fields === BROKEN) return undefined;
    if (fields >= scratch.length) {
      scratch = new Int32Array(fields + 1);
      reader.rewind(from);
      continue;
    }
    if (!reader.blank) break;
  }
  const columns = reader.fields;
  const table = new CsvTable(text, columns);
  const header = table.cutCells(scratch, 0);
  const headerRow: RawRow = { cells: header, line: reader.line, source: table.cutSource(scratch, 0) };

  let rows = 0;
  while (!reader.done()) {
    const block = table.block(rows);
    const at = table.at(rows);
    const fields = reader.read(block, at + 1, columns + 1);
    if (fields === BROKEN) return undefined;
    if (reader.blank) continue;
    if (fields !== columns) return undefined;
    block[at] = reader.line;
    rows++;
  }
  if (rows === 0) return undefined;
  table.finish(rows, reader.escapes, reader.returns);
  return { header, headerRow, rows: tableRows(table) };
}

/**
 * The cells of a clean file, as positions in its text: for each row, its line, where
 * each cell starts, then one past the row's end plus one, so that every cell, the last
 * one too, ends one position before the next entry. A quoted cell starts at its opening
 * quote.
 */
export class CsvTable {
  readonly #text: string;
  /** Cells per row. */
  readonly columns: number;
  /** Data rows. */
  rows = 0;
  readonly #stride: number;
  readonly #shift: number;
  readonly #mask: number;
  readonly #blocks: Int32Array[] = [];
  /** Whether a quoted cell holds a doubled quote or a CR, which `cell` must then undo. */
  #escapes = true;
  #returns = true;

  constructor(text: string, columns: number) {
    this.#text = text;
    this.columns = columns;
    this.#stride = columns + 2;
    // Rows per block: a power of two, for a shift and a mask instead of a division per cell.
    let shift = 0;
    while ((2 << shift) * this.#stride <= BLOCK_POSITIONS) shift++;
    this.#shift = shift;
    this.#mask = (1 << shift) - 1;
  }

  /**
   * The block row `row`'s entries go in (see `at`), adding it when the row is the first of
   * one. The first block starts small and doubles, so a file of a few rows takes a few bytes.
   */
  block(row: number): Int32Array {
    const index = row >>> this.#shift;
    const end = this.at(row) + this.#stride;
    let block = this.#blocks[index];
    if (block === undefined || block.length < end) {
      const rows = index === 0 ? Math.min(Math.max(64, 2 * ((row & this.#mask) + 1)), this.#mask + 1) : this.#mask + 1;
      const grown = new Int32Array(rows * this.#stride);
      if (block) grown.set(block);
      this.#blocks[index] = block = grown;
    }
    return block;
  }

  /** Where row `row`'s entries start in its block: its line, then its cells. */
  at(row: number): number {
    return (row & this.#mask) * this.#stride;
  }

  /** Settles the row count and whether any quoted cell needs undoing, once every row is in. */
  finish(rows: number, escapes: boolean, returns: boolean): void {
    this.rows = rows;
    this.#escapes = escapes;
    this.#returns = returns;
  }

  /**
   * The text of one cell, as papaparse gives it: a quoted cell without its quotes,
   * doubled quotes single, line breaks as LF.
   * @param row The row (0 is the first data row).
   * @param column The column.
   */
  cell(row: number, column: number): string {
    const block = this.#blocks[row >>> this.#shift]!;
    const at = (row & this.#mask) * this.#stride + 1 + column;
    return this.#cut(block[at]!, block[at + 1]! - 1);
  }

  /**
   * The number of a cell's text in `memo` (or UNKNOWN), found where the text stands in
   * the file, without cutting it out; a quoted cell holding a doubled quote or a CR is
   * cut out and undone first.
   * @param row The row.
   * @param column The column.
   * @param memo The column's texts so far.
   */
  find(row: number, column: number, memo: TextMemo): number {
    const block = this.#blocks[row >>> this.#shift]!;
    const at = (row & this.#mask) * this.#stride + 1 + column;
    const start = block[at]!;
    const end = block[at + 1]! - 1;
    if (this.#text.charCodeAt(start) !== QUOTE) return memo.find(this.#text, start, end);
    if (!this.#escapes && !this.#returns) return memo.find(this.#text, start + 1, end - 1);
    const cell = this.#cut(start, end);
    return memo.find(cell, 0, cell.length);
  }

  /** The 1-based line row `row` starts on. */
  line(row: number): number {
    return this.#blocks[row >>> this.#shift]![(row & this.#mask) * this.#stride]!;
  }

  /** Every cell of row `row`. */
  cells(row: number): string[] {
    const block = this.#blocks[row >>> this.#shift]!;
    return this.cutCells(block, (row & this.#mask) * this.#stride + 1);
  }

  /** Row `row` as written, line breaks as LF and without the one that ends it. */
  source(row: number): string {
    const block = this.#blocks[row >>> this.#shift]!;
    return this.cutSource(block, (row & this.#mask) * this.#stride + 1);
  }

  /** The cells whose starts are at `at` in `block`. */
  cutCells(block: Int32Array, at: number): string[] {
    const cells = new Array<string>(this.columns);
    for (let column = 0; column < this.columns; column++) {
      cells[column] = this.#cut(block[at + column]!, block[at + column + 1]! - 1);
    }
    return cells;
  }

  /** The row whose starts are at `at` in `block`, as written. */
  cutSource(block: Int32Array, at: number): string {
    const source = this.#text.slice(block[at]!, block[at + this.columns]! - 1);
    return source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  }

  #cut(start: number, end: number): string {
    const text = this.#text;
    if (text.charCodeAt(start) !== QUOTE) return text.slice(start, end);
    let cell = text.slice(start + 1, end - 1);
    if (this.#escapes && cell.includes('"')) cell = cell.replaceAll('""', '"');
    if (this.#returns && cell.includes('\r')) cell = cell.replace(/\r\n?/g, '\n');
    return cell;
  }
}

/**
 * Reads one record at a time into a table's entries (see `CsvTable`), counting lines
 * and noting whether the record is blank.
 */
class RecordReader {
  readonly #text: string;
  readonly #delimiter: number;
  #position: number;
  #nextLine: number;
  /** The line the last record read starts on. */
  line = 0;
  /** Fields of the last record read, those past the room given too. */
  fields = 0;
  /** Whether every cell of the last record read is empty or whitespace. */
  blank = true;
  /** Whether a quoted cell read so far holds a doubled quote. */
  escapes = false;
  /** Whether a quoted cell read so far holds a CR. */
  returns = false;

  constructor(text: string, delimiter: number, start: number, firstLine: number) {
    this.#text = text;
    this.#delimiter = delimiter;
    this.#position = start;
    this.#nextLine = firstLine;
  }

  /** Whether the text is read to its end (a last line break starts no record). */
  done(): boolean {
    return this.#position >= this.#text.length;
  }

  mark(): { position: number; line: number } {
    return { position: this.#position, line: this.#nextLine };
  }

  rewind(to: { position: number; line: number }): void {
    this.#position = to.position;
    this.#nextLine = to.line;
  }

  /**
   * Reads the next record.
   * @param into Where its entries go.
   * @param at The first entry to write.
   * @param room How many entries there is room for (field starts and the end).
   * @returns The number of fields, or BROKEN at a quote that does not open, close or double inside a cell.
   */
  read(into: Int32Array, at: number, room: number): number {
    const text = this.#text;
    const length = text.length;
    const delimiter = this.#delimiter;
    let position = this.#position;
    let fields = 0;
    let blank = true;
    let breaks = 0;
    let code = -1;
    for (;;) {
      if (fields < room) into[at + fields] = position;
      fields++;
      code = position < length ? text.charCodeAt(position) : -1;
      if (code === QUOTE) {
        position++;
        for (;;) {
          if (position >= length) return BROKEN;
          code = text.charCodeAt(position);
          if (code === QUOTE) {
            if (text.charCodeAt(position + 1) !== QUOTE) break;
            this.escapes = true;
            blank = false;
            position += 2;
            continue;
          }
          if (code === LF) breaks++;
          else if (code === CR) {
            this.returns = true;
            if (text.charCodeAt(position + 1) !== LF) breaks++;
          } else if (blank && !isSpace(code)) blank = false;
          position++;
        }
        position++;
        code = position < length ? text.charCodeAt(position) : -1;
        // The closing quote must end the cell.
        if (code !== delimiter && code !== LF && code !== CR && code !== -1) return BROKEN;
      } else {
        while (code !== delimiter && code !== LF && code !== CR && code !== -1) {
          // A quote anywhere but at the start of a cell is a stray quote.
          if (code === QUOTE) return BROKEN;
          if (blank && !isSpace(code)) blank = false;
          code = ++position < length ? text.charCodeAt(position) : -1;
        }
      }
      if (code !== delimiter) break;
      position++;
    }
    if (fields < room) into[at + fields] = position + 1;
    if (code === CR) position += text.charCodeAt(position + 1) === LF ? 2 : 1;
    else if (code === LF) position++;
    this.line = this.#nextLine;
    this.#nextLine += breaks + (code === -1 ? 0 : 1);
    this.#position = position;
    this.fields = fields;
    this.blank = blank;
    return fields;
  }
}

/** Whether `String.prototype.trim` removes this character (a blank row is one whose cells all trim to nothing). */
function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code > 127 && WHITESPACE.test(String.fromCharCode(code));
}
