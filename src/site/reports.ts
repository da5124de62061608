/**
 * Reports and their charts for pages and endpoints: the published reports in
 * order, and each report's ChartSpecs as the remark plugin built them.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { ChartSpec } from '../lib/chart/chart-spec.ts';
import { publishedReports } from '../lib/reports.ts';
import type { StatResult } from '../lib/stat/compute-stat.ts';

export type Report = CollectionEntry<'reports'>;

/** Published reports, newest first (drafts too in `astro dev`). */
export async function getReports(): Promise<Report[]> {
  return publishedReports(await getCollection('reports'), import.meta.env.DEV);
}

/** A report's charts, in the order they appear. */
export async function getCharts(report: Report): Promise<ChartSpec[]> {
  const { remarkPluginFrontmatter } = await render(report);
  return (remarkPluginFrontmatter.trendbookCharts as ChartSpec[] | undefined) ?? [];
}

/** A report's stats (numbers in its sentences), in order. */
export async function getStats(report: Report): Promise<StatResult[]> {
  const { remarkPluginFrontmatter } = await render(report);
  return (remarkPluginFrontmatter.trendbookStats as StatResult[] | undefined) ?? [];
}

/** Every published chart with its report. */
export async function getAllCharts(): Promise<{ report: Report; spec: ChartSpec }[]> {
  const all: { report: Report; spec: ChartSpec }[] = [];
  for (const report of await getReports()) {
    for (const spec of await getCharts(report)) all.push({ report, spec });
  }
  return all;
}
