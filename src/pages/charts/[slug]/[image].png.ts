/**
 * The image inside each chart figure, in two sizes and two colour schemes,
 * rendered at build time with the same chart.js configuration as the page.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartImageName } from '../../../lib/chart/chart-paths.ts';
import { IMAGE_SIZES, type ImageSize } from '../../../lib/chart/figure-image-sizes.ts';
import { chartImageJob, type ImageJob } from '../../../lib/images/image-jobs.ts';
import { pngResponse } from '../../../lib/images/png-response.ts';
import { getAllCharts } from '../../../site/report-collection.ts';

export const getStaticPaths = (async () => {
  const paths = [];
  for (const { report, spec } of await getAllCharts()) {
    for (const size of Object.keys(IMAGE_SIZES) as ImageSize[]) {
      for (const theme of ['light', 'dark'] as const) {
        paths.push({
          params: { slug: report.id, image: chartImageName(spec.id, size, theme) },
          props: { job: chartImageJob(spec, size, theme) },
        });
      }
    }
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ job: ImageJob }> = ({ props }) => pngResponse(props.job);
