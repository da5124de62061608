/**
 * Reads any one cell of the rows `typeColumns` is given. Rows from the fast reader
 * (`TableRow`s) cut a whole row out of the file's text when asked for their cells,
 * so their cells are read from the table itself, one at a time; any other rows (the
 * careful reader's, rows made from query results) are read through `cells`.
 */
import type { RawRow } from './csv.ts';
import { type CsvTable, TableRow } from './csv-table.ts';

/** The text of cell `column` of row `row` (an index into the rows given). */
export interface CellTexts {
  cell(row: number, column: number): string;
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
  readonly #indexes: Int32Array;

  constructor(table: CsvTable, indexes: Int32Array) {
    this.#table = table;
    this.#indexes = indexes;
  }

  cell(row: number, column: number): string {
    return this.#table.cell(this.#indexes[row]!, column);
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
}
