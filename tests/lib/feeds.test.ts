/**
 * The RSS feed: what a feed reader reads back is exactly what the frontmatter
 * says, whatever markup or quotes it holds, with the channel's own links.
 */
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { type FeedItem, rssFeed } from '../../src/lib/feeds.ts';

const CHANNEL = {
  title: 'Trends & <Notes>',
  description: 'Reports "with" data',
  url: 'https://example.com/blog/',
  feedUrl: 'https://example.com/blog/rss.xml',
  language: 'en-US',
};

const parser = new Parser<Record<string, never>, { creators: string[] }>({
  customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] },
});

describe('the RSS feed', () => {
  it('reads back titles, descriptions, authors and tags that look like markup exactly as written', async () => {
    const items: FeedItem[] = [
      {
        title: 'Labels that try to be code: <script>alert(1)</script> & "quotes"',
        description: "It's <b>bold</b> & ]]> done",
        url: 'https://example.com/blog/reports/hostile/',
        date: new Date('2025-02-01T00:00:00Z'),
        categories: ['security', 'fixtures'],
        authors: ['Ana "The Analyst" O\'Neil', 'R&D <team>', '007', ' 1e3 '],
      },
    ];
    const xml = await rssFeed({ ...CHANNEL, items });
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<b>');
    const feed = await parser.parseString(xml);
    expect([feed.title, feed.description, feed.link, feed.language]).toEqual([
      'Trends & <Notes>',
      'Reports "with" data',
      'https://example.com/blog/',
      'en-US',
    ]);
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item!.title).toBe(items[0]!.title);
    expect(item!.content).toBe(items[0]!.description);
    expect(item!.link).toBe('https://example.com/blog/reports/hostile/');
    expect(item!.guid).toBe('https://example.com/blog/reports/hostile/');
    expect(item!.pubDate).toBe('Sat, 01 Feb 2025 00:00:00 GMT');
    expect(item!.categories).toEqual(['security', 'fixtures']);
    // Names are text: a name that looks like a number is not rewritten as one.
    expect(item!.creators).toEqual(['Ana "The Analyst" O\'Neil', 'R&D <team>', '007', ' 1e3 ']);
  });

  it('links the feed to itself under the site path and dates it by the newest report, newest first', async () => {
    const item = (slug: string, day: string): FeedItem => ({
      title: slug,
      description: `About ${slug}`,
      url: `https://example.com/blog/reports/${slug}/`,
      date: new Date(`${day}T00:00:00Z`),
      categories: [],
      authors: [],
    });
    const xml = await rssFeed({ ...CHANNEL, items: [item('newer', '2026-11-20'), item('older', '2025-01-31')] });
    expect(xml).toContain('<atom:link href="https://example.com/blog/rss.xml" rel="self" type="application/rss+xml"/>');
    expect(xml).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
    expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect(xml).toContain('<lastBuildDate>Fri, 20 Nov 2026 00:00:00 GMT</lastBuildDate>');
    const feed = await parser.parseString(xml);
    expect(feed.items.map((entry) => [entry.link, entry.pubDate])).toEqual([
      ['https://example.com/blog/reports/newer/', 'Fri, 20 Nov 2026 00:00:00 GMT'],
      ['https://example.com/blog/reports/older/', 'Fri, 31 Jan 2025 00:00:00 GMT'],
    ]);
    // No authors, no tags: no empty elements.
    expect(xml).not.toContain('<dc:creator');
    expect(xml).not.toContain('<category');
  });

  it('drops control characters XML does not allow, so the feed still parses', async () => {
    const xml = await rssFeed({
      ...CHANNEL,
      items: [
        {
          title: 'a\u0001b',
          description: 'c\u001Fd',
          url: 'https://example.com/blog/reports/x/',
          date: new Date(0),
          categories: [],
          authors: ['e\u0008f'],
        },
      ],
    });
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const feed = await parser.parseString(xml);
    expect(feed.items).toHaveLength(1);
    expect([feed.items[0]!.title, feed.items[0]!.content, feed.items[0]!.creators]).toEqual(['ab', 'cd', ['ef']]);
  });

  it('has no lastBuildDate and no item for a site without reports', async () => {
    const xml = await rssFeed({ ...CHANNEL, items: [] });
    expect(xml).not.toContain('<lastBuildDate>');
    expect(xml).not.toContain('<item>');
    const feed = await parser.parseString(xml);
    expect(feed.items).toEqual([]);
    expect(feed.link).toBe('https://example.com/blog/');
  });
});
