/**
 * One column's cells, read once, for `typeColumns`. A text seen before in the column is
 * not read again: a 1,000,000-row file has a few dozen years and tiers, so each distinct
 * text is read once and each row keeps only a small number pointing at its reading. Past
 * `MEMO_LIMIT` distinct texts (ids, counts, amounts: texts that do not repeat), a cell is
 * read alone: what its reading says is counted, and the reading is not kept but read again
 * when the cell is converted, so a million unique cells never become a million objects.
 */
import type { CellTexts } from './cell-texts.ts';
import { type CellReading, readCell } from './values.ts';

/** Most distinct texts remembered per column: tidy data repeats years, tiers and rates; ids and counts do not repeat. */
export const MEMO_LIMIT = 5_000;
/** The entry of a cell read alone. */
const ALONE = 0xffff;

/**
 * A column's cells: the readings of its distinct texts, which one each row has, and
 * what every cell says about the column's type, counted in the one pass that reads them.
 */
export class ColumnCells {
  readonly #texts: CellTexts;
  readonly #column: number;
  readonly #decimalComma: boolean;
  /** Readings of the texts remembered, in the order they first appear. */
  readonly #readings: CellReading[] = [];
  /** The texts remembered, index-aligned with `#readings`. */
  readonly #words: string[] = [];
  /** The row each remembered text first appears on. */
  readonly #firstRows: number[] = [];
  /** How many cells have each remembered text. */
  readonly #counts = new Int32Array(MEMO_LIMIT);
  /** For each row, the index of its text in `#words`, or ALONE. */
  readonly #entries: Uint16Array;
  /** Cells read alone. */
  #alone = 0;

  /** Cells that are numbers (with a unit or not). */
  numbers = 0;
  /** Cells that are neither numbers nor missing. */
  texts = 0;
  /** Spreadsheet errors and numbers too large or too precise to store. */
  errors = 0;
  percents = 0;
  currencies = 0;
  /** Whole numbers from 1000 to 2999 without a unit. */
  years = 0;
  /** Most decimals any number is written with. */
  decimals = 0;
  /** The currency of the first number that has one. */
  symbol: string | undefined;
  #symbolRow = -1;
  /** The first row whose cell is text, or -1. */
  firstText = -1;

  /**
   * Reads the column.
   * @param texts Reads any one cell.
   * @param rows How many rows there are.
   * @param column The column's index.
   * @param decimalComma Whether `,` is the decimal mark.
   */
  constructor(texts: CellTexts, rows: number, column: number, decimalComma: boolean) {
    this.#texts = texts;
    this.#column = column;
    this.#decimalComma = decimalComma;
    const entries = (this.#entries = new Uint16Array(rows));
    const counts = this.#counts;
    const memo = new Map<string, number>();
    for (let row = 0; row < rows; row++) {
      const text = texts.cell(row, column);
      let entry = memo.get(text);
      if (entry === undefined) {
        const reading = readCell(text, decimalComma);
        if (memo.size >= MEMO_LIMIT) {
          entries[row] = ALONE;
          this.#alone++;
          this.#count(reading, row, 1);
          continue;
        }
        entry = this.#readings.length;
        memo.set(text, entry);
        this.#readings.push(reading);
        this.#words.push(text);
        this.#firstRows.push(row);
      }
      entries[row] = entry;
      counts[entry]!++;
    }
    // Every remembered text first appears before any cell read alone, so the first rows stay first.
    this.#readings.forEach((reading, entry) => {
      this.#count(reading, this.#firstRows[entry]!, counts[entry]!);
    });
  }

  /**
   * The reading of row `row`'s cell.
   * @param row The row.
   */
  reading(row: number): CellReading {
    const entry = this.#entries[row]!;
    return entry === ALONE ? readCell(this.#texts.cell(row, this.#column), this.#decimalComma) : this.#readings[entry]!;
  }

  /**
   * The text of row `row`'s cell, as written.
   * @param row The row.
   */
  text(row: number): string {
    const entry = this.#entries[row]!;
    return entry === ALONE ? this.#texts.cell(row, this.#column) : this.#words[entry]!;
  }

  /**
   * Visits each distinct text of a text cell once, in the order texts first appear: the
   * remembered ones with their first row and their number of cells, then each cell read
   * alone with its row and 1. Stops when `visit` returns false.
   * @param visit Called with the text, the row it first appears on and how many cells have it.
   * @returns Whether every visit went on (none returned false).
   */
  everyText(visit: (text: string, row: number, count: number) => boolean): boolean {
    for (let entry = 0; entry < this.#readings.length; entry++) {
      const reading = this.#readings[entry]!;
      if (reading.kind === 'text' && !visit(reading.text, this.#firstRows[entry]!, this.#counts[entry]!)) return false;
    }
    if (this.#alone === 0 || this.firstText === -1) return true;
    for (let row = this.firstText; row < this.#entries.length; row++) {
      if (this.#entries[row] !== ALONE) continue;
      const reading = readCell(this.#texts.cell(row, this.#column), this.#decimalComma);
      if (reading.kind === 'text' && !visit(reading.text, row, 1)) return false;
    }
    return true;
  }

  /** Adds what a reading says to the column's counts, for `count` cells whose first is on row `row`. */
  #count(reading: CellReading, row: number, count: number): void {
    switch (reading.kind) {
      case 'number':
        this.numbers += count;
        if (reading.decimals > this.decimals) this.decimals = reading.decimals;
        if (reading.percent) this.percents += count;
        if (reading.currency) {
          this.currencies += count;
          if (this.#symbolRow === -1 || row < this.#symbolRow) {
            this.symbol = reading.currency;
            this.#symbolRow = row;
          }
        }
        if (
          Number.isInteger(reading.value) &&
          reading.value >= 1000 &&
          reading.value <= 2999 &&
          !reading.percent &&
          !reading.currency
        )
          this.years += count;
        break;
      case 'text':
        this.texts += count;
        if (this.firstText === -1 || row < this.firstText) this.firstText = row;
        break;
      case 'spreadsheet-error':
      case 'unrepresentable':
        this.errors += count;
        break;
      case 'missing':
        break;
    }
  }
}
