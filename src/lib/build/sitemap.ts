/**
 * What the sitemap lists and when each page last changed. `@astrojs/sitemap`
 * writes `sitemap-index.xml` and `sitemap-0.xml` after the build from the pages
 * Astro built; these options keep only the pages worth finding (home, reports,
 * chart pages, the explorer and its named views: never drafts, embeds, tag
 * lists or the not-found page) and date each report and chart page by its
 * report (`updated`, else `date`), so two builds give the same bytes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SitemapItem, SitemapOptions } from '@astrojs/sitemap';
import { reportPath } from '../chart/chart-paths.ts';
import { splitReport } from '../check/frontmatter.ts';
import { classifyReportFile } from '../report/file-names.ts';
import { basePath } from '../site-url.ts';

/** A report as the sitemap needs it. */
interface SitemapReport {
  slug: string;
  /** The day it last changed: `updated`, else `date`. */
  modified: Date;
  draft: boolean;
}

/** What the sitemap is made from: the reports and the ids of the explorer's named views. */
export interface SitemapSources {
  reports: SitemapReport[];
  views: string[];
}

/**
 * Reads each report's dates from its frontmatter. The check has refused any
 * report whose frontmatter is wrong before the build starts; such a file is skipped here.
 * @param root Absolute folder holding `content/reports/` (a site may have none yet).
 */
export function sitemapReports(root: string): SitemapReport[] {
  const folder = join(root, 'content', 'reports');
  const reports: SitemapReport[] = [];
  if (!existsSync(folder)) return reports;
  for (const file of readdirSync(folder).sort()) {
    const kind = classifyReportFile(file);
    if (kind.kind !== 'report') continue;
    const { frontmatter } = splitReport(readFileSync(join(folder, file), 'utf8'), `content/reports/${file}`);
    if (frontmatter)
      reports.push({ slug: kind.slug, modified: frontmatter.updated ?? frontmatter.date, draft: frontmatter.draft });
  }
  return reports;
}

/**
 * The place of a built page in the site (`/reports/q3/`), from its absolute URL.
 * @param siteUrl The site's configured URL (it may carry a path).
 * @param url The page's absolute URL.
 */
function sitePath(siteUrl: string, url: string): string {
  const path = new URL(url).pathname;
  const base = basePath(siteUrl);
  return path.startsWith(`${base}/`) ? path.slice(base.length) : path;
}

/**
 * The report a page belongs to: its own page or one of its chart pages (`/reports/q3/charts/<id>/`).
 * @param reports Published reports.
 * @param path The page's place in the site.
 */
function reportOf(reports: readonly SitemapReport[], path: string): SitemapReport | undefined {
  return reports.find((report) => {
    const page = reportPath(report.slug);
    return (
      path === page ||
      (path.startsWith(`${page}charts/`) && /^[^/]+\/$/.test(path.slice(page.length + 'charts/'.length)))
    );
  });
}

/**
 * Options for `@astrojs/sitemap`: which built pages it lists and their last-modified dates.
 * @param siteUrl The site's configured URL (it may carry a path).
 * @param sources Reads the reports and views; called once, when the build is done.
 */
export function sitemapOptions(siteUrl: string, sources: () => SitemapSources): NonNullable<SitemapOptions> {
  let read: { reports: SitemapReport[]; views: Set<string> } | undefined;
  const loaded = () => {
    if (!read) {
      const { reports, views } = sources();
      read = {
        reports: reports.filter((report) => !report.draft),
        views: new Set(views.map((id) => `/explore/${id}/`)),
      };
    }
    return read;
  };
  return {
    // Only the sitemap namespace: the news, image, video and xhtml ones would describe nothing here.
    namespaces: { news: false, xhtml: false, image: false, video: false },
    filter(url: string): boolean {
      const path = sitePath(siteUrl, url);
      const { reports, views } = loaded();
      return path === '/' || path === '/explore/' || views.has(path) || reportOf(reports, path) !== undefined;
    },
    serialize(item: SitemapItem): SitemapItem {
      const report = reportOf(loaded().reports, sitePath(siteUrl, item.url));
      return report ? { ...item, lastmod: report.modified.toISOString() } : item;
    },
  };
}
