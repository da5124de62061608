/**
 * Per-chart downloads: `<id>.csv` (exactly the chart's data, spreadsheet-safe),
 * `<id>.svg` (the chart as vectors with its title, sources and the site's
 * credit, for slides and print) and `<id>.png` (its social card, which carries
 * the same title, source and credit).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { type DownloadExtension, downloadFile } from '../../../lib/chart/chart-paths.ts';
import type { ChartSpec } from '../../../lib/chart/chart-spec.ts';
import { chartCsv } from '../../../lib/chart/to-csv.ts';
import { chartCardJob, chartSvgJob } from '../../../lib/images/image-jobs.ts';
import { imageResponse } from '../../../lib/images/image-response.ts';
import { getAllCharts } from '../../../site/report-collection.ts';
import { SITE } from '../../../site.config.ts';

export const getStaticPaths = (async () =>
  (await getAllCharts()).flatMap(({ report, spec }) =>
    (['csv', 'svg', 'png'] as const).map((extension) => ({
      params: { slug: report.id, file: downloadFile(spec.id, extension) },
      props: { spec, slug: report.id, extension },
    })),
  )) satisfies GetStaticPaths;

interface Props {
  spec: ChartSpec;
  slug: string;
  extension: DownloadExtension;
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const { spec, slug, extension } = props;
  switch (extension) {
    case 'csv':
      return new Response(chartCsv(spec), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
    case 'svg':
      return imageResponse(chartSvgJob(slug, spec, SITE));
    case 'png':
      return imageResponse(chartCardJob(slug, spec, SITE));
  }
};
