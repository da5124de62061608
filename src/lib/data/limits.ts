/**
 * Limits on what a dataset may hold, checked before it is parsed, so a huge or
 * hostile file (a 50 MB line, 10,000 columns) fails fast with a clear message
 * instead of exhausting memory. A 1,000,000-row file is well inside them.
 * Sites can raise them in `src/site.config.ts` (`limits`).
 */
import type { Problem } from '../errors.ts';

/** How big a dataset may be. */
export interface DatasetLimits {
  /** Largest CSV file, in bytes. */
  bytes: number;
  /** Most lines in the file (a header and data rows). */
  rows: number;
  /** Most columns in the header. */
  columns: number;
  /** Longest line, in characters. */
  lineLength: number;
}

/** The limits unless the site sets its own. */
export const DEFAULT_LIMITS: DatasetLimits = {
  bytes: 256 * 1024 * 1024,
  rows: 2_000_000,
  columns: 1_000,
  lineLength: 100_000,
};

const FIX = 'Aggregate the data upstream (for example with a DuckDB or warehouse query) and commit the tidy result, or raise limits in src/site.config.ts';

/**
 * Checks the file's size in bytes (before it is read).
 * @param size File size in bytes.
 * @param path Path relative to the project root.
 * @param limits The limits.
 */
export function checkSize(size: number, path: string, limits: DatasetLimits): Problem | undefined {
  if (size <= limits.bytes) return undefined;
  return { path, line: 1, column: 1, what: `${path} is ${megabytes(size)}, over the limit of ${megabytes(limits.bytes)}`, expected: `at most ${limits.bytes} bytes`, received: `${size} bytes`, fix: FIX };
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
        problems.push({ path, line: lines, column: 1, what: `the header has ${fields.toLocaleString('en-US')} columns, over the limit of ${limits.columns.toLocaleString('en-US')}`, expected: `at most ${limits.columns} columns`, received: `${fields}`, fix: 'Keep one column per variable and put categories in rows (a "tidy" table), or raise limits in src/site.config.ts' });
      }
    }
    start = end + 1;
  }
  if (longest.length > limits.lineLength) {
    problems.push({ path, line: longest.line, column: 1, what: `line ${longest.line} is ${longest.length.toLocaleString('en-US')} characters long, over the limit of ${limits.lineLength.toLocaleString('en-US')}`, expected: 'one row per line', received: `${longest.length} characters`, fix: `Check that the file is a CSV with a line break after each row. ${FIX}` });
  }
  if (lines > limits.rows) {
    problems.push({ path, line: limits.rows + 1, column: 1, what: `${path} has ${lines.toLocaleString('en-US')} lines, over the limit of ${limits.rows.toLocaleString('en-US')}`, expected: `at most ${limits.rows} lines`, received: `${lines} lines`, fix: FIX });
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

function megabytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0)} MB`;
  return `${bytes.toLocaleString('en-US')} bytes`;
}
