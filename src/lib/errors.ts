/**
 * Problems with the user's files, reported as
 * `path:line:column: what. Expected …, received …. How to fix.`
 *
 * Every check collects problems instead of throwing at the first one, so a
 * build reports all of them at once (docs/authoring.md, "Errors as an author sees them").
 */

/** A problem's permanent code, `TB` and three digits (`TB012`); the catalogue in `src/lib/error-codes/` gives each its title, message and documentation. */
export type ErrorCode = `TB${number}`;

/** Where a problem is: a project-relative path and a 1-based line and column. */
export interface Place {
  path: string;
  line: number;
  column: number;
}

/** One problem in one file, at one place. */
export interface Problem {
  /** The permanent code of this kind of problem (`TB012`), printed with the message and documented in docs/errors.md. */
  code: ErrorCode;
  /** Path relative to the project root, with forward slashes (`data/cost.csv`). */
  path: string;
  /** 1-based line (the CSV header is line 1). */
  line: number;
  /** 1-based column (characters from the start of the line). */
  column: number;
  /** What is wrong, without a trailing full stop (`duplicate column "tier"`). */
  what: string;
  /** What was expected, or `undefined` when the sentence would add nothing. */
  expected?: string | undefined;
  /** What was found. */
  received?: string | undefined;
  /** How to fix it: one imperative sentence. */
  fix: string;
  /** A warning lets the build go on (strict mode, `--strict`, fails on it); anything else stops it. */
  severity?: 'warning' | undefined;
}

/** A problem before its place is known: the caller adds path, line and column. */
export type Issue = Omit<Problem, 'path' | 'line' | 'column'>;

/**
 * Formats a problem as one line: `path:line:column: what. Expected …, received …. Fix. [TB012]`.
 * A problem at line 0 has no position in a file and prints as `path: what…` (`TRENDBOOK_OUT=/srv: …`);
 * one with neither a path nor a line prints as its message alone.
 */
export function formatProblem(problem: Problem): string {
  const place = problem.line > 0 ? `${problem.path}:${problem.line}:${problem.column}` : problem.path;
  return place === '' ? formatIssue(problem) : `${place}: ${formatIssue(problem)}`;
}

/**
 * The same issue about one field of a list (`figures[0].dataset: …`), for a message written without it.
 * @param issue The issue as its check wrote it.
 * @param field The field, as the author would find it.
 */
export function aboutField<I extends Issue>(issue: I, field: string): I {
  return { ...issue, what: `${field}: ${issue.what}` };
}

/**
 * A problem found in a row of a query's result, moved to the query: results have no lines of their
 * own, so the message names the row (the line of the dataset's CSV download, less its header).
 * @param problem The problem as the typing wrote it, at line `row + 1` of the result.
 * @param at Where the query starts.
 */
export function inResultRow(problem: Problem, at: Place): Problem {
  return { ...problem, ...at, what: `${problem.what}, in row ${problem.line - 1} of the query's result` };
}

/** Formats a problem's message without its place: `what. Expected …, received …. Fix. [TB012]` */
export function formatIssue(issue: Issue): string {
  const label = issue.severity === 'warning' ? 'warning: ' : '';
  const parts = [`${label}${sentence(issue.what)}`];
  if (issue.expected !== undefined && issue.received !== undefined) {
    parts.push(`Expected ${issue.expected}, received ${issue.received}.`);
  } else if (issue.expected !== undefined) {
    parts.push(`Expected ${issue.expected}.`);
  } else if (issue.received !== undefined) {
    parts.push(`Received ${issue.received}.`);
  }
  parts.push(sentence(issue.fix));
  parts.push(`[${issue.code}]`);
  return parts.join(' ');
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Thrown when the user's files have problems; holds every problem found. */
export class ReportError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(formatProblems(problems));
    this.name = 'ReportError';
    this.problems = problems;
  }
}

/** Formats problems one per line, sorted by file and position, with a count (warnings are counted apart). */
export function formatProblems(problems: readonly Problem[]): string {
  const sorted = [...problems].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
  const lines = sorted.map(formatProblem);
  const warnings = problems.filter(isWarning).length;
  const errors = problems.length - warnings;
  const counts = [
    errors > 0 || warnings === 0 ? (errors === 1 ? '1 problem' : `${errors} problems`) : '',
    warnings === 0 ? '' : warnings === 1 ? '1 warning' : `${warnings} warnings`,
  ];
  return `${lines.join('\n')}\n${counts.filter(Boolean).join(' and ')} found.`;
}

/** Whether a problem is only a warning. */
export function isWarning(problem: Problem): boolean {
  return problem.severity === 'warning';
}

/** Shows a value from a user's file inside a message: quoted, with invisible characters made visible. */
export function quote(value: string, maxLength = 60): string {
  const shown = value.length > maxLength ? `${value.slice(0, maxLength)}…` : value;
  return JSON.stringify(shown);
}

/** Returns the candidate closest to `value` (edit distance ≤ a third of its length), for "did you mean" hints. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const target = normalise(value);
  for (const candidate of candidates) {
    const distance = editDistance(target, normalise(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.ceil(value.length / 3));
  return bestDistance <= limit ? best : undefined;
}

function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Edit distance between two strings, counting a swap of neighbouring letters as one edit ("teir" → "tier"). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** Lists allowed values in a message: `"a", "b" or "c"`. */
export function listValues(values: readonly string[], limit = 12): string {
  const shown = values.slice(0, limit).map((value) => quote(value));
  const rest = values.length > limit ? ` (and ${values.length - limit} more)` : '';
  if (shown.length <= 1) return `${shown.join('')}${rest}`;
  return `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}${rest}`;
}
