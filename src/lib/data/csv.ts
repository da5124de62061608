/**
 * Parses CSV text with papaparse into a header and rows that remember their
 * physical line in the file. papaparse's own `row` is a data-row index, not a
 * line, and it does not throw, so every check here is ours (STYLE.md §5).
 */
import Papa from 'papaparse';
import { quote, type Problem } from '../errors.ts';

/** Column names that would clash with JavaScript object internals (CHECKLIST A6). */
export const RESERVED_COLUMN_NAMES = [
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

/** A row that cuts its source text out of the file only when a message needs it (most rows never do). */
class Record implements RawRow {
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

/**
 * Parses CSV text.
 * @param text The file's text, already decoded (see `decodeUtf8`).
 * @param path Path relative to the project root, for messages.
 * @param delimiter Field delimiter (default: `,`; an Excel `sep=;` first line overrides it).
 */
export function parseCsv(text: string, path: string, delimiter = ','): ParsedCsv {
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

  const records: RawRow[] = [];
  let line = firstLine;
  let consumed = 0;
  const quoteProblemLines = new Set<number>();
  Papa.parse<string[]>(normalised, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    skipEmptyLines: false,
    step(result) {
      const end = result.meta.cursor;
      const record = new Record(result.data, line, normalised, consumed, end);
      for (const error of result.errors) {
        if (quoteProblemLines.has(line)) continue;
        quoteProblemLines.add(line);
        if (error.code === 'MissingQuotes') {
          problems.push({
            path,
            line,
            column: columnOfUnclosedQuote(record.source),
            what: 'a quote opened here is never closed',
            expected: 'a closing " before the end of the cell',
            received: `the rest of the file (${countLines(normalised, consumed, normalised.length)} lines) inside one cell`,
            fix: 'Close the quote, or write a literal quote inside a quoted cell as two quotes ("")',
          });
        } else {
          problems.push({
            path,
            line,
            column: 1,
            what: `malformed quotes in this row (${error.message.replace(/\.$/, '')})`,
            expected: 'a quoted cell to end with " right before the delimiter or line end',
            received: quote(record.source),
            fix: 'Quote the whole cell and double every quote inside it, for example "5"" screen"',
          });
        }
      }
      records.push(record);
      line += countLines(normalised, consumed, end);
      consumed = end;
    },
  });

  // Header: the first non-blank record.
  const headerIndex = records.findIndex((record) => !isBlank(record.cells));
  if (headerIndex === -1) {
    problems.push({
      path,
      line: 1,
      column: 1,
      what: 'the file is empty',
      expected: 'a header row and at least one data row',
      received: 'no text',
      fix: 'Export the dataset again, with its header row',
    });
    return { header: [], headerLine: firstLine, rows: [], delimiter, problems };
  }
  const headerRecord = records[headerIndex]!;
  const header = headerRecord.cells;
  const headerProblems = checkHeader(header, headerRecord, path, delimiter);
  problems.push(...headerProblems);
  // A file read with the wrong delimiter has one problem, not one per row.
  if (headerProblems.some((problem) => problem.what.startsWith('the header looks semicolon-separated'))) {
    return { header: [], headerLine: headerRecord.line, rows: [], delimiter, problems };
  }

  const rows: RawRow[] = [];
  for (const record of records.slice(headerIndex + 1)) {
    if (isBlank(record.cells)) continue;
    // A row with broken quotes has already been reported; its field count means nothing.
    if (quoteProblemLines.has(record.line)) continue;
    if (record.cells.length !== header.length) {
      const found = record.cells.length;
      problems.push({
        path,
        line: record.line,
        column: 1,
        what: `this row has ${found} ${found === 1 ? 'field' : 'fields'}, the header has ${header.length}`,
        expected: `${header.length} ${header.length === 1 ? 'field' : 'fields'}`,
        received: `${found} (${quote(record.source)})`,
        fix:
          found > header.length
            ? 'Remove the extra fields (a trailing comma counts as one), or quote cells that contain commas'
            : 'Add the missing fields (empty ones are fine: write nothing between the commas)',
      });
      continue;
    }
    rows.push(record);
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push({
      path,
      line: headerRecord.line,
      column: 1,
      what: 'the dataset has no data rows',
      expected: 'at least one row below the header',
      received: 'only the header',
      fix: 'Add data rows, or remove the file',
    });
  }
  return { header, headerLine: headerRecord.line, rows, delimiter, problems };
}

function checkHeader(header: string[], record: RawRow, path: string, delimiter: string): Problem[] {
  const problems: Problem[] = [];
  const columns = fieldColumns(record.source, delimiter);
  const at = (index: number) => columns[index] ?? 1;
  if (header.length === 1 && delimiter === ',' && /;/.test(header[0]!)) {
    problems.push({
      path,
      line: record.line,
      column: 1,
      what: 'the header looks semicolon-separated, but the file is read as comma-separated',
      expected: 'columns separated by ","',
      received: quote(header[0]!),
      fix: 'Export as "CSV UTF-8 (Comma delimited)", or add the line sep=; at the top of the file',
    });
    return problems;
  }
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    if (name.trim() === '') {
      problems.push({
        path,
        line: record.line,
        column: at(index),
        what: `column ${index + 1} has no name`,
        expected: 'a name for every column',
        received: 'an empty header cell',
        fix: 'Name the column in the header row, or delete the column if it is empty',
      });
      return;
    }
    if ((RESERVED_COLUMN_NAMES as readonly string[]).includes(name)) {
      problems.push({
        path,
        line: record.line,
        column: at(index),
        what: `column ${index + 1} is named ${quote(name)}, which is reserved`,
        expected: 'a name other than __proto__, constructor, prototype, toString, valueOf or hasOwnProperty',
        received: quote(name),
        fix: 'Rename the column, for example to a more specific snake_case name',
      });
    }
    const previous = seen.get(name);
    if (previous !== undefined) {
      problems.push({
        path,
        line: record.line,
        column: at(index),
        what: `duplicate column ${quote(name)} (columns ${previous + 1} and ${index + 1})`,
        expected: 'each column name once',
        received: `${quote(name)} twice`,
        fix: 'Rename one of the columns, or delete the copy',
      });
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

/** 1-based character column where each field of a row's source starts (quote-aware). */
export function fieldColumns(source: string, delimiter = ','): number[] {
  const columns = [1];
  let inQuotes = false;
  let column = 1;
  for (const char of source) {
    if (char === '\n') {
      column = 0;
    } else if (char === '"') {
      inQuotes = !inQuotes;
    } else if (char === delimiter && !inQuotes) {
      columns.push(column + 1);
    }
    column++;
  }
  return columns;
}

function columnOfUnclosedQuote(source: string): number {
  const firstLine = source.split('\n')[0]!;
  let inQuotes = false;
  let openedAt = 1;
  [...firstLine].forEach((char, index) => {
    if (char === '"') {
      if (!inQuotes) openedAt = index + 1;
      inQuotes = !inQuotes;
    }
  });
  return openedAt;
}
