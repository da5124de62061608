/**
 * One column's cells, read once, for `typeColumns`. A text seen before in the column is
 * not read again: a 1,000,000-row file has a few dozen years and tiers, so each distinct
 * text is read once, and each row keeps only a 16-bit number pointing at its reading.
 * Past `MEMO_LIMIT` distinct texts (ids, counts, amounts: texts that do not repeat) a
 * cell is read alone: what its reading says is counted, a number keeps its value in a
 * `Float64Array`, and anything else is read again when the cell is converted, so a
 * million unique cells never become a million objects.
 */
import type { CellTexts } from './cell-texts.ts';
import { TextMemo, UNKNOWN } from './text-memo.ts';
import { type CellReading, readCell } from './values.ts';

/** A cell's value in its column; `undefined` when only converting it cell by cell tells (a problem, a date). */
export type SettledValue = number | string | null | undefined;

/** Most distinct texts remembered per column: tidy data repeats years, tiers and rates; ids and counts do not repeat. */
const MEMO_LIMIT = 5_000;
/** A cell read alone that is a number: this, plus its kind (see `#numberKinds`); its value is in `#values`. */
const ALONE_NUMBER = 0xff00;
/** Kinds of number a column can note for cells read alone: percent or not, and a currency. */
const NUMBER_KINDS = 0xff;
/** Any other cell read alone. */
const ALONE = 0xffff;
/** The shortest string V8 cuts out of another as a view into it (SlicedString::kMinLength). */
const SHORTEST_VIEW = 13;

/** What a cell read alone that is a number says, besides its value. */
interface NumberKind {
  percent: boolean;
  currency: string | undefined;
}

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
  /** For each row: the number of its text in `#words`, or ALONE_NUMBER plus a kind, or ALONE. */
  readonly #entries: Uint16Array;
  /** The values of numbers read alone, by row (made when the first one is). */
  #values: Float64Array | undefined;
  #numberKinds: NumberKind[] = [];
  /** Cells read alone. */
  #alone = 0;
  /** Each remembered text's value in the column, once typed (see `settle`). */
  #settled: SettledValue[] = [];
  #settleNumber: (value: number, percent: boolean, currency: string | undefined) => SettledValue = () => undefined;

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
    const memo = new TextMemo(MEMO_LIMIT);
    for (let row = 0; row < rows; row++) {
      let entry = texts.find(row, column, memo);
      if (entry === UNKNOWN) {
        const text = texts.cell(row, column);
        if (memo.size >= MEMO_LIMIT) {
          this.#readAlone(row, readCell(text, decimalComma));
          continue;
        }
        // Kept for the whole build as values, so a copy, not a view into the file's text that would keep all of it.
        const word = text.length < SHORTEST_VIEW ? text : [...text].join('');
        entry = memo.add(word);
        this.#readings.push(readCell(word, decimalComma));
        this.#words.push(word);
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
   * @param text The cell's text, when the caller has it already.
   */
  reading(row: number, text?: string): CellReading {
    const entry = this.#entries[row]!;
    if (entry < MEMO_LIMIT) return this.#readings[entry]!;
    return readCell(text ?? this.#texts.cell(row, this.#column), this.#decimalComma);
  }

  /**
   * The text of row `row`'s cell, as written.
   * @param row The row.
   */
  text(row: number): string {
    const entry = this.#entries[row]!;
    return entry < MEMO_LIMIT ? this.#words[entry]! : this.#texts.cell(row, this.#column);
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

  /**
   * Works out once, now that the column has a type, the value each remembered text
   * takes in it, and how a number read alone becomes a value.
   * @param textValue A remembered text's value, from its reading and text; `undefined` to convert each cell.
   * @param numberValue A number's value from its parts; `undefined` to convert each cell.
   */
  settle(
    textValue: (reading: CellReading, text: string) => SettledValue,
    numberValue: (value: number, percent: boolean, currency: string | undefined) => SettledValue,
  ): void {
    this.#settled = this.#readings.map((reading, entry) => textValue(reading, this.#words[entry]!));
    this.#settleNumber = numberValue;
  }

  /**
   * Row `row`'s value as `settle` worked it out, or `undefined` when the cell must be converted on its own.
   * @param row The row.
   */
  value(row: number): SettledValue {
    const entry = this.#entries[row]!;
    if (entry < MEMO_LIMIT) return this.#settled[entry];
    if (entry === ALONE) return undefined;
    const kind = this.#numberKinds[entry - ALONE_NUMBER]!;
    return this.#settleNumber(this.#values![row]!, kind.percent, kind.currency);
  }

  /** Counts a cell read alone and notes what converting it will need. */
  #readAlone(row: number, reading: CellReading): void {
    this.#alone++;
    this.#count(reading, row, 1);
    let entry = ALONE;
    if (reading.kind === 'number') {
      const kinds = this.#numberKinds;
      let kind = 0;
      while (
        kind < kinds.length &&
        (kinds[kind]!.percent !== reading.percent || kinds[kind]!.currency !== reading.currency)
      )
        kind++;
      if (kind === kinds.length) kind = -1;
      if (kind === -1 && this.#numberKinds.length < NUMBER_KINDS) {
        kind = this.#numberKinds.push({ percent: reading.percent, currency: reading.currency }) - 1;
      }
      if (kind !== -1) {
        this.#values ??= new Float64Array(this.#entries.length);
        this.#values[row] = reading.value;
        entry = ALONE_NUMBER + kind;
      }
    }
    this.#entries[row] = entry;
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
