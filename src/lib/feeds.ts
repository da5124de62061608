/**
 * The RSS 2.0 feed of published reports, written by `@astrojs/rss` (which
 * escapes every text it is given), with dates from the content (never the
 * build time), so two builds give the same bytes.
 */
import { getRssString } from '@astrojs/rss';

/** A feed item. */
export interface FeedItem {
  title: string;
  description: string;
  url: string;
  date: Date;
  categories: string[];
  authors: string[];
}

/** Control characters XML 1.0 does not allow (YAML's "\x01" can write one into a title); they are dropped. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const xmlText = (text: string) => text.replace(NOT_XML, '');

/**
 * Escapes text for XML written into `customData`, which `@astrojs/rss` parses
 * back and writes out again escaped.
 * @param text The text.
 */
function escapeXml(text: string): string {
  const entities: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };
  return xmlText(text).replace(/[<>&'"]/g, (char) => entities[char]!);
}

/**
 * Builds an RSS 2.0 feed.
 * @param feed Channel details and items (newest first).
 */
export async function rssFeed(feed: {
  title: string;
  description: string;
  url: string;
  feedUrl: string;
  language: string;
  items: FeedItem[];
}): Promise<string> {
  const latest = feed.items[0]?.date;
  const channel = [
    `<language>${escapeXml(feed.language)}</language>`,
    `<atom:link href="${escapeXml(feed.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    latest ? `<lastBuildDate>${latest.toUTCString()}</lastBuildDate>` : '',
  ];
  // Authors are Dublin Core creators, which `@astrojs/rss` takes only as XML and reads back with
  // number parsing on ("007" would come out as "7"). So each name goes in as a placeholder made of
  // a control character no text field can hold (xmlText drops them), and is written in afterwards.
  const authors: string[] = [];
  const placeholder = (author: string) => `${MARK}${authors.push(escapeXml(author)) - 1}${MARK}`;
  const xml = await getRssString({
    title: xmlText(feed.title),
    description: xmlText(feed.description),
    site: feed.url,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: channel.join(''),
    items: feed.items.map((item) => ({
      title: xmlText(item.title),
      description: xmlText(item.description),
      link: item.url,
      pubDate: item.date,
      categories: item.categories.map(xmlText),
      customData: item.authors.map((author) => `<dc:creator>${placeholder(author)}</dc:creator>`).join(''),
    })),
  });
  return xml.replace(PLACEHOLDER, (_, index: string) => authors[Number(index)]!);
}

/** Marks an author's placeholder: a control character, which xmlText removes from every text, so no title can forge one. */
const MARK = '\u0001';
const PLACEHOLDER = /\u0001(\d+)\u0001/g;
