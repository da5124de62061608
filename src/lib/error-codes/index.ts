/**
 * The error catalogue: every kind of problem Trendbook reports, by permanent
 * code. A check writes `problem('TB012', { column }, place)` (or `issue(…)`
 * when the caller adds the place), so each message has one wording, one code
 * and one entry in docs/errors.md, which is generated from this catalogue
 * (`npm run docs:errors`; a test fails when it is stale).
 */
import type { Issue, Place, Problem } from '../errors.ts';
import { buildErrors } from './build.ts';
import { csvErrors } from './csv.ts';
import { datasetUseErrors } from './dataset-use.ts';
import type { ErrorKind } from './define.ts';
import { directiveErrors } from './directives.ts';
import { projectErrors } from './project.ts';
import { reportErrors } from './reports.ts';

/** The catalogue's areas, in code order (see AREAS in define.ts for their ranges). */
export const AREA_TABLES = { csv: csvErrors, 'dataset-use': datasetUseErrors, directives: directiveErrors, reports: reportErrors, project: projectErrors, build: buildErrors } as const;

/** Every kind, by code. */
export const CATALOGUE = { ...csvErrors, ...datasetUseErrors, ...directiveErrors, ...reportErrors, ...projectErrors, ...buildErrors };

/** A code the catalogue defines. */
export type Code = keyof typeof CATALOGUE;

/** What the message of `C` needs to know. */
export type ArgsOf<C extends Code> = (typeof CATALOGUE)[C] extends ErrorKind<infer A> ? A : never;

/**
 * A problem of kind `code`, without its place (the caller adds path, line and column).
 * @param code The kind's code.
 * @param args What its message needs.
 */
export function issue<C extends Code>(code: C, args: ArgsOf<C>): Issue & { code: C } {
  const entry = CATALOGUE[code] as unknown as ErrorKind<ArgsOf<C>>;
  return { code, ...entry.message(args), ...(entry.warning ? { severity: 'warning' as const } : {}) };
}

/**
 * A problem of kind `code` at a place.
 * @param code The kind's code.
 * @param args What its message needs.
 * @param place Project-relative path, 1-based line and column.
 */
export function problem<C extends Code>(code: C, args: ArgsOf<C>, place: Place): Problem & { code: C } {
  return { path: place.path, line: place.line, column: place.column, ...issue(code, args) };
}
