/**
 * A site published under a path keeps the path in every
 * address. The helpers, the URL setting that feeds them, and the renderings
 * that write links (chart figures, :stat links, _headers, cards' addresses).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { headersUnderBase } from '../../src/lib/build/headers-file.ts';
import { chartFigure } from '../../src/lib/chart/figure.ts';
import { ReportError } from '../../src/lib/errors.ts';
import { chartCardJob, figureDrawings, reportCardJob, siteCardJob } from '../../src/lib/images/image-jobs.ts';
import { loadSiteConfig } from '../../src/lib/load-site-config.ts';
import { SiteConfigSchema } from '../../src/lib/site-config.ts';
import { absoluteUrl, basePath, siteHref } from '../../src/lib/site-url.ts';
import { createReportProcessor } from '../../src/plugins/remark/processor.ts';
import { SITE } from '../../src/site.config.ts';
import { engagementSpec } from './chart/spec-fixtures.ts';

/** The URL the settings keep, or the problems they raise. */
function urlOf(url: string): string {
  try {
    return loadSiteConfig(SiteConfigSchema, { ...SITE, url }, 'src/site.config.ts').url;
  } catch (error) {
    if (error instanceof ReportError) return error.message;
    throw error;
  }
}

describe('site addresses', () => {
  it('find the path a site is published under, without a trailing slash', () => {
    expect(basePath('https://trends.example.com')).toBe('');
    expect(basePath('https://trends.example.com/')).toBe('');
    expect(basePath('https://example.com/blog')).toBe('/blog');
    expect(basePath('https://example.com/team/blog/')).toBe('/team/blog');
  });

  it('put the path before every page, file, query and fragment', () => {
    expect(siteHref('', '/reports/q3/')).toBe('/reports/q3/');
    expect(siteHref('/blog', '/reports/q3/#engagement')).toBe('/blog/reports/q3/#engagement');
    expect(siteHref('/blog', '/explore/?dataset=tiers')).toBe('/blog/explore/?dataset=tiers');
    expect(siteHref('/blog', '/')).toBe('/blog/');
    expect(absoluteUrl('https://example.com/blog', '/og/q3.png')).toBe('https://example.com/blog/og/q3.png');
    expect(absoluteUrl('https://trends.example.com', '/rss.xml')).toBe('https://trends.example.com/rss.xml');
    // What the old code did, and must not come back: new URL('/og/q3.png', 'https://example.com/blog') drops the path.
    expect(new URL('/og/q3.png', 'https://example.com/blog').href).toBe('https://example.com/og/q3.png');
  });

  it('refuse a path that is not a site path, which would leave the site', () => {
    expect(() => siteHref('/blog', 'reports/q3/')).toThrow(
      'Internal error: a site path starts with one "/", received "reports/q3/".',
    );
    expect(() => siteHref('/blog', '//evil.example/')).toThrow(
      'Internal error: a site path starts with one "/", received "//evil.example/".',
    );
  });
});

describe('the url setting', () => {
  it('keeps a path and drops a trailing slash, so https://example.com/blog/ and https://example.com/blog are one site', () => {
    expect(urlOf('https://example.com/blog/')).toBe('https://example.com/blog');
    expect(urlOf('https://example.com/blog')).toBe('https://example.com/blog');
    expect(urlOf('https://Example.COM/')).toBe('https://example.com');
    expect(urlOf('https://trendbook.example.com')).toBe('https://trendbook.example.com');
  });

  it('refuses a query or a fragment, which every page address would otherwise carry', () => {
    for (const url of ['https://example.com/blog?ref=home', 'https://example.com/blog#top', 'https://example.com/?']) {
      expect(urlOf(url)).toBe(
        `src/site.config.ts:1:1: "url": expected the address the site is published at, without "?" or "#" (such as https://example.com/blog). Received ${JSON.stringify(url)}. Correct "url" (docs/authoring.md lists the allowed values). [TB200]\n1 problem found.`,
      );
    }
  });
});

describe('renderings under a path', () => {
  const spec = engagementSpec();

  it('a chart figure links its permalink, chart page, downloads and explorer view under the path', () => {
    const html = toHtml(chartFigure(spec, 'q3', '/blog', figureDrawings(spec)));
    const links = [...html.matchAll(/ (?:href|src|srcset)="([^"#][^"]*)"/g)].map((match) => match[1]!);
    // Six links (the drawings are in the page, not linked).
    expect(links).toHaveLength(6);
    for (const link of links) expect(link).toMatch(/^\/blog\/(reports|downloads|explore)\//);
    expect(html).toContain(`href="/blog/reports/q3/#${spec.id}"`);
    expect(html).toContain(`href="/blog/downloads/q3/${spec.id}.csv"`);
  });

  it('a :stat links to the dataset under the path', async () => {
    const root = mkdtempSync(join(tmpdir(), 'trendbook-site-url-'));
    try {
      mkdirSync(join(root, 'data'));
      writeFileSync(join(root, 'data/eng.csv'), 'year,tier,rate\n2016,micro,3.5\n');
      const file = new VFile({
        value: 'Micro: :stat{dataset="eng" y="rate" where="tier=micro year=2016"}.',
        path: join(root, 'content/reports/q3.md'),
      });
      const config = { ...SITE, url: 'https://example.com/blog' };
      const html = String(await createReportProcessor({ root, config }).process(file));
      expect(html).toContain('<a href="/blog/data/#dataset-eng">Dataset: eng</a>');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('cards print the address under the path', () => {
    const site = { ...SITE, url: 'https://example.com/blog' };
    const card = chartCardJob('q3', spec, site);
    expect(card.kind === 'chart-card' && card.credit).toBe(
      `Trendbook · example.com/blog/reports/q3/charts/${spec.id}/`,
    );
    const report = reportCardJob({ slug: 'q3', title: 'Q3', description: 'Q3.' }, site);
    expect(report.kind === 'report-card' && report.card.address).toBe('example.com/blog/reports/q3/');
    const home = siteCardJob(undefined, site);
    expect(home.kind === 'report-card' && home.card.address).toBe('example.com/blog');
  });

  it('_headers rules get the path; comments and headers stay', () => {
    const text =
      '# Headers\n/*\n  X-Content-Type-Options: nosniff\n/embed/*\n  Content-Security-Policy: frame-ancestors *\n';
    expect(headersUnderBase(text, '/blog')).toBe(
      '# Headers\n/blog/*\n  X-Content-Type-Options: nosniff\n/blog/embed/*\n  Content-Security-Policy: frame-ancestors *\n',
    );
    expect(headersUnderBase(text, '')).toBe(text);
  });
});
