/** The sitemap index, pointing at the one sitemap of pages. */
import type { APIRoute } from 'astro';
import { sitemapIndex } from '../lib/feeds.ts';
import { SITE } from '../site.config.ts';

export const GET: APIRoute = () =>
  new Response(sitemapIndex([new URL('/sitemap-0.xml', SITE.url).href]), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
