/**
 * Reads any one cell of the rows `typeColumns` is given. Rows from the fast reader
 * (`tableRows`, or `TableRow`s taken from it) cut a whole row out of the file's text
 * when asked for their cells, so their cells are read from the table itself, one at
 * a time; any other rows (the careful reader's, rows made from query results) are
 * read through `cells`.
 */
import type { RawRow } from './csv.ts';
import type { CsvTable } from './csv-table.ts';
import { TableRow } from './table-rows.ts';
import type { TextMemo } from './text-memo.ts';

/** The cells of the rows given; `row` is an index into them. */
export interface CellTexts {
  /** The text of a cell. */
  cell(row: number, column: number): string;
  /** The number of a cell's text in `memo`, or UNKNOWN, cutting no string out of the file where it can. */
  find(row: number, column: number, memo: TextMemo): number;
  /** The line a row starts on. */
  line(row: number): number;
}

/**
 * A reader for `rows`.
 * @param rows The rows, as `typeColumns` gets them.
 */
export function cellTexts(rows: readonly RawRow[]): CellTexts {
  const found = TableRow.tableOf(rows);
  return found ? new TableTexts(found.table, found.indexes) : new RowTexts(rows);
}

class TableTexts implements CellTexts {
  readonly #table: CsvTable;
  readonly #indexes: Int32Array | undefined;

  /** @param indexes Each row's index in the table, unless the rows are the whole table in order. */
  constructor(table: CsvTable, indexes: Int32Array | undefined) {
    this.#table = table;
    this.#indexes = indexes;
  }

  cell(row: number, column: number): string {
    return this.#table.cell(this.#indexes ? this.#indexes[row]! : row, column);
  }

  find(row: number, column: number, memo: TextMemo): number {
    return this.#table.find(this.#indexes ? this.#indexes[row]! : row, column, memo);
  }

  line(row: number): number {
    return this.#table.line(this.#indexes ? this.#indexes[row]! : row);
  }
}

class RowTexts implements CellTexts {
  readonly #rows: readonly RawRow[];

  constructor(rows: readonly RawRow[]) {
    this.#rows = rows;
  }

  cell(row: number, column: number): string {
    return this.#rows[row]!.cells[column]!;
  }

  find(row: number, column: number, memo: TextMemo): number {
    const text = this.#rows[row]!.cells[column]!;
    return memo.find(text, 0, text.length);
  }

  line(row: number): number {
    return this.#rows[row]!.line;
  }
}
