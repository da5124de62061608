/**
 * The whole error catalogue, for docs/errors.md and its tests: every kind of
 * problem Trendbook reports, by permanent code. Checks do not import this
 * file: they import the kinds they report from their area's table
 * (`import { TB012 } from '../error-codes/csv.ts'`) and write
 * `problem(TB012, { column }, place)` with `problem` from `define.ts`, so
 * each message has one wording, one code and one entry in docs/errors.md
 * (`npm run docs:errors`; a test fails when it is stale), and a browser
 * bundle carries only the kinds its code can report.
 */
import type { ErrorCode } from '../errors.ts';
import { buildErrors } from './build.ts';
import { chartErrors } from './charts.ts';
import { csvErrors } from './csv.ts';
import { datasetUseErrors } from './dataset-use.ts';
import type { AnyErrorKind } from './define.ts';
import { directiveErrors } from './directives.ts';
import { projectErrors } from './project.ts';
import { reportErrors } from './reports.ts';
import { sqlErrors } from './sql.ts';

/** The catalogue's areas, in code order (see AREAS in define.ts for their ranges). */
export const AREA_TABLES = {
  csv: csvErrors,
  'dataset-use': datasetUseErrors,
  charts: chartErrors,
  directives: directiveErrors,
  reports: reportErrors,
  project: projectErrors,
  build: buildErrors,
  sql: sqlErrors,
} as const;

/** Every kind, by code. */
export const CATALOGUE: Readonly<Record<ErrorCode, AnyErrorKind>> = {
  ...csvErrors,
  ...datasetUseErrors,
  ...chartErrors,
  ...directiveErrors,
  ...reportErrors,
  ...projectErrors,
  ...buildErrors,
  ...sqlErrors,
};
