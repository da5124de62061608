/** The sitemap index, pointing at the one sitemap of pages. */
import type { APIRoute } from 'astro';
import { sitemapIndex } from '../lib/feeds.ts';
import { absolute } from '../site/links.ts';

export const GET: APIRoute = () =>
  new Response(sitemapIndex([absolute('/sitemap-0.xml')]), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
