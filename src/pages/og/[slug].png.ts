/** A report's social card: its title, card figure (or description) and first chart. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { type ImageJob, reportCardJob } from '../../lib/images/image-jobs.ts';
import { imageResponse } from '../../lib/images/image-response.ts';
import { getReports } from '../../site/report-collection.ts';
import { cardReport } from '../../site/report-page-data.ts';
import { SITE } from '../../site.config.ts';

export const getStaticPaths = (async () => {
  const paths = [];
  for (const report of await getReports())
    paths.push({ params: { slug: report.id }, props: { job: reportCardJob(await cardReport(report), SITE) } });
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ job: ImageJob }> = ({ props }) => imageResponse(props.job);
