/**
 * Per-chart downloads: `<id>.csv` (exactly the chart's data, spreadsheet-safe)
 * and `<id>.png` (the chart with its title, sources and the site's credit).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloadFile } from '../../../lib/chart/chart-paths.ts';
import type { ChartSpec } from '../../../lib/chart/chart-spec.ts';
import { chartCsv } from '../../../lib/chart/to-csv.ts';
import { chartDownloadJob } from '../../../lib/images/image-jobs.ts';
import { pngResponse } from '../../../lib/images/png-response.ts';
import { getAllCharts } from '../../../site/report-collection.ts';
import { SITE } from '../../../site.config.ts';

export const getStaticPaths = (async () =>
  (await getAllCharts()).flatMap(({ report, spec }) =>
    (['csv', 'png'] as const).map((extension) => ({
      params: { slug: report.id, file: downloadFile(spec.id, extension) },
      props: { spec, slug: report.id, extension },
    })),
  )) satisfies GetStaticPaths;

interface Props {
  spec: ChartSpec;
  slug: string;
  extension: 'csv' | 'png';
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const { spec, slug, extension } = props;
  if (extension === 'csv') {
    return new Response(chartCsv(spec), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  }
  return pngResponse(chartDownloadJob(slug, spec, SITE));
};
