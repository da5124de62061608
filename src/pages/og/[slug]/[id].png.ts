/** A chart's social card: the chart itself with its title, sources and credit. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartCardJob, imageFor, type ImageJob } from '../../../lib/images/image-jobs.ts';
import { IMAGE_CACHE_DIR } from '../../../lib/project-paths.ts';
import { SITE } from '../../../site.config.ts';
import { getAllCharts } from '../../../site/report-collection.ts';

export const getStaticPaths = (async () =>
  (await getAllCharts()).map(({ report, spec }) => ({ params: { slug: report.id, id: spec.id }, props: { job: chartCardJob(report.id, spec, SITE) } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ job: ImageJob }> = async ({ props }) => {
  const { png } = await imageFor(props.job, IMAGE_CACHE_DIR);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
