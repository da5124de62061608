/**
 * A report as the Markdown pipeline rendered it: the page's HTML, its headings, and the
 * charts and stats found in it. `npm run build` renders every report once, in its check,
 * and hands the results to Astro's pages through a folder of files (one `.html` and one
 * `.json` per report), so Astro neither compiles reports again nor holds them in memory:
 * each page reads what it shows when it is built.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartSpec } from '../chart/chart-spec.ts';
import type { PageStat } from '../stat/compute-stat.ts';

/** A heading of the report body, for its table of contents. */
export interface ReportHeading {
  depth: number;
  slug: string;
  text: string;
}

/** What a page needs of a report besides its frontmatter, without the HTML. */
export interface RenderedReportData {
  headings: ReportHeading[];
  /** The report's charts, in the order they appear. */
  charts: ChartSpec[];
  /** The numbers in its sentences, in order. */
  stats: PageStat[];
}

/** A rendered report. */
export interface RenderedReport extends RenderedReportData {
  /** The body's HTML. From the build's check, each figure holds a placeholder for its drawings (see fillDrawings()). */
  html: string;
}

/**
 * Writes a rendered report into the hand-off folder.
 * @param dir The folder (created when missing).
 * @param slug The report's address.
 * @param report What the pipeline rendered.
 */
export function writeRenderedReport(dir: string, slug: string, report: RenderedReport): void {
  const { html, ...data } = report;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${slug}.html`), html);
  writeFileSync(join(dir, `${slug}.json`), JSON.stringify(data));
}

/**
 * Reads a report's headings, charts and stats from the hand-off folder.
 * @param dir The folder.
 * @param slug The report's address.
 */
export function readRenderedReportData(dir: string, slug: string): RenderedReportData {
  return JSON.parse(readFileSync(join(dir, `${slug}.json`), 'utf8')) as RenderedReportData;
}

/**
 * Reads a report's HTML from the hand-off folder.
 * @param dir The folder.
 * @param slug The report's address.
 */
export function readRenderedReportHtml(dir: string, slug: string): string {
  return readFileSync(join(dir, `${slug}.html`), 'utf8');
}
