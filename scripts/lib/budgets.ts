/**
 * Every budget Trendbook holds itself to, in one place: `npm run bench` fails
 * when one is missed, and the browser test tests/e2e/budget.e2e.ts checks the
 * JavaScript budgets of a report page against the same numbers.
 */

/** Budgets that fail a run: far from what a 2-core machine measures, so only a real regression fails. */
export const BUDGETS = {
  /**
   * Dataset loading with full validation, rows per second (at least), median of five loads of
   * 1,000,000 rows: issue #19's goal itself, the one budget set at its target rather than far
   * below it, so a loaded machine can miss it (see BENCHMARKS.md, Notes).
   */
  rowsPerSecond: 500_000,
  /** The same for the 200,000 rows of `--quick`, where starting up weighs more: a floor against regressions. */
  rowsPerSecondQuick: 250_000,
  /** Build time per page, in ms (at most). */
  msPerPage: 50,
  /** Drawing time per image on one thread, in ms (at most). */
  msPerImage: 120,
  /** Raster images drawn per three-chart report: one card per chart and the report's card (at most). */
  rastersPerReport: 4,
  /** Bytes of output whose path names a three-chart report (at most), so 1,000 reports stay under 1 GB. */
  reportBytes: 800 * 1024,
  /** Files whose path names a three-chart report (at most): what a static host counts. */
  reportFiles: 24,
  /** JavaScript (gzip) a report page loads before any chart is near the viewport. */
  reportInitialJs: 15 * 1024,
  /** JavaScript (gzip) a report page has loaded once every chart is drawn, chart.js included. */
  reportTotalJs: 75 * 1024,
  /** JavaScript (gzip) the explorer loads to draw its default view. */
  explorerJs: 90 * 1024,
  /**
   * A query dataset's sum and average by tier and year over 10,000,000 posts in one Parquet file, 1 thread,
   * seconds from the query's start to its result (median; at most). Issue #19's figure, as set.
   */
  parquetQuerySeconds: 2,
  /**
   * The same query over 1,000,000 posts in a 60 MB CSV, seconds (median; at most). Issue #19's figure, as set,
   * and like `rowsPerSecond` at its target: one thread parses the CSV in about 0.55 s on a quiet 2-core
   * machine and 0.66 s on a busy one, so a loaded machine can miss it (see BENCHMARKS.md, Notes).
   */
  csvQuerySeconds: 0.6,
  /**
   * The same for `--quick` (CI, median of 3, on a machine that may be busy): a floor against regressions
   * that make the query half as slow again, without failing CI whenever the machine is shared.
   */
  csvQuerySecondsQuick: 0.9,
} as const;
