/**
 * Per-chart downloads: `<id>.csv` (exactly the chart's data, spreadsheet-safe)
 * and `<id>.png` (the chart with its title, sources and the site's credit).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ChartSpec } from '../../../lib/chart/chart-spec.ts';
import { chartPermalink } from '../../../lib/chart/chart-paths.ts';
import { RENDERER_KEY, renderChartPng } from '../../../lib/chart/render-image.ts';
import { cachedImage } from '../../../lib/image-cache.ts';
import { sourceLine } from '../../../lib/chart/source-line.ts';
import { chartCsv } from '../../../lib/chart/to-csv.ts';
import { IMAGE_CACHE_DIR } from '../../../lib/project-paths.ts';
import { SITE } from '../../../site.config.ts';
import { getAllCharts } from '../../../site/reports.ts';

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
  const url = new URL(chartPermalink(slug, spec.id), SITE.url);
  const options = {
    theme: 'light' as const,
    width: 1200,
    height: 675,
    fontSize: 15,
    frame: { title: spec.title, source: sourceLine(spec), credit: `${SITE.title} · ${url.host}${url.pathname}${url.hash}` },
  };
  const png = await cachedImage(IMAGE_CACHE_DIR, { RENDERER_KEY, spec, options }, () => renderChartPng(spec, options));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
