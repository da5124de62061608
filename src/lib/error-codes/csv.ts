/**
 * Problems in a CSV file and its sidecar: encoding, quoting, size, headers and column types (TB001–TB049).
 * Codes are permanent: never reuse or renumber one; retire a kind by leaving its code out.
 */
import type { ErrorCode } from '../errors.ts';
import { type AnyErrorKind, kind } from './define.ts';

const TOO_BIG_FIX = 'Aggregate the data upstream (for example with a DuckDB or warehouse query) and commit the tidy result, or raise limits in src/site.config.ts';

export const csvErrors = {
  TB001: kind({
    title: 'Dataset file too large',
    about: 'A CSV file is larger than the byte limit. The limit is checked before the file is read, so a huge file fails fast instead of exhausting memory.',
    exampleAt: 'data/clicks.csv:1:1',
    example: { path: 'data/clicks.csv', size: 300 * 1024 * 1024, limit: 256 * 1024 * 1024 },
    message: ({ path, size, limit }: { path: string; size: number; limit: number }) => ({
      what: `${path} is ${megabytes(size)}, over the limit of ${megabytes(limit)}`,
      expected: `at most ${limit} bytes`,
      received: `${size} bytes`,
      fix: TOO_BIG_FIX,
    }),
  }),
  TB002: kind({
    title: 'Too many columns',
    about: 'The header row names more columns than the limit allows. Wide tables are usually a sign that categories sit in columns instead of rows.',
    exampleAt: 'data/wide.csv:1:1',
    example: { fields: 1200, limit: 1000 },
    message: ({ fields, limit }: { fields: number; limit: number }) => ({
      what: `the header has ${fields.toLocaleString('en-US')} columns, over the limit of ${limit.toLocaleString('en-US')}`,
      expected: `at most ${limit} columns`,
      received: `${fields}`,
      fix: 'Keep one column per variable and put categories in rows (a "tidy" table), or raise limits in src/site.config.ts',
    }),
  }),
  TB003: kind({
    title: 'Line too long',
    about: 'A line of the file is longer than the line limit, which usually means the file is not a CSV or has no line breaks between rows.',
    exampleAt: 'data/one-line.csv:2:1',
    example: { line: 2, length: 250_000, limit: 100_000 },
    message: ({ line, length, limit }: { line: number; length: number; limit: number }) => ({
      what: `line ${line} is ${length.toLocaleString('en-US')} characters long, over the limit of ${limit.toLocaleString('en-US')}`,
      expected: 'one row per line',
      received: `${length} characters`,
      fix: `Check that the file is a CSV with a line break after each row. ${TOO_BIG_FIX}`,
    }),
  }),
  TB004: kind({
    title: 'Too many rows',
    about: 'The file has more lines than the row limit. Trendbook reads every row at build time; data this large belongs aggregated upstream.',
    exampleAt: 'data/events.csv:2000001:1',
    example: { path: 'data/events.csv', lines: 2_500_000, limit: 2_000_000 },
    message: ({ path, lines, limit }: { path: string; lines: number; limit: number }) => ({
      what: `${path} has ${lines.toLocaleString('en-US')} lines, over the limit of ${limit.toLocaleString('en-US')}`,
      expected: `at most ${limit} lines`,
      received: `${lines} lines`,
      fix: TOO_BIG_FIX,
    }),
  }),
} satisfies Record<ErrorCode, AnyErrorKind>;

/** A size for a message: bytes, MB or GB. */
function megabytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0)} MB`;
  return `${bytes.toLocaleString('en-US')} bytes`;
}
