/**
 * Everything a report page shows besides its Markdown: key figures and the
 * sources section, computed from the same data as the charts.
 */
import type { ChartSpec } from '../lib/chart/chart-spec.ts';
import { loadDataset } from '../lib/data/load-dataset.ts';
import { aboutField, ReportError } from '../lib/errors.ts';
import type { CardReport } from '../lib/images/image-jobs.ts';
import { SITE_DIR } from '../lib/project-paths.ts';
import { creditDatasets, type DatasetCredit } from '../lib/report/dataset-credits.ts';
import { type ComputedFigure, cardFigure, computeFigures } from '../lib/report/key-figures.ts';
import type { PageStat } from '../lib/stat/compute-stat.ts';
import { SITE } from '../site.config.ts';
import { getCharts, type Report } from './report-collection.ts';

/**
 * Computes a report's key figures; problems were reported by the check before the build.
 * @param report The report.
 */
export function reportFigures(report: Report): ComputedFigure[] {
  const { figures, issues } = computeFigures(report.data.figures, SITE_DIR, SITE.locale, SITE.limits, SITE.tiers);
  if (issues.length > 0) {
    throw new ReportError(
      issues.map(({ index, attribute, issue }) => ({
        path: `content/reports/${report.id}.md`,
        line: 1,
        column: 1,
        ...aboutField(issue, `figures[${index}].${attribute}`),
      })),
    );
  }
  return figures;
}

/**
 * The datasets a report uses, with their sources.
 * @param charts The report's charts.
 * @param stats The report's stats.
 * @param figures The report's key figures.
 */
export function reportCredits(charts: ChartSpec[], stats: PageStat[], figures: ComputedFigure[]): DatasetCredit[] {
  const names = [
    ...figures.map((figure) => figure.result.dataset.name),
    ...charts.map((chart) => chart.dataset.name),
    ...stats.map((stat) => stat.dataset.name),
  ];
  return creditDatasets(names, charts, (name) => loadDataset(SITE_DIR, name, SITE.limits));
}

/** What a report's social card shows: title, description, the key figure marked `card: true` and first chart. */
export async function cardReport(report: Report): Promise<CardReport> {
  const figure = cardFigure(reportFigures(report));
  return {
    slug: report.id,
    title: report.data.title,
    cardTitle: report.data.card_title,
    description: report.data.description,
    figure: figure ? { value: figure.result.text, label: figure.label } : undefined,
    chart: (await getCharts(report))[0],
  };
}
