/**
 * The image inside each chart figure, in two sizes and two colour schemes,
 * rendered at build time with the same chart.js configuration as the page.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ChartSpec } from '../../../lib/chart/chart-spec.ts';
import { RENDERER_KEY, renderChartPng } from '../../../lib/chart/render-image.ts';
import { cachedImage } from '../../../lib/image-cache.ts';
import { IMAGE_SIZES, type ImageSize } from '../../../lib/chart/render-image-sizes.ts';
import { IMAGE_CACHE_DIR } from '../../../lib/project-paths.ts';
import { getAllCharts } from '../../../site/reports.ts';

export const getStaticPaths = (async () => {
  const paths = [];
  for (const { report, spec } of await getAllCharts()) {
    for (const size of Object.keys(IMAGE_SIZES) as ImageSize[]) {
      for (const theme of ['light', 'dark'] as const) {
        paths.push({ params: { slug: report.id, image: `${spec.id}-${size}-${theme}` }, props: { spec, size, theme } });
      }
    }
  }
  return paths;
}) satisfies GetStaticPaths;

interface Props {
  spec: ChartSpec;
  size: ImageSize;
  theme: 'light' | 'dark';
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const { width, height } = IMAGE_SIZES[props.size];
  const options = { theme: props.theme, width, height };
  const png = await cachedImage(IMAGE_CACHE_DIR, { RENDERER_KEY, spec: props.spec, options }, () => renderChartPng(props.spec, options));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
