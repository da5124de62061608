/** The RSS feed of published reports, newest first, with absolute links. */
import type { APIRoute } from 'astro';
import { reportPath } from '../lib/chart/chart-paths.ts';
import { rssFeed } from '../lib/feeds.ts';
import { absolute } from '../site/links.ts';
import { getReports } from '../site/report-collection.ts';
import { SITE } from '../site.config.ts';

export const GET: APIRoute = async () => {
  const reports = await getReports();
  const xml = await rssFeed({
    title: SITE.title,
    description: SITE.description,
    url: absolute('/'),
    feedUrl: absolute('/rss.xml'),
    language: SITE.locale,
    items: reports.map((report) => ({
      title: report.data.title,
      description: report.data.description,
      url: absolute(reportPath(report.id)),
      date: report.data.date,
      categories: report.data.tags,
      authors: report.data.authors.map((author) => author.name),
    })),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
