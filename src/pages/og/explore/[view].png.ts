/** The social card of each explorer view named in the config. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { resolveViews } from '../../../lib/explore/views.ts';
import { imageFor, viewCardJob, type ImageJob } from '../../../lib/images/image-jobs.ts';
import { IMAGE_CACHE_DIR, SITE_DIR } from '../../../lib/project-paths.ts';
import { SITE } from '../../../site.config.ts';

export const getStaticPaths = (() => resolveViews(SITE, SITE_DIR).views.map((view) => ({ params: { view: view.id }, props: { job: viewCardJob(view, SITE) } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ job: ImageJob }> = async ({ props }) => {
  const { png } = await imageFor(props.job, IMAGE_CACHE_DIR);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
