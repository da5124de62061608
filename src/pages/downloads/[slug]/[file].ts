/**
 * Per-chart downloads: `<id>.csv` (exactly the chart's data, spreadsheet-safe)
 * and `<id>.png` (the chart with its title, sources and the site's credit).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ChartSpec } from '../../../lib/chart/chart-spec.ts';
import { chartCsv } from '../../../lib/chart/to-csv.ts';
import { chartDownloadJob, imageFor } from '../../../lib/images/image-jobs.ts';
import { IMAGE_CACHE_DIR } from '../../../lib/project-paths.ts';
import { SITE } from '../../../site.config.ts';
import { getAllCharts } from '../../../site/report-collection.ts';

export const getStaticPaths = (async () =>
  (await getAllCharts()).flatMap(({ report, spec }) =>
    (['csv', 'png'] as const).map((extension) => ({
      params: { slug: report.id, file: `${spec.id}.${extension}` },
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
  const { png } = await imageFor(chartDownloadJob(slug, spec, SITE), IMAGE_CACHE_DIR);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
