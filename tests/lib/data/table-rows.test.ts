/**
 * The rows the fast CSV reader hands over (src/lib/data/table-rows.ts) behave as an
 * ordinary array of rows, and `typeColumns` reads the table behind them to exactly the
 * result it gives for the same rows written out as plain `RawRow`s: every column type,
 * problem, line and value, with more distinct texts than a column remembers too.
 */
import { describe, expect, it } from 'vitest';
import { type TypeColumnsOptions, typeColumns } from '../../../src/lib/data/columns.ts';
import { parseCsv, type RawRow } from '../../../src/lib/data/csv.ts';
import { TableRow } from '../../../src/lib/data/table-rows.ts';

const TEXT = 'year,tier,note\n2024,micro,"a, b"\n\n2025,"mega","two\r\nlines"\r\n2026,nano,x\n';

function plainRows(rows: readonly RawRow[]): RawRow[] {
  return rows.map((row) => ({ cells: row.cells, line: row.line, source: row.source }));
}

function typed(raw: RawRow[], header: string[], extra: Partial<TypeColumnsOptions> = {}) {
  return typeColumns({
    header,
    raw,
    meta: undefined,
    path: 'data/x.csv',
    metaPath: 'data/x.yml',
    locateMeta: () => ({ line: 1, column: 1 }),
    ...extra,
  });
}

describe('the rows of the fast reader', () => {
  it('read, iterate, map, spread, slice, serialise and compare like an array of rows', () => {
    const { rows } = parseCsv(TEXT, 'data/x.csv');
    expect(Array.isArray(rows)).toBe(true);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toBeInstanceOf(TableRow);
    expect(rows[1]).toBe(rows[1]);
    expect(rows[3]).toBeUndefined();
    expect(rows.at(-1)!.cells).toEqual(['2026', 'nano', 'x']);
    expect([...rows].map((row) => row.line)).toEqual([2, 4, 6]);
    expect(rows.slice(1).map((row) => row.cells[2])).toEqual(['two\nlines', 'x']);
    expect(rows.filter((row) => row.line > 2)).toHaveLength(2);
    expect(Object.keys(rows)).toEqual(['0', '1', '2']);
    expect(1 in rows).toBe(true);
    expect(3 in rows).toBe(false);
    const seen: number[] = [];
    for (const row of rows) seen.push(row.line);
    rows.forEach((row, index) => {
      expect(row.line).toBe(seen[index]);
    });
    expect(JSON.parse(JSON.stringify(rows))).toEqual([{ line: 2 }, { line: 4 }, { line: 6 }]);
    expect(Object.getOwnPropertyDescriptor(rows, 'length')).toEqual({
      value: 3,
      writable: true,
      enumerable: false,
      configurable: false,
    });
    expect(Array.from(rows)).toHaveLength(3);
    expect(rows.concat([])).toHaveLength(3);
    expect(plainRows(rows)).toEqual([
      { cells: ['2024', 'micro', 'a, b'], line: 2, source: '2024,micro,"a, b"' },
      { cells: ['2025', 'mega', 'two\nlines'], line: 4, source: '2025,"mega","two\nlines"' },
      { cells: ['2026', 'nano', 'x'], line: 6, source: '2026,nano,x' },
    ]);
  });

  it('become an ordinary array once written to, and typing then reads the rows it holds', () => {
    const { header, rows } = parseCsv(TEXT, 'data/x.csv');
    expect(TableRow.tableOf(rows)?.indexes).toBeUndefined();
    rows[0] = { cells: ['1999', 'macro', 'changed'], line: 9, source: '1999,macro,changed' };
    rows.push({ cells: ['2027', 'micro', 'added'], line: 10, source: '2027,micro,added' });
    expect(TableRow.tableOf(rows)).toBeUndefined();
    expect(rows.map((row) => row.cells[2])).toEqual(['changed', 'two\nlines', 'x', 'added']);
    const result = typed(rows, header);
    expect(result.rows.map((row) => [row.year, row.note])).toEqual([
      [1999, 'changed'],
      [2025, 'two\nlines'],
      [2026, 'x'],
      [2027, 'added'],
    ]);
    expect(result.info.map((row) => row.line)).toEqual([9, 4, 6, 10]);

    const shortened = parseCsv(TEXT, 'data/x.csv').rows;
    shortened.length = 1;
    expect(shortened).toHaveLength(1);
    expect(typed(shortened, header).rows).toEqual([{ year: 2024, tier: 'micro', note: 'a, b' }]);
  });

  it('are typed like the same rows written out, also when some are left out', () => {
    const { header, rows } = parseCsv(TEXT, 'data/x.csv');
    expect(typed(rows, header)).toEqual(typed(plainRows(rows), header));
    const some = rows.filter((row) => row.line !== 4);
    expect(TableRow.tableOf(some)?.indexes).toEqual(new Int32Array([0, 2]));
    expect(typed(some, header)).toEqual(typed(plainRows(some), header));
  });
});

describe('typing rows of the fast reader', () => {
  it('gives what the same rows written out give, for every kind of cell and past 5,000 distinct texts', () => {
    const lines = ['id,year,rate,fee,when,tier,note,basis,source_id'];
    for (let index = 0; index < 7_000; index++) {
      const odd = index % 997 === 5;
      lines.push(
        [
          (1_000_000 + index * 13).toLocaleString('en-US').replace(/^/, '"').replace(/$/, '"'),
          odd ? '2024.5' : String(2000 + (index % 25)),
          odd ? '12' : `${(index % 700) / 10}%`,
          index % 3 === 0 ? `"$${(index * 7).toLocaleString('en-US')}"` : odd ? '€4' : `$${index % 50}`,
          odd ? '2024-13-01' : `20${10 + (index % 12)}-0${1 + (index % 9)}-1${index % 9}`,
          index % 5 === 0 ? 'NA' : ['nano', 'micro', 'mid tier'][index % 3]!,
          odd ? '#DIV/0!' : index % 2 ? `"note ${index}, unique and long"` : String(index),
          odd ? 'guess' : 'reported',
          odd ? 's9' : 's1',
        ].join(','),
      );
    }
    const { header, rows, problems } = parseCsv(`${lines.join('\r\n')}\r\n`, 'data/x.csv');
    expect(problems).toEqual([]);
    const meta = {
      title: 'T',
      sources: [{ id: 's1', title: 'One', url: 'https://example.com/1' }],
      columns: { when: { type: 'date' as const } },
    };
    const fast = typed(rows, header, { meta });
    const plain = typed(plainRows(rows), header, { meta });
    expect(fast).toEqual(plain);
    // Values past the 5,000 texts a column remembers are read alone, and must be the same as those before.
    fast.rows.forEach((row, index) => {
      const odd = index % 997 === 5;
      expect(row.id).toBe(1_000_000 + index * 13);
      expect(row.note).toBe(odd ? null : index % 2 ? `note ${index}, unique and long` : String(index));
      expect(row.rate).toBe(odd ? 12 : (index % 700) / 10);
      expect(row.fee).toBe(index % 3 === 0 ? index * 7 : odd ? null : index % 50);
      expect(row.tier).toBe(index % 5 === 0 ? 'NA' : ['nano', 'micro', 'mid tier'][index % 3]);
    });
    expect(fast.info.at(-1)).toEqual({ line: 7_001 });
    // The odd rows are reported, cell by cell, at their own lines.
    expect(fast.problems.length).toBeGreaterThan(20);
    expect(fast.problems[0]).toMatchObject({ line: 7 });
    expect(fast.columns.map((column) => [column.name, column.type])).toEqual([
      ['id', 'number'],
      ['year', 'number'],
      ['rate', 'percent'],
      ['fee', 'currency'],
      ['when', 'date'],
      ['tier', 'category'],
      ['note', 'category'],
      ['basis', 'category'],
      ['source_id', 'category'],
    ]);
  });
});
