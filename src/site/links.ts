/**
 * Links from the built pages to pages and files of this site. The site may be
 * published under a path (its URL's path, Astro's `base`), so every href and
 * absolute URL a page writes goes through these two functions.
 */
import { absoluteUrl, basePath, siteHref } from '../lib/site-url.ts';
import { SITE } from '../site.config.ts';

const BASE = basePath(SITE.url);

/**
 * The href of a page or file of the site: `/reports/q3/` → `/blog/reports/q3/` for a site under `/blog`.
 * @param path The page or file, as it lies in the output folder, starting with `/`.
 */
export function href(path: string): string {
  return siteHref(BASE, path);
}

/**
 * The absolute URL of a page or file of the site (canonical links, cards, feeds, embed code).
 * @param path The page or file, as it lies in the output folder, starting with `/`.
 */
export function absolute(path: string): string {
  return absoluteUrl(SITE.url, path);
}
