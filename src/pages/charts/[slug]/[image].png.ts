/**
 * The image inside each chart figure, in two sizes and two colour schemes,
 * rendered at build time with the same chart.js configuration as the page.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { IMAGE_SIZES, type ImageSize } from '../../../lib/chart/figure-image-sizes.ts';
import { chartImageJob, imageFor, type ImageJob } from '../../../lib/images/image-jobs.ts';
import { IMAGE_CACHE_DIR } from '../../../lib/project-paths.ts';
import { getAllCharts } from '../../../site/report-collection.ts';

export const getStaticPaths = (async () => {
  const paths = [];
  for (const { report, spec } of await getAllCharts()) {
    for (const size of Object.keys(IMAGE_SIZES) as ImageSize[]) {
      for (const theme of ['light', 'dark'] as const) {
        paths.push({ params: { slug: report.id, image: `${spec.id}-${size}-${theme}` }, props: { job: chartImageJob(spec, size, theme) } });
      }
    }
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ job: ImageJob }> = async ({ props }) => {
  const { png } = await imageFor(props.job, IMAGE_CACHE_DIR);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
