/**
 * Reports and their charts for pages and endpoints (read from Astro's content collection): the published reports in
 * order, and each report's ChartSpecs as the remark plugin built them.
 */
import { type CollectionEntry, getCollection, render } from 'astro:content';
import type { ChartSpec } from '../lib/chart/chart-spec.ts';
import { publishedReports } from '../lib/report/published-reports.ts';
import type { PageStat } from '../lib/stat/compute-stat.ts';

export type Report = CollectionEntry<'reports'>;

/** Published reports, newest first (drafts too in `astro dev`, which sets TRENDBOOK_SHOW_DRAFTS). */
export async function getReports(): Promise<Report[]> {
  // Not import.meta.env.DEV: a DEV variable in the environment (vitest sets DEV=1) turns it on in a build.
  return publishedReports(await getCollection('reports'), process.env.TRENDBOOK_SHOW_DRAFTS === '1');
}

/** A report's charts, in the order they appear. */
export async function getCharts(report: Report): Promise<ChartSpec[]> {
  const { remarkPluginFrontmatter } = await render(report);
  return (remarkPluginFrontmatter.trendbookCharts as ChartSpec[] | undefined) ?? [];
}

/** A report's stats (numbers in its sentences), in order. */
export async function getStats(report: Report): Promise<PageStat[]> {
  const { remarkPluginFrontmatter } = await render(report);
  return (remarkPluginFrontmatter.trendbookStats as PageStat[] | undefined) ?? [];
}

/** Every published chart with its report. */
export async function getAllCharts(): Promise<{ report: Report; spec: ChartSpec }[]> {
  const all: { report: Report; spec: ChartSpec }[] = [];
  for (const report of await getReports()) {
    for (const spec of await getCharts(report)) all.push({ report, spec });
  }
  return all;
}
