/**
 * Limits on what a dataset may hold, checked before it is parsed, so a huge or
 * hostile file (a 50 MB line, 10,000 columns) fails fast with a clear message
 * instead of exhausting memory. A 1,000,000-row file is well inside them.
 * Sites can raise them in `src/site.config.ts` (`limits`).
 */

import { TB001, TB002, TB003, TB004 } from '../error-codes/csv.ts';
import { problem } from '../error-codes/define.ts';
import type { Problem } from '../errors.ts';

/** How big a dataset may be. */
export interface DatasetLimits {
  /** Largest CSV file, in bytes. */
  bytes: number;
  /** Most lines in the file (a header and data rows). */
  rows: number;
  /** Most columns in the header. */
  columns: number;
  /** Longest line, in characters (and longest text value in a query's result). */
  lineLength: number;
  /** DuckDB's memory for one query dataset (`1GB`); beyond it, work spills to disk. */
  queryMemory: string;
  /** DuckDB threads per query. 1 gives the same float sums in every build. */
  queryThreads: number;
  /** Seconds before a query is stopped. */
  querySeconds: number;
}

/** The limits unless the site sets its own. */
export const DEFAULT_LIMITS: DatasetLimits = {
  bytes: 256 * 1024 * 1024,
  rows: 2_000_000,
  columns: 1_000,
  lineLength: 100_000,
  queryMemory: '1GB',
  queryThreads: 1,
  querySeconds: 120,
};

/**
 * Checks the file's size in bytes (before it is read).
 * @param size File size in bytes.
 * @param path Path relative to the project root.
 * @param limits The limits.
 */
export function checkSize(size: number, path: string, limits: DatasetLimits): Problem | undefined {
  if (size <= limits.bytes) return undefined;
  return problem(TB001, { path, size, limit: limits.bytes }, { path, line: 1, column: 1 });
}

/**
 * Checks line count, line length and header width in one pass over the text (before it is parsed).
 * @param text The decoded file.
 * @param path Path relative to the project root.
 * @param limits The limits.
 * @param delimiter Field delimiter, to count the header's columns.
 */
export function checkShape(text: string, path: string, limits: DatasetLimits, delimiter: string): Problem[] {
  const problems: Problem[] = [];
  // Old Mac exports end lines with a lone CR.
  const newline = text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
  const sep = /^sep=(.)\r?\n?/.exec(text);
  const headerLine = sep ? 2 : 1;
  let lines = 0;
  let longest = { line: 0, length: 0 };
  for (let start = 0; start < text.length; ) {
    lines++;
    let end = text.indexOf(newline, start);
    if (end === -1) end = text.length;
    const length = end - start - (newline === '\n' && text.charCodeAt(end - 1) === 13 ? 1 : 0);
    if (length > longest.length) longest = { line: lines, length };
    if (lines === headerLine) {
      const fields = countFields(text.slice(start, start + Math.min(length, limits.lineLength)), sep?.[1] ?? delimiter);
      if (fields > limits.columns) {
        problems.push(problem(TB002, { fields, limit: limits.columns }, { path, line: lines, column: 1 }));
      }
    }
    start = end + 1;
  }
  if (longest.length > limits.lineLength) {
    problems.push(
      problem(
        TB003,
        { line: longest.line, length: longest.length, limit: limits.lineLength },
        { path, line: longest.line, column: 1 },
      ),
    );
  }
  if (lines > limits.rows) {
    problems.push(problem(TB004, { path, lines, limit: limits.rows }, { path, line: limits.rows + 1, column: 1 }));
  }
  return problems;
}

/** Fields in one line, counting delimiters outside quotes. */
function countFields(line: string, delimiter: string): number {
  let fields = 1;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) fields++;
  }
  return fields;
}
