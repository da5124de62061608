/**
 * Addresses on the published site. A site may be published under a path
 * (`https://example.com/blog`, as GitHub Pages project sites are), so a page's
 * place in the site (`/reports/q3/`, as the path helpers return it and as it
 * lies in the output folder) is not yet its address: every link, asset and
 * absolute URL is made here, from the configured URL, so the path is never dropped.
 */

/**
 * The path the site is published under, without a trailing slash: `''` for a
 * site at the root of its host, `/blog` for `https://example.com/blog`.
 * @param siteUrl The site's configured URL.
 */
export function basePath(siteUrl: string): string {
  return new URL(siteUrl).pathname.replace(/\/+$/, '');
}

/**
 * The href of a page or file of the site, for links on its own pages:
 * `/reports/q3/` → `/blog/reports/q3/`.
 * @param base The site's base path (from `basePath`).
 * @param path The page or file in the site, starting with `/` (it may carry `?query` and `#fragment`).
 */
export function siteHref(base: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//'))
    throw new Error(`Internal error: a site path starts with one "/", received "${path}".`);
  return `${base}${path}`;
}

/**
 * The absolute URL of a page or file of the site, for canonical links, feeds,
 * cards and anything shared: `/reports/q3/` → `https://example.com/blog/reports/q3/`.
 * @param siteUrl The site's configured URL.
 * @param path The page or file in the site, starting with `/`.
 */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(siteHref(basePath(siteUrl), path), siteUrl).href;
}
