/**
 * The shape of one entry of the error catalogue. Each kind of problem has a
 * permanent code, a title, a paragraph for docs/errors.md and one function
 * that writes its message from the values of the case at hand.
 */
import type { ErrorCode, Issue, Place, Problem } from '../errors.ts';

/** What a message builder returns: the four parts of a problem's sentence. */
export type Message = Pick<Issue, 'what' | 'expected' | 'received' | 'fix'>;

/** One kind of problem. `A` is what the message needs to know about the case (a column name, a value, a limit). */
export interface ErrorKind<A> {
  /** The permanent code (`TB012`). */
  code: ErrorCode;
  /** A short title in sentence case, shown as the heading in docs/errors.md ("Duplicate column name"). */
  title: string;
  /** When this happens and why Trendbook refuses it, for docs/errors.md: one or two plain sentences. */
  about: string;
  /** Writes the message. The same builder serves the check, the build, the tests and the documentation. */
  message: (args: A) => Message;
  /** Values for the example message in docs/errors.md (typed by the builder's argument, not inferred from here). */
  example: NoInfer<A>;
  /**
   * Where the example happens, as `path:line:column` (default `content/reports/example.md:1:1`); a bare
   * `path` for a problem without a position (`TRENDBOOK_OUT=/srv/site`), '' for one printed without a place.
   */
  exampleAt?: string;
  /** A warning lets the build go on; `--strict` (and CI) fails on it. */
  warning?: true;
}

/**
 * Declares one kind. Each kind is its own export (`TB012`), so a module imports
 * the kinds it reports and a browser bundle carries only those, not the catalogue.
 * @param code The permanent code.
 * @param entry The entry (TypeScript infers `A` from its builder).
 */
export function kind<A>(code: ErrorCode, entry: Omit<ErrorKind<A>, 'code'>): ErrorKind<A> {
  return { code, ...entry };
}

/**
 * A problem of one kind, without its place (the caller adds path, line and column).
 * @param kind The kind (`TB012`, imported from its area's table).
 * @param args What its message needs.
 */
export function issue<A>(kind: ErrorKind<A>, args: NoInfer<A>): Issue {
  return { code: kind.code, ...kind.message(args), ...(kind.warning ? { severity: 'warning' as const } : {}) };
}

/**
 * A problem of one kind at a place.
 * @param kind The kind (`TB012`, imported from its area's table).
 * @param args What its message needs.
 * @param place Project-relative path, 1-based line and column (line 0: no position in the file).
 */
export function problem<A>(kind: ErrorKind<A>, args: NoInfer<A>, place: Place): Problem {
  return { path: place.path, line: place.line, column: place.column, ...issue(kind, args) };
}

/** The code range each area of the catalogue owns, so codes stay grouped by the file an author edits. */
export const AREAS = [
  { file: 'csv', first: 1, last: 49, title: 'Datasets: CSV files and their columns' },
  { file: 'dataset-use', first: 50, last: 59, title: 'Datasets in use: filters, series, named views' },
  { file: 'charts', first: 60, last: 99, title: 'Charts: kinds, options and annotations' },
  { file: 'directives', first: 100, last: 149, title: 'Reports: Markdown and directives' },
  { file: 'reports', first: 150, last: 199, title: 'Reports: files and frontmatter' },
  { file: 'project', first: 200, last: 249, title: 'The project: settings, links, explorer' },
  { file: 'build', first: 250, last: 299, title: 'The build: output folder, writing, fonts' },
  { file: 'sql', first: 300, last: 349, title: 'Datasets: SQL queries over raw files' },
] as const;

/** Any entry, whatever its message needs (for the area tables' `satisfies`). */
// biome-ignore lint/suspicious/noExplicitAny: an area table holds entries of many argument types.
export type AnyErrorKind = ErrorKind<any>;
