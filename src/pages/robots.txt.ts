/**
 * robots.txt: everything may be crawled except embeds; names the sitemap.
 * Crawlers read robots.txt only at the host's root: a site under a path has its
 * lines copied into that file (docs/authoring.md, "Publishing under a path").
 */
import type { APIRoute } from 'astro';
import { absolute, href } from '../site/links.ts';

export const GET: APIRoute = () =>
  new Response(
    `User-agent: *\nAllow: ${href('/')}\nDisallow: ${href('/embed/')}\n\nSitemap: ${absolute('/sitemap-index.xml')}\n`,
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  );
