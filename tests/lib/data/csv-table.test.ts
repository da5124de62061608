/**
 * The fast CSV reader (src/lib/data/csv-table.ts) against the careful one it stands in
 * for (papaparse after checkQuotes, `parseCsvCarefully`): the same header, cells, lines
 * and sources on every clean file, and no answer at all on any file the careful reader
 * finds a problem in, so those problems keep their exact words and places.
 */
import { describe, expect, it } from 'vitest';
import { type ParsedCsv, parseCsv, parseCsvCarefully } from '../../../src/lib/data/csv.ts';
import { TableRow } from '../../../src/lib/data/table-rows.ts';

/** A small seeded generator (a linear congruential one), so a failure can be replayed from its seed. */
function random(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * below);
  };
}

/** What a parse says, as plain data: rows as their cells, line and source. */
function plain(parsed: ParsedCsv) {
  return {
    header: parsed.header,
    headerLine: parsed.headerLine,
    delimiter: parsed.delimiter,
    problems: parsed.problems,
    rows: parsed.rows.map((row) => ({ cells: row.cells, line: row.line, source: row.source })),
  };
}

/** Whether the fast reader read it (its rows are `TableRow`s). */
function readFast(parsed: ParsedCsv): boolean {
  return parsed.rows.length > 0 && parsed.rows.every((row) => row instanceof TableRow);
}

const BREAKS = ['\n', '\r\n', '\r'];

/**
 * A random file: mostly clean cells (plain, quoted with delimiters, doubled quotes and
 * every kind of line break, empty, blank), now and then a broken one, a ragged or blank
 * row, a header problem, a `sep=` line.
 */
function randomCsv(next: (below: number) => number): { text: string; delimiter: string } {
  const delimiter = [',', ';', '\t', '|'][next(4)]!;
  const pick = <T>(items: readonly T[]): T => items[next(items.length)]!;
  const lineBreak = () => (next(4) === 0 ? pick(BREAKS) : '\n');
  const clean = (): string =>
    pick([
      () => '',
      () => ' ',
      () => String(next(10_000)),
      () => `${next(100)}.${next(100)}%`,
      () => pick(['nano', 'micro', 'Région', 'NA', '—', '#DIV/0!', '\u00a0', 'a b', '=SUM(A1)']),
      () => `"${pick(['x', '', ' ', 'a""b', '""', `a${delimiter}b`, 'l1\nl2', 'l1\r\nl2', 'l1\rl2', '\n', '\r\n'])}"`,
      () => `"${String(next(1000))}${delimiter}${next(10)}"`,
    ])();
  const broken = (): string => pick(['5" screen', ' "x"', '"open', '"a"b', '"a" ', 'a"', '"a""', '"x\ny" z']);
  const cell = () => (next(60) === 0 ? broken() : clean());
  const columns = 1 + next(5);
  const names = ['year', 'tier', 'value', 'region', 'note', 'year', '', '__proto__', '"quoted name"', 'a;b'];
  const header = Array.from({ length: columns }, (_, index) =>
    next(12) === 0 ? pick(names) : `${pick(names.slice(0, 5))}_${index}`,
  );
  const lines: string[] = [];
  if (next(10) === 0) lines.push(`sep=${delimiter}`);
  for (let blank = next(3) === 0 ? next(3) : 0; blank > 0; blank--) lines.push(pick(['', ' ', delimiter.repeat(2)]));
  lines.push(header.join(delimiter));
  const rows = next(8);
  for (let row = 0; row < rows; row++) {
    if (next(15) === 0) {
      lines.push(pick(['', '  ', delimiter.repeat(columns - 1), `""${delimiter}" "`]));
      continue;
    }
    const width = next(25) === 0 ? columns + pick([-1, 1]) : columns;
    lines.push(Array.from({ length: Math.max(width, 1) }, cell).join(delimiter));
  }
  let text = '';
  for (const line of lines) text += line + lineBreak();
  if (next(3) === 0) text = text.replace(/(\r\n|\r|\n)$/, '');
  // The sidecar's delimiter; a sep= line overrides it.
  return { text, delimiter: next(5) === 0 ? ',' : delimiter };
}

describe('the fast CSV reader', () => {
  it('reads exactly what the careful reader reads, and declines every file that reader finds a problem in', () => {
    let fast = 0;
    let careful = 0;
    for (let seed = 1; seed <= 4000; seed++) {
      const { text, delimiter } = randomCsv(random(seed));
      const expected = parseCsvCarefully(text, 'data/x.csv', delimiter);
      const parsed = parseCsv(text, 'data/x.csv', delimiter);
      const where = `seed ${seed}: ${JSON.stringify(text)}`;
      expect(plain(parsed), where).toEqual(plain(expected));
      expect(readFast(parsed), where).toBe(expected.problems.length === 0);
      if (readFast(parsed)) fast++;
      else careful++;
    }
    // Both readers must have had work, or the comparison proves little.
    expect(fast).toBeGreaterThan(1000);
    expect(careful).toBeGreaterThan(1000);
  });

  it('keeps the delimiter, doubled quotes, CR, LF and CRLF inside quoted cells, and counts their lines', () => {
    const text = 'name,note\r\n"a,b","say ""hi"""\r\n"two\r\nlines","cr\ronly"\r\n"lf\nonly",x\r\nlast,"1,2"';
    const parsed = parseCsv(text, 'data/x.csv');
    expect(readFast(parsed)).toBe(true);
    expect(parsed.problems).toEqual([]);
    expect(plain(parsed).rows).toEqual([
      { cells: ['a,b', 'say "hi"'], line: 2, source: '"a,b","say ""hi"""' },
      { cells: ['two\nlines', 'cr\nonly'], line: 3, source: '"two\nlines","cr\nonly"' },
      { cells: ['lf\nonly', 'x'], line: 6, source: '"lf\nonly",x' },
      { cells: ['last', '1,2'], line: 8, source: 'last,"1,2"' },
    ]);
    expect(plain(parsed)).toEqual(plain(parseCsvCarefully(text, 'data/x.csv')));
  });

  it('reads a line with quotes after lines without any', () => {
    const text = 'a,b\n1,2\n3,4\n"5",6\n7,"8"\n9,10\n';
    const parsed = parseCsv(text, 'data/x.csv');
    expect(readFast(parsed)).toBe(true);
    expect(parsed.rows.map((row) => [row.cells, row.line])).toEqual([
      [['1', '2'], 2],
      [['3', '4'], 3],
      [['5', '6'], 4],
      [['7', '8'], 5],
      [['9', '10'], 6],
    ]);
  });

  it('keeps counting lines right to the end of a long file after multi-line cells, and places a ragged last row', () => {
    const lines = ['id,note'];
    for (let index = 0; index < 100_000; index++) {
      lines.push(index % 10_000 === 0 ? `${index},"three\r\nline\rcell"` : `${index},plain`);
    }
    const text = `${lines.join('\r\n')}\r\n`;
    const parsed = parseCsv(text, 'data/x.csv');
    expect(readFast(parsed)).toBe(true);
    // Ten cells of three lines each come before the last row: 2 extra lines apiece.
    expect(parsed.rows.at(-1)!.line).toBe(100_001 + 20);
    expect(parsed.rows.at(-1)!.cells).toEqual(['99999', 'plain']);
    expect(parsed.rows[10_000]!.cells).toEqual(['10000', 'three\nline\ncell']);

    const ragged = parseCsv(`${text}100000,plain,extra\r\n`, 'data/x.csv');
    expect(readFast(ragged)).toBe(false);
    expect(ragged.problems.map((found) => [found.code, found.line, found.column])).toEqual([['TB011', 100_022, 1]]);
  });

  it('leaves a file with a byte order mark after a sep= line, or a refused delimiter, to the careful reader', () => {
    for (const [text, delimiter] of [
      ['sep=;\n\ufeffa;b\n1;2\n', ','],
      ['a"b\n1"2\n', '"'],
    ] as const) {
      const parsed = parseCsv(text, 'data/x.csv', delimiter);
      expect(readFast(parsed)).toBe(false);
      expect(plain(parsed)).toEqual(plain(parseCsvCarefully(text, 'data/x.csv', delimiter)));
    }
  });
});
