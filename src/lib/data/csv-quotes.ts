/**
 * Finds broken quoting in CSV text before papaparse reads it (A9 in tests/checklist/README.md).
 *
 * papaparse keeps a stray quote inside an unquoted cell (`5" screen`) as text,
 * reports `"a "b"" ,c` twice, and reads an unclosed quote to the end of the
 * file, so every row after it vanishes into one cell. Here each broken quote
 * is one problem on its own line, and that line is blanked out of the text
 * papaparse reads, so the rows after it are still read and checked.
 */

import { TB013, TB014, TB015, TB016 } from '../error-codes/csv.ts';
import { issue } from '../error-codes/define.ts';
import type { Issue, Problem } from '../errors.ts';
import { minOf } from '../extent.ts';

export interface QuoteCheck {
  problems: Problem[];
  /** The text with every line that has a quoting problem emptied (line breaks kept, so lines still count). */
  text: string;
}

/**
 * Checks that every quote in `text` opens a cell, closes it, or is doubled inside it.
 * @param text CSV text with `\n` line breaks.
 * @param path Path relative to the project root, for messages.
 * @param delimiter The field delimiter.
 * @param firstLine The line number of the text's first line in the file.
 */
export function checkQuotes(text: string, path: string, delimiter: string, firstLine = 1): QuoteCheck {
  const problems: Problem[] = [];
  const badLines: Array<[start: number, end: number]> = [];
  const lines = new LineCounter(text, firstLine);

  const lineEnd = (at: number) => {
    const end = text.indexOf('\n', at);
    return end === -1 ? text.length : end;
  };
  const report = (at: number, problem: Issue): number => {
    const { line, start } = lines.at(at);
    const end = lineEnd(at);
    problems.push({ path, line, column: at - start + 1, ...problem });
    badLines.push([start, end]);
    return end;
  };

  let at = text.indexOf('"');
  while (at !== -1) {
    const before = at === 0 ? '\n' : text[at - 1]!;
    if (before !== delimiter && before !== '\n') {
      at = report(at, strayQuote(text, at, delimiter, lines.at(at).start));
      at = text.indexOf('"', at);
      continue;
    }
    const close = closingQuote(text, at);
    const after = close === -1 ? undefined : text[close + 1];
    if (close !== -1 && (after === undefined || after === delimiter || after === '\n')) {
      at = text.indexOf('"', close + 1);
      continue;
    }
    const spansLines = close === -1 || text.lastIndexOf('\n', close) > at;
    if (spansLines) {
      // The quote that ends the cell is lines away and badly placed, or missing:
      // the opening quote is the mistake, not the line where papaparse gave up.
      const rest = lineEnd(at);
      at = report(at, issue(TB013, { line: text.slice(lines.at(at).start, rest) }));
    } else {
      const { start } = lines.at(close);
      const end = lineEnd(close);
      at = report(close + 1, issue(TB014, { delimiter, line: text.slice(start, end) }));
    }
    at = text.indexOf('"', at);
  }

  return { problems, text: problems.length === 0 ? text : blank(text, badLines) };
}

/** The position of the quote that closes the cell opened at `open`, skipping doubled quotes; -1 if none. */
function closingQuote(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  while (at !== -1 && text[at + 1] === '"') at = text.indexOf('"', at + 2);
  return at;
}

function strayQuote(text: string, at: number, delimiter: string, lineStart: number): Issue {
  const cellStart = Math.max(text.lastIndexOf(delimiter, at - 1) + 1, lineStart);
  const cellEnd = minOf(
    [text.indexOf(delimiter, at), text.indexOf('\n', at), text.length].filter((index) => index !== -1),
  )!;
  const cell = text.slice(cellStart, cellEnd);
  if (/^[ \t]+$/.test(text.slice(cellStart, at))) {
    return issue(TB015, { delimiter, cell });
  }
  return issue(TB016, { cell });
}

/** Replaces each [start, end) range with nothing, keeping every line break. */
function blank(text: string, ranges: Array<[number, number]>): string {
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of ranges) {
    if (start < from) continue;
    parts.push(text.slice(from, start));
    from = end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** Line numbers for positions that only move forward, counted once. */
class LineCounter {
  #text: string;
  #at = 0;
  #line: number;
  #start = 0;

  constructor(text: string, firstLine: number) {
    this.#text = text;
    this.#line = firstLine;
  }

  /** The line of position `at` and the position where that line starts. */
  at(at: number): { line: number; start: number } {
    if (at < this.#at) {
      return { line: this.#line, start: this.#start };
    }
    for (
      let next = this.#text.indexOf('\n', this.#at);
      next !== -1 && next < at;
      next = this.#text.indexOf('\n', next + 1)
    ) {
      this.#line++;
      this.#start = next + 1;
    }
    this.#at = at;
    return { line: this.#line, start: this.#start };
  }
}
