/** A chart's social card: the chart itself with its title, sources and credit. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartCardJob, type ImageJob } from '../../../lib/images/image-jobs.ts';
import { imageResponse } from '../../../lib/images/image-response.ts';
import { getAllCharts } from '../../../site/report-collection.ts';
import { SITE } from '../../../site.config.ts';

export const getStaticPaths = (async () =>
  (await getAllCharts()).map(({ report, spec }) => ({
    params: { slug: report.id, id: spec.id },
    props: { job: chartCardJob(report.id, spec, SITE) },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ job: ImageJob }> = ({ props }) => imageResponse(props.job);
