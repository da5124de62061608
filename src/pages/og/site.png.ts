/** The site's own social card, for the home page and pages without one of their own. */
import type { APIRoute } from 'astro';
import { imageFor, siteCardJob } from '../../lib/images/image-jobs.ts';
import { IMAGE_CACHE_DIR } from '../../lib/project-paths.ts';
import { SITE } from '../../site.config.ts';
import { cardReport } from '../../site/report-page-data.ts';
import { getReports } from '../../site/report-collection.ts';

export const GET: APIRoute = async () => {
  const [newest] = await getReports();
  const { png } = await imageFor(siteCardJob(newest ? await cardReport(newest) : undefined, SITE), IMAGE_CACHE_DIR);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
