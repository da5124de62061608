/** The RSS feed of published reports, newest first, with absolute links. */
import type { APIRoute } from 'astro';
import { reportPath } from '../lib/chart/chart-paths.ts';
import { rssFeed } from '../lib/feeds.ts';
import { SITE } from '../site.config.ts';
import { getReports } from '../site/reports.ts';

export const GET: APIRoute = async () => {
  const reports = await getReports();
  const xml = rssFeed({
    title: SITE.title,
    description: SITE.description,
    url: SITE.url,
    feedUrl: new URL('/rss.xml', SITE.url).href,
    language: SITE.locale,
    items: reports.map((report) => ({
      title: report.data.title,
      description: report.data.description,
      url: new URL(reportPath(report.id), SITE.url).href,
      date: report.data.date,
      categories: report.data.tags,
      authors: report.data.authors.map((author) => author.name),
    })),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
