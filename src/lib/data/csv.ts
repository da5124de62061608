/**
 * Parses CSV text into a header and rows that remember their physical line in the
 * file. A cleanly written file, nearly every one, is read by `readCleanCsv`
 * (csv-table.ts) in one pass. Anything else is read carefully, with papaparse after
 * `checkQuotes`: papaparse's own `row` is a data-row index, not a line, and it does not
 * throw, so every check here is ours and returns problems. The fast reader declines
 * whatever the careful one reports, so every problem is found and worded one way.
 */
import Papa from 'papaparse';
import { TB005, TB006, TB007, TB008, TB009, TB010, TB011, TB012 } from '../error-codes/csv.ts';
import { problem } from '../error-codes/define.ts';
import type { Problem } from '../errors.ts';
import { checkQuotes } from './csv-quotes.ts';
import { readCleanCsv } from './csv-table.ts';

/** Column names that would clash with JavaScript object internals (row A6 of tests/checklist/README.md). */
const RESERVED_COLUMN_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
] as const;

/** A data row as written: its cells and the line it starts on. */
export interface RawRow {
  cells: string[];
  /** 1-based physical line of the row's first character (the header is line 1). */
  line: number;
  /** The row's text as it appears in the file (line breaks normalised), for positions. */
  readonly source: string;
}

/** A parsed row that cuts its source text out of the file only when a message needs it (most rows never do). */
class LazySourceRow implements RawRow {
  readonly cells: string[];
  readonly line: number;
  readonly #text: string;
  readonly #start: number;
  readonly #end: number;

  constructor(cells: string[], line: number, text: string, start: number, end: number) {
    this.cells = cells;
    this.line = line;
    this.#text = text;
    this.#start = start;
    this.#end = end;
  }

  get source(): string {
    return this.#text.slice(this.#start, this.#end).replace(/\n$/, '');
  }
}

/** The parsed file: header, rows and every problem found. */
export interface ParsedCsv {
  header: string[];
  /** 1-based line of the header (2 when a `sep=` line comes first). */
  headerLine: number;
  rows: RawRow[];
  delimiter: string;
  problems: Problem[];
}

/** An Excel `sep=;` first line, with any line break (`.` matches no CR or LF). */
const SEP_LINE = /^sep=(.)(?:\r\n?|\n)/;

/**
 * Parses CSV text.
 * @param text The file's text, already decoded (see `decodeUtf8`).
 * @param path Path relative to the project root, for messages.
 * @param delimiter Field delimiter (default: `,`; an Excel `sep=;` first line overrides it).
 */
export function parseCsv(text: string, path: string, delimiter = ','): ParsedCsv {
  const sep = SEP_LINE.exec(text);
  const used = sep ? sep[1]! : delimiter;
  const clean = sep ? readCleanCsv(text, used, sep[0].length, 2) : readCleanCsv(text, used);
  if (clean && checkHeader(clean.header, clean.headerRow, path, used).length === 0) {
    const { header, headerRow, rows } = clean;
    return { header, headerLine: headerRow.line, rows, delimiter: used, problems: [] };
  }
  return parseCsvCarefully(text, path, delimiter);
}

/**
 * Parses CSV text with papaparse, after `checkQuotes` has reported and set aside every
 * broken quote: the reader for files that are not written cleanly, and the reference
 * the fast reader is tested against.
 * @param text The file's text, already decoded (see `decodeUtf8`).
 * @param path Path relative to the project root, for messages.
 * @param delimiter Field delimiter (default: `,`; an Excel `sep=;` first line overrides it).
 */
export function parseCsvCarefully(text: string, path: string, delimiter = ','): ParsedCsv {
  const problems: Problem[] = [];
  // Excel writes CRLF, old Macs CR, everything else LF: one kind makes lines countable.
  let normalised = text.replace(/\r\n?/g, '\n');
  let firstLine = 1;
  const sep = /^sep=(.)\n/.exec(normalised);
  if (sep) {
    delimiter = sep[1]!;
    normalised = normalised.slice(sep[0].length);
    firstLine = 2;
  }

  // Broken quotes are found first, each on its own line; those lines are left
  // out of what papaparse reads, so one bad quote cannot swallow the rows after it.
  const quotes = checkQuotes(normalised, path, delimiter, firstLine);
  for (const problem of quotes.problems) problems.push(problem);
  const readable = quotes.text;

  const records: RawRow[] = [];
  let line = firstLine;
  let consumed = 0;
  Papa.parse<string[]>(readable, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    skipEmptyLines: false,
    step(result) {
      const end = result.meta.cursor;
      const record = new LazySourceRow(result.data, line, readable, consumed, end);
      // checkQuotes leaves papaparse nothing to complain about; if it still does, say so rather than guess.
      for (const error of result.errors.slice(0, 1)) {
        problems.push(
          problem(TB005, { error: error.message.replace(/\.$/, ''), source: record.source }, { path, line, column: 1 }),
        );
      }
      records.push(record);
      line += countLines(readable, consumed, end);
      consumed = end;
    },
  });

  // Header: the first non-blank record.
  const headerIndex = records.findIndex((record) => !isBlank(record.cells));
  if (headerIndex === -1) {
    problems.push(problem(TB006, {}, { path, line: 1, column: 1 }));
    return { header: [], headerLine: firstLine, rows: [], delimiter, problems };
  }
  const headerRecord = records[headerIndex]!;
  const header = headerRecord.cells;
  const headerProblems = checkHeader(header, headerRecord, path, delimiter);
  problems.push(...headerProblems);
  // A file read with the wrong delimiter has one problem, not one per row.
  if (headerProblems.some((found) => found.code === 'TB007')) {
    return { header: [], headerLine: headerRecord.line, rows: [], delimiter, problems };
  }

  const rows: RawRow[] = [];
  for (const record of records.slice(headerIndex + 1)) {
    if (isBlank(record.cells)) continue;
    if (record.cells.length !== header.length) {
      problems.push(
        problem(
          TB011,
          { found: record.cells.length, columns: header.length, source: record.source },
          { path, line: record.line, column: 1 },
        ),
      );
      continue;
    }
    rows.push(record);
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push(problem(TB012, {}, { path, line: headerRecord.line, column: 1 }));
  }
  return { header, headerLine: headerRecord.line, rows, delimiter, problems };
}

function checkHeader(header: string[], record: RawRow, path: string, delimiter: string): Problem[] {
  const problems: Problem[] = [];
  const starts = fieldStarts(record.source, delimiter);
  const at = (index: number) => starts[index]?.column ?? 1;
  if (header.length === 1 && delimiter === ',' && /;/.test(header[0]!)) {
    problems.push(problem(TB007, { header: header[0]! }, { path, line: record.line, column: 1 }));
    return problems;
  }
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    if (name.trim() === '') {
      problems.push(problem(TB008, { index: index + 1 }, { path, line: record.line, column: at(index) }));
      return;
    }
    if ((RESERVED_COLUMN_NAMES as readonly string[]).includes(name)) {
      problems.push(problem(TB009, { index: index + 1, name }, { path, line: record.line, column: at(index) }));
    }
    const previous = seen.get(name);
    if (previous !== undefined) {
      problems.push(
        problem(
          TB010,
          { name, first: previous + 1, second: index + 1 },
          { path, line: record.line, column: at(index) },
        ),
      );
    } else {
      seen.set(name, index);
    }
  });
  return problems;
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) {
    count++;
  }
  return count;
}

/** Where each field of a row's source starts (quote-aware): lines after the row's first, and a 1-based column. */
function fieldStarts(source: string, delimiter = ','): Array<{ lines: number; column: number }> {
  const starts = [{ lines: 0, column: 1 }];
  let inQuotes = false;
  let lines = 0;
  let column = 1;
  for (const char of source) {
    if (char === '\n') {
      lines++;
      column = 0;
    } else if (char === '"') {
      inQuotes = !inQuotes;
    } else if (char === delimiter && !inQuotes) {
      starts.push({ lines, column: column + 1 });
    }
    column++;
  }
  return starts;
}

/** The file line and column where cell `index` of a row starts, even after a line break inside an earlier cell. */
export function cellPlace(row: RawRow, index: number, delimiter = ','): { line: number; column: number } {
  const start = fieldStarts(row.source, delimiter)[index];
  return start === undefined ? { line: row.line, column: 1 } : { line: row.line + start.lines, column: start.column };
}
