/**
 * Link previews as a client makes them: an unfurling library parses every report
 * and chart page of a built site and finds a title, a description, the card type
 * and a 1200×630 image that exists. Feeds, sitemap and oEmbed parse too.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import ogs from 'open-graph-scraper';
import Parser from 'rss-parser';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedSources } from '../site-sources.ts';
import { checkLinks, htmlFiles } from './link-check.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'trendbook-unfurl-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const sites = [
  { name: 'the example site', site: ROOT },
  { name: 'a site no one on the team wrote', site: join(ROOT, 'tests/fixtures/site') },
];

/** Width and height of a PNG, from its header. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.each(sites)('$name', ({ site }) => {
  const out = join(temp, site === ROOT ? 'example' : 'fixture');
  let build: SpawnSyncReturns<string>;
  beforeAll(() => {
    build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
      cwd: ROOT,
      env: { ...process.env, TRENDBOOK_SITE: site, TRENDBOOK_OUT: out },
      encoding: 'utf8',
    });
  });
  // What the loops below must find: every published report, and a page of its own for each of its charts.
  const sources = publishedSources(site);
  const reportPages = sources.reduce((total, source) => total + 1 + source.charts, 0);
  /** Every page of the site, and a guard that the listing found at least the report and chart pages. */
  const allPages = () => {
    const pages = [...htmlFiles(out), join(out, '404.html')];
    expect(pages.length).toBeGreaterThan(reportPages);
    return pages;
  };

  it('builds', () => {
    // The fixture's hostile report has raw HTML and a javascript: link on purpose; only their warnings may be printed.
    expect(
      build.stderr
        .split('\n')
        .filter(
          (line) =>
            line !== '' && !/^content\/reports\/hostile\.md:\d+:\d+: warning: |^\d+ warnings found\./.test(line),
        ),
    ).toEqual([]);
    expect(build.status).toBe(0);
  });

  it('carries each report title exactly, whatever it holds, into <title>, og:title, twitter:title and JSON-LD, and its address into og:url', () => {
    const reports = readdirSync(join(out, 'reports'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(reports.map(({ name }) => name).sort()).toEqual(sources.map((source) => source.slug).sort());
    for (const { name } of reports) {
      const tree = fromHtml(readFileSync(join(out, 'reports', name, 'index.html'), 'utf8'));
      const meta = new Map<string, string>();
      let title = '';
      let heading = '';
      let canonical = '';
      const jsonLd: { headline?: string }[] = [];
      visit(tree, 'element', (element) => {
        const { properties } = element;
        const text = () => element.children.map((child) => ('value' in child ? child.value : '')).join('');
        if (element.tagName === 'meta')
          meta.set(String(properties.property ?? properties.name), String(properties.content));
        if (element.tagName === 'title') title = text();
        if (element.tagName === 'h1' && heading === '') heading = text();
        if (element.tagName === 'link' && String(properties.rel) === 'canonical') canonical = String(properties.href);
        if (element.tagName === 'script' && properties.type === 'application/ld+json')
          jsonLd.push(JSON.parse(text()) as { headline?: string });
      });
      // The h1 shows the frontmatter title as text (markup in it stays text: see build.test.ts).
      expect(title, name).toBe(`${heading} · Trendbook`);
      expect(
        [meta.get('og:title'), meta.get('twitter:title') ?? heading, jsonLd.find((entry) => entry.headline)?.headline],
        name,
      ).toEqual([heading, heading, heading]);
      expect([meta.get('og:url'), canonical], name).toEqual([
        `https://trendbook.example.com/reports/${name}/`,
        `https://trendbook.example.com/reports/${name}/`,
      ]);
    }
  });

  it('unfurls every report and chart page with its own card', async () => {
    const pages = htmlFiles(join(out, 'reports'));
    expect(pages).toHaveLength(reportPages);
    const images = new Set<string>();
    for (const page of pages) {
      const { result } = await ogs({ html: readFileSync(page, 'utf8') });
      const where = page.slice(out.length);
      expect(result.ogTitle, where).toBeTruthy();
      expect(result.ogDescription, where).toBeTruthy();
      expect(result.twitterCard, where).toBe('summary_large_image');
      expect(result.twitterSite, where).toBe('@trendbook');
      const image = result.ogImage?.[0];
      expect(image?.url, where).toMatch(/^https:\/\/trendbook\.example\.com\/og\/.+\.png$/);
      expect([image?.width, image?.height].map(Number), where).toEqual([1200, 630]);
      const file = join(out, new URL(image!.url).pathname);
      expect(existsSync(file), file).toBe(true);
      expect(pngSize(file)).toEqual({ width: 1200, height: 630 });
      images.add(image!.url);
    }
    // Each page has a card of its own.
    expect(images.size).toBe(pages.length);
  });

  it('passes html-validate on every page', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const pages = allPages();
    const messages: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(page);
      for (const result of report.results) {
        for (const message of result.messages)
          messages.push(
            `${page.slice(out.length)}:${message.line}:${message.column}: ${message.message} (${message.ruleId})`,
          );
      }
    }
    expect(messages).toEqual([]);
  });

  it('sends a hash-based Content Security Policy with every page, and no inline style attributes', () => {
    for (const page of allPages()) {
      const html = readFileSync(page, 'utf8');
      const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(policy, page).toContain("default-src 'self'");
      // 'wasm-unsafe-eval' lets search (Pagefind) compile WebAssembly; JavaScript eval stays blocked.
      expect(policy, page).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')*;/);
      expect(policy, page).not.toMatch(/'unsafe-eval'/);
      expect(policy, page).not.toContain('unsafe-inline');
      expect(html, page).not.toMatch(/<[a-z]+[^>]* style="/);
    }
  });

  it('runs no script from content: only module, JSON and JSON-LD scripts, no on* handlers, no javascript: URLs', () => {
    const found: string[] = [];
    for (const page of allPages()) {
      visit(fromHtml(readFileSync(page, 'utf8')), 'element', (element) => {
        const where = `${page.slice(out.length)} <${element.tagName}>`;
        if (
          element.tagName === 'script' &&
          !['module', 'application/json', 'application/ld+json'].includes(String(element.properties.type))
        )
          found.push(`${where} type=${String(element.properties.type)}`);
        // The site's own forms (the explorer's controls, search) send GET requests to its own pages; content has none.
        const ownForm =
          element.tagName === 'form' &&
          ['/explore/', '/search/'].includes(String(element.properties.action)) &&
          String(element.properties.method) === 'get';
        if (['iframe', 'object', 'embed', 'form'].includes(element.tagName) && !ownForm) found.push(where);
        for (const [name, value] of Object.entries(element.properties)) {
          if (/^on/i.test(name)) found.push(`${where} ${name}`);
          if (typeof value === 'string' && /^\s*(javascript|vbscript|data):/i.test(value) && name !== 'content')
            found.push(`${where} ${name}=${value}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it('tells hosts (in _headers) to forbid framing of every page but embeds, and to send nosniff to all', () => {
    // Netlify and Cloudflare Pages rules: a path, or a prefix ending in "*"; every matching rule applies.
    const rules: { pattern: string; headers: string[] }[] = [];
    for (const line of readFileSync(join(out, '_headers'), 'utf8').split('\n')) {
      if (line.startsWith('/')) rules.push({ pattern: line.trim(), headers: [] });
      else if (/^\s+\S/.test(line)) rules.at(-1)!.headers.push(line.trim());
    }
    const headersFor = (path: string) =>
      rules
        .filter(({ pattern }) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern))
        .flatMap(({ headers }) => headers);
    for (const page of allPages()) {
      const path = page.slice(out.length).replace(/index\.html$/, '');
      const framing = headersFor(path).filter((header) =>
        header.startsWith('Content-Security-Policy: frame-ancestors'),
      );
      expect(framing, path).toEqual([
        path.startsWith('/embed/')
          ? 'Content-Security-Policy: frame-ancestors *'
          : "Content-Security-Policy: frame-ancestors 'none'",
      ]);
      expect(headersFor(path), path).toContain('X-Content-Type-Options: nosniff');
    }
  });

  it('has no broken internal link or #anchor', () => {
    const { checked, broken } = checkLinks(out, '');
    // Every chart alone links to its permalink, chart page, downloads and images: plenty to check.
    expect(checked).toBeGreaterThan(50);
    expect(broken).toEqual([]);
  });

  it('publishes a feed a feed reader can parse, a sitemap and robots.txt', async () => {
    const feed = await new Parser().parseString(readFileSync(join(out, 'rss.xml'), 'utf8'));
    expect(feed.title).toBe('Trendbook');
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      expect(item.link).toMatch(/^https:\/\/trendbook\.example\.com\/reports\/[^/]+\/$/);
      expect(item.title).toBeTruthy();
      expect(item.contentSnippet ?? item.content).toBeTruthy();
      expect(Number.isNaN(Date.parse(item.pubDate ?? ''))).toBe(false);
    }
    expect(feed.items).toHaveLength(sources.length);
    const sitemap = readFileSync(join(out, 'sitemap-0.xml'), 'utf8');
    const pages = htmlFiles(join(out, 'reports'));
    expect(pages).toHaveLength(reportPages);
    for (const page of pages) {
      const path = page.slice(out.length).replace(/index\.html$/, '');
      expect(sitemap).toContain(`<loc>https://trendbook.example.com${path}</loc>`);
    }
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://trendbook.example.com/sitemap-index.xml',
    );
  });
});
