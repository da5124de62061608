/** Every page worth finding: home, reports, chart pages, the explorer and its named views (never drafts or embeds). */
import type { APIRoute } from 'astro';
import { chartPagePath, exploreViewPath, reportPath } from '../lib/chart/chart-paths.ts';
import { sitemap } from '../lib/feeds.ts';
import { resolveViews } from '../lib/explore/views.ts';
import { SITE_DIR } from '../lib/project-paths.ts';
import { SITE } from '../site.config.ts';
import { getCharts, getReports } from '../site/report-collection.ts';
import { absolute } from '../site/links.ts';

export const GET: APIRoute = async () => {
  const urls: { url: string; modified?: Date | undefined }[] = [{ url: absolute('/') }];
  for (const report of await getReports()) {
    const modified = report.data.updated ?? report.data.date;
    urls.push({ url: absolute(reportPath(report.id)), modified });
    for (const spec of await getCharts(report)) urls.push({ url: absolute(chartPagePath(report.id, spec.id)), modified });
  }
  urls.push({ url: absolute('/explore/') });
  for (const view of resolveViews(SITE, SITE_DIR).views) urls.push({ url: absolute(exploreViewPath(view.id)) });
  return new Response(sitemap(urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
