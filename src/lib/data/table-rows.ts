/**
 * The rows of a `CsvTable` as `RawRow`s. `parseCsv` promises an array of rows, but
 * `typeColumns` reads the table itself, so a million row objects made only to be
 * handed over would cost 56 MB and a tenth of a second or more in collecting them.
 * `tableRows` gives an array whose rows are made when first read: its length is the
 * table's, and reading, iterating, mapping, spreading or comparing it works as with
 * any array. `typeColumns` finds the table behind it with `TableRow.tableOf`, unless
 * the array was written to, which hands reading back to each row's `cells`.
 */
import type { RawRow } from './csv.ts';
import type { CsvTable } from './csv-table.ts';

/** The table behind each array `tableRows` made, while nothing has been written to it. */
const TABLES = new WeakMap<readonly RawRow[], CsvTable>();

/**
 * A data row of a `CsvTable`. It holds its line; its cells and its source are cut out of
 * the text each time they are read (a message needs them for a row or two, typing reads
 * the table itself).
 */
export class TableRow implements RawRow {
  readonly line: number;
  readonly #table: CsvTable;
  readonly #index: number;

  constructor(table: CsvTable, index: number) {
    this.#table = table;
    this.#index = index;
    this.line = table.line(index);
  }

  get cells(): string[] {
    return this.#table.cells(this.#index);
  }

  get source(): string {
    return this.#table.source(this.#index);
  }

  /**
   * The table that `rows` all come from, with each row's index in it, or `undefined`
   * when any of them is not a row of that one table.
   * @param rows An array `tableRows` made, or any rows (such as some of its rows, filtered).
   */
  static tableOf(rows: readonly RawRow[]): { table: CsvTable; indexes: Int32Array | undefined } | undefined {
    const whole = TABLES.get(rows);
    if (whole) return { table: whole, indexes: undefined };
    const first = rows[0];
    if (!(first instanceof TableRow)) return undefined;
    const table = first.#table;
    const indexes = new Int32Array(rows.length);
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index];
      if (!(row instanceof TableRow) || row.#table !== table) return undefined;
      indexes[index] = row.#index;
    }
    return { table, indexes };
  }
}

/**
 * The rows of `table`, made when first read.
 * @param table A table whose rows are all in.
 */
export function tableRows(table: CsvTable): RawRow[] {
  // Holds the rows made so far. Its length stays 0 while the traps answer with the table's
  // (an array's length is writable, so they may): setting it would allocate a slot per row.
  const made: RawRow[] = [];
  // Until the array is written to, its rows are the table's.
  let lazy = true;
  const indexOf = (key: string | symbol): number => {
    if (!lazy || typeof key !== 'string') return -1;
    const index = Number(key);
    return Number.isInteger(index) && index >= 0 && index < table.rows && String(index) === key ? index : -1;
  };
  const row = (index: number): RawRow => (made[index] ??= new TableRow(table, index));
  // Once written to, the array is an ordinary one, and its own rows are what typing reads.
  const settle = () => {
    if (!lazy) return;
    for (let index = 0; index < table.rows; index++) row(index);
    lazy = false;
    TABLES.delete(rows);
  };
  const rows: RawRow[] = new Proxy(made, {
    get: (target, key, receiver) => {
      if (lazy && key === 'length') return table.rows;
      const index = indexOf(key);
      return index === -1 ? Reflect.get(target, key, receiver) : row(index);
    },
    has: (target, key) => indexOf(key) !== -1 || Reflect.has(target, key),
    getOwnPropertyDescriptor: (target, key) => {
      if (lazy && key === 'length')
        return { value: table.rows, writable: true, enumerable: false, configurable: false };
      const index = indexOf(key);
      if (index === -1) return Reflect.getOwnPropertyDescriptor(target, key);
      return { value: row(index), writable: true, enumerable: true, configurable: true };
    },
    ownKeys: (target) => {
      const own = Reflect.ownKeys(target);
      if (!lazy) return own;
      const indexes = Array.from({ length: table.rows }, (_, index) => String(index));
      return [...indexes, ...own.filter((key) => indexOf(key) === -1)];
    },
    set: (target, key, value, receiver) => {
      settle();
      return Reflect.set(target, key, value, receiver);
    },
    deleteProperty: (target, key) => {
      settle();
      return Reflect.deleteProperty(target, key);
    },
    defineProperty: (target, key, descriptor) => {
      settle();
      return Reflect.defineProperty(target, key, descriptor);
    },
  });
  TABLES.set(rows, table);
  return rows;
}
