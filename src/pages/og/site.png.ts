/** The site's own social card, for the home page and pages without one of their own. */
import type { APIRoute } from 'astro';
import { siteCardJob } from '../../lib/images/image-jobs.ts';
import { imageResponse } from '../../lib/images/image-response.ts';
import { getReports } from '../../site/report-collection.ts';
import { cardReport } from '../../site/report-page-data.ts';
import { SITE } from '../../site.config.ts';

export const GET: APIRoute = async () => {
  const [newest] = await getReports();
  return imageResponse(siteCardJob(newest ? await cardReport(newest) : undefined, SITE));
};
