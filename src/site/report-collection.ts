/**
 * Reports for pages and endpoints: the published reports in order (Astro's content collection, frontmatter only),
 * and each report as the Markdown pipeline rendered it. In `npm run build` the check has rendered every report
 * already and the pages read its files; when Astro runs alone (`astro dev`), a report is rendered when asked for.
 */

import { type CollectionEntry, getCollection } from 'astro:content';
import { join } from 'node:path';
import { VFile } from 'vfile';
import type { ChartSpec } from '../lib/chart/chart-spec.ts';
import { fillDrawings } from '../lib/images/fill-drawings.ts';
import { RENDERED_DIR, SITE_DIR } from '../lib/project-paths.ts';
import { publishedReports } from '../lib/report/published-reports.ts';
import {
  type RenderedReport,
  type RenderedReportData,
  readRenderedReportData,
  readRenderedReportHtml,
} from '../lib/report/rendered-report.ts';
import { createReportProcessor, renderedReportOf } from '../plugins/remark/processor.ts';
import { SITE } from '../site.config.ts';

export type Report = CollectionEntry<'reports'>;

/** Published reports, newest first (drafts too in `astro dev`, which sets TRENDBOOK_SHOW_DRAFTS). */
export async function getReports(): Promise<Report[]> {
  // Not import.meta.env.DEV: a DEV variable in the environment (vitest sets DEV=1) turns it on in a build.
  return publishedReports(await getCollection('reports'), process.env.TRENDBOOK_SHOW_DRAFTS === '1');
}

/** A report's HTML, headings, charts and stats. */
export async function renderReport(report: Report): Promise<RenderedReport> {
  if (!RENDERED_DIR) return renderNow(report);
  const data = reportData(report);
  return { html: fillDrawings(readRenderedReportHtml(RENDERED_DIR, report.id), data.charts), ...data };
}

/** A report's charts, in the order they appear. */
export async function getCharts(report: Report): Promise<ChartSpec[]> {
  return RENDERED_DIR ? reportData(report).charts : (await renderNow(report)).charts;
}

/** Every published chart with its report. */
export async function getAllCharts(): Promise<{ report: Report; spec: ChartSpec }[]> {
  const all: { report: Report; spec: ChartSpec }[] = [];
  for (const report of await getReports()) {
    for (const spec of await getCharts(report)) all.push({ report, spec });
  }
  return all;
}

/** Every published report with the datasets its `:stat` numbers quote, each once. */
export async function getAllQuotedDatasets(): Promise<{ report: Report; datasets: string[] }[]> {
  const all: { report: Report; datasets: string[] }[] = [];
  for (const report of await getReports()) {
    const { stats } = RENDERED_DIR ? reportData(report) : await renderNow(report);
    all.push({ report, datasets: [...new Set(stats.map((stat) => stat.dataset.name))] });
  }
  return all;
}

function reportData(report: Report): RenderedReportData {
  return readRenderedReportData(RENDERED_DIR!, report.id);
}

/** Renders a report with the check's pipeline; a problem in it stops the page with every problem of the file. */
async function renderNow(report: Report): Promise<RenderedReport> {
  const file = new VFile({ value: report.body ?? '', path: join(SITE_DIR, 'content', 'reports', `${report.id}.md`) });
  await createReportProcessor({ root: SITE_DIR, config: SITE }).process(file);
  return renderedReportOf(file);
}
