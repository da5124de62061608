/**
 * RSS 2.0 and sitemap XML, written by hand: a few lines, escaped, with dates
 * from the content (never the build time), so two builds give the same bytes.
 */

/** Escapes text for XML element content and attributes. */
function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/** A feed item. */
export interface FeedItem {
  title: string;
  description: string;
  url: string;
  date: Date;
  categories: string[];
  authors: string[];
}

/**
 * Builds an RSS 2.0 feed.
 * @param feed Channel details and items (newest first).
 */
export function rssFeed(feed: { title: string; description: string; url: string; feedUrl: string; language: string; items: FeedItem[] }): string {
  const latest = feed.items[0]?.date;
  const items = feed.items.map(
    (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${escapeXml(item.url)}</link>
      <guid isPermaLink="true">${escapeXml(item.url)}</guid>
      <description>${escapeXml(item.description)}</description>
      <pubDate>${item.date.toUTCString()}</pubDate>
${item.authors.map((author) => `      <dc:creator>${escapeXml(author)}</dc:creator>\n`).join('')}${item.categories.map((category) => `      <category>${escapeXml(category)}</category>\n`).join('')}    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(feed.title)}</title>
    <link>${escapeXml(feed.url)}</link>
    <description>${escapeXml(feed.description)}</description>
    <language>${escapeXml(feed.language)}</language>
    <atom:link href="${escapeXml(feed.feedUrl)}" rel="self" type="application/rss+xml"/>
${latest ? `    <lastBuildDate>${latest.toUTCString()}</lastBuildDate>\n` : ''}${items.join('\n')}
  </channel>
</rss>
`;
}

/**
 * Builds a sitemap (`<urlset>`).
 * @param urls Absolute URLs with an optional last-modified date.
 */
export function sitemap(urls: { url: string; modified?: Date | undefined }[]): string {
  const entries = urls.map(
    ({ url, modified }) => `  <url><loc>${escapeXml(url)}</loc>${modified ? `<lastmod>${modified.toISOString().slice(0, 10)}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join('\n')}
</urlset>
`;
}

/**
 * Builds a sitemap index pointing at sitemaps.
 * @param sitemaps Absolute URLs of the sitemaps.
 */
export function sitemapIndex(sitemaps: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${sitemaps.map((url) => `  <sitemap><loc>${escapeXml(url)}</loc></sitemap>`).join('\n')}
</sitemapindex>
`;
}
