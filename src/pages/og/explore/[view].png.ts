/** The social card of each explorer view named in the config. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { resolveViews } from '../../../lib/explore/views.ts';
import { type ImageJob, viewCardJob } from '../../../lib/images/image-jobs.ts';
import { imageResponse } from '../../../lib/images/image-response.ts';
import { SITE_DIR } from '../../../lib/project-paths.ts';
import { SITE } from '../../../site.config.ts';

export const getStaticPaths = (() =>
  resolveViews(SITE, SITE_DIR).views.map((view) => ({
    params: { view: view.id },
    props: { job: viewCardJob(view, SITE) },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ job: ImageJob }> = ({ props }) => imageResponse(props.job);
