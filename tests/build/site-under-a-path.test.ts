/**
 * A site published under a path (a GitHub Pages project
 * site, `https://reports.example.org/blog`) keeps that path in every link,
 * asset, canonical URL, card, feed, sitemap, oEmbed answer and embed code, and
 * has no broken link when it is served there.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeadersFile } from '../../scripts/lib/static-server.ts';
import { checkLinks, htmlFiles } from './link-check.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'trendbook-base-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const SITE = 'https://reports.example.org/blog';

describe('a site published under /blog/', () => {
  const out = join(temp, 'dist');
  let build: SpawnSyncReturns<string>;
  let pages: string[] = [];
  beforeAll(() => {
    // Written with a trailing slash, as GitHub shows a project site's address: it is the same site.
    build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        TRENDBOOK_SITE: join(ROOT, 'tests/fixtures/site'),
        TRENDBOOK_OUT: out,
        TRENDBOOK_URL: `${SITE}/`,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      encoding: 'utf8',
    });
    pages = build.status === 0 ? [...htmlFiles(out), join(out, '404.html')] : [];
  });
  /** A built file's text. */
  const read = (path: string) => readFileSync(join(out, path), 'utf8');
  /** The file a URL of the site names, or why it names none. */
  const fileOf = (url: string) => {
    if (!url.startsWith(`${SITE}/`)) return `${url} is not under ${SITE}/`;
    const path = new URL(url).pathname.slice('/blog'.length);
    return existsSync(join(out, path, path.endsWith('/') ? 'index.html' : '')) ? 'a file' : `${url} names no file`;
  };

  it('builds', () => {
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

  it('starts every link, image, script, style and form of every page with /blog/, and every address of the site with its URL', () => {
    const outside: string[] = [];
    let count = 0;
    for (const page of pages) {
      visit(fromHtml(readFileSync(page, 'utf8')), 'element', (element) => {
        for (const name of ['href', 'src', 'srcSet', 'action', 'content', 'dataUrl'] as const) {
          const value = element.properties[name];
          if (typeof value !== 'string') continue;
          for (const candidate of name === 'srcSet'
            ? value.split(',').map((part) => part.trim().split(' ')[0]!)
            : [value]) {
            if (candidate.startsWith('/') || candidate.startsWith('https://reports.example.org')) count++;
            if (
              (candidate.startsWith('/') && !candidate.startsWith('/blog/')) ||
              (candidate.startsWith('https://reports.example.org') && !candidate.startsWith(`${SITE}/`))
            ) {
              outside.push(`${page.slice(out.length)} <${element.tagName} ${name}="${candidate}">`);
            }
          }
        }
      });
    }
    expect(pages.length).toBeGreaterThan(10);
    expect(count).toBeGreaterThan(200);
    expect(outside).toEqual([]);
    // Astro's own bundles load fonts and chunks under the path too.
    const assets = readdirSync(join(out, '_astro')).filter((name) => /\.(css|js)$/.test(name));
    expect(assets.length).toBeGreaterThan(2);
    for (const name of assets) expect(read(`_astro/${name}`).match(/url\(\/(?!blog\/)[^)]*\)/g), name).toBeNull();
  });

  it('gives report and chart pages canonical, og:url, og:image, twitter:image and JSON-LD addresses under the path, naming files that exist', () => {
    const checked = [
      { page: 'reports/creators/', card: 'og/creators.png' },
      { page: 'reports/creators/charts/engagement-by-tier/', card: 'og/creators/engagement-by-tier.png' },
    ];
    for (const { page, card } of checked) {
      const meta = new Map<string, string>();
      let canonical = '';
      let jsonLd: {
        mainEntityOfPage?: string;
        url?: string;
        image?: string;
        distribution?: { contentUrl?: string }[];
      } = {};
      visit(fromHtml(read(`${page}index.html`)), 'element', (element) => {
        const { properties } = element;
        if (element.tagName === 'meta')
          meta.set(String(properties.property ?? properties.name), String(properties.content));
        if (element.tagName === 'link' && String(properties.rel) === 'canonical') canonical = String(properties.href);
        if (element.tagName === 'script' && properties.type === 'application/ld+json')
          jsonLd = JSON.parse(element.children.map((child) => ('value' in child ? child.value : '')).join(''));
      });
      expect([canonical, meta.get('og:url')], page).toEqual([`${SITE}/${page}`, `${SITE}/${page}`]);
      expect([meta.get('og:image'), meta.get('twitter:image')], page).toEqual([`${SITE}/${card}`, `${SITE}/${card}`]);
      expect(fileOf(meta.get('og:image')!), page).toBe('a file');
      expect(jsonLd.mainEntityOfPage ?? jsonLd.url, page).toBe(`${SITE}/${page}`);
    }
  });

  it('writes the path into the feed, the sitemap and robots.txt', () => {
    const rss = read('rss.xml');
    const links = [...rss.matchAll(/<link>([^<]*)<\/link>/g)].map((match) => match[1]);
    expect(links).toEqual([`${SITE}/`, `${SITE}/reports/creators/`, `${SITE}/reports/hostile/`]);
    expect(rss).toContain(`<atom:link href="${SITE}/rss.xml" rel="self"`);
    expect(read('sitemap-index.xml')).toContain(`<loc>${SITE}/sitemap-0.xml</loc>`);
    const locs = [...read('sitemap-0.xml').matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]!);
    expect(locs.length).toBeGreaterThan(5);
    for (const loc of locs) expect(fileOf(loc), loc).toBe('a file');
    expect(read('robots.txt')).toBe(
      `User-agent: *\nAllow: /blog/\nDisallow: /blog/embed/\n\nSitemap: ${SITE}/sitemap-index.xml\n`,
    );
  });

  it('embeds and unfurls charts from under the path: oEmbed discovery and answer, embed code, share links', () => {
    const chartPage = read('reports/creators/charts/engagement-by-tier/index.html');
    expect(chartPage).toContain(
      `<link rel="alternate" type="application/json+oembed" href="${SITE}/oembed/creators/engagement-by-tier.json"`,
    );
    const oembed = JSON.parse(read('oembed/creators/engagement-by-tier.json'));
    expect(oembed.provider_url).toBe(`${SITE}/`);
    expect(oembed.thumbnail_url).toBe(`${SITE}/og/creators/engagement-by-tier.png`);
    const embedSrc = `${SITE}/embed/creators/engagement-by-tier/`;
    expect(oembed.html).toContain(`<iframe src="${embedSrc}"`);
    expect(chartPage).toContain(`&lt;iframe src=&quot;${embedSrc}&quot;`);
    expect(fileOf(embedSrc)).toBe('a file');
    expect(chartPage).toContain(
      `href="https://twitter.com/intent/tweet?text=Average+engagement+by+tier&amp;url=${encodeURIComponent(`${SITE}/reports/creators/charts/engagement-by-tier/`)}`,
    );
    // The embed's own link back to the chart page.
    expect(read('embed/creators/engagement-by-tier/index.html')).toContain(
      `href="${SITE}/reports/creators/charts/engagement-by-tier/"`,
    );
  });

  it('gives _headers rules the path, so framing and caching rules match the pages a host serves there', () => {
    const paths = read('_headers')
      .split('\n')
      .filter((line) => line.startsWith('/'));
    expect(paths.length).toBeGreaterThan(5);
    for (const path of paths) expect(path, 'every rule is under /blog/').toMatch(/^\/blog\//);
    const rules = parseHeadersFile(read('_headers'));
    const framing = (path: string) =>
      rules
        .filter((rule) => rule.path.test(path))
        .flatMap((rule) => rule.headers)
        .filter(([name, value]) => name === 'Content-Security-Policy' && value.startsWith('frame-ancestors'));
    expect(framing('/blog/embed/creators/engagement-by-tier/')).toEqual([
      ['Content-Security-Policy', 'frame-ancestors *'],
    ]);
    expect(framing('/blog/reports/creators/')).toEqual([['Content-Security-Policy', "frame-ancestors 'none'"]]);
  });

  it('has no broken internal link or #anchor when served under /blog/', () => {
    const { checked, broken } = checkLinks(out, '/blog');
    expect(checked).toBeGreaterThan(50);
    expect(broken).toEqual([]);
  });
});
