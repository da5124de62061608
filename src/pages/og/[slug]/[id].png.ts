/** A chart's social card: the chart itself with its title, sources and credit. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ChartSpec } from '../../../lib/chart/chart-spec.ts';
import { chartPagePath } from '../../../lib/chart/chart-paths.ts';
import { RENDERER_KEY } from '../../../lib/chart/render-image.ts';
import { sourceLine } from '../../../lib/chart/source-line.ts';
import { cachedImage } from '../../../lib/image-cache.ts';
import { renderChartCard } from '../../../lib/og/render-card.ts';
import { IMAGE_CACHE_DIR } from '../../../lib/project-paths.ts';
import { SITE } from '../../../site.config.ts';
import { getAllCharts } from '../../../site/reports.ts';

export const getStaticPaths = (async () =>
  (await getAllCharts()).map(({ report, spec }) => {
    const url = new URL(chartPagePath(report.id, spec.id), SITE.url);
    return { params: { slug: report.id, id: spec.id }, props: { spec, credit: `${SITE.title} · ${url.host}${url.pathname}` } };
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ spec: ChartSpec; credit: string }> = async ({ props }) => {
  const source = sourceLine(props.spec);
  const png = await cachedImage(IMAGE_CACHE_DIR, { RENDERER_KEY, kind: 'chart-card', spec: props.spec, source, credit: props.credit }, () => renderChartCard(props.spec, source, props.credit));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
