/**
 * The sitemap's options for `@astrojs/sitemap`: which built pages it lists
 * (the pages worth finding, never drafts, embeds or the not-found page) and
 * each page's last-modified date, for a site at the root and under a path.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type SitemapSources, sitemapOptions, sitemapReports } from '../../../src/lib/build/sitemap.ts';

const SOURCES: SitemapSources = {
  reports: [
    { slug: 'q3', modified: new Date('2026-11-20T00:00:00Z'), draft: false },
    { slug: 'unfinished', modified: new Date('2026-12-01T00:00:00Z'), draft: true },
  ],
  views: ['cost-by-tier'],
};

/** Every page a build of SOURCES writes, and whether the sitemap lists it. */
const PAGES: [string, boolean][] = [
  ['', true],
  ['reports/q3/', true],
  ['reports/q3/charts/engagement/', true],
  ['explore/', true],
  ['explore/cost-by-tier/', true],
  ['reports/unfinished/', false],
  ['reports/unfinished/charts/engagement/', false],
  ['reports/q3/charts/', false],
  ['reports/q3/charts/engagement/more/', false],
  ['reports/q3x/', false],
  ['explore/not-a-view/', false],
  ['embed/q3/engagement/', false],
  ['404/', false],
  ['data/', false],
  ['methodology/', false],
  ['search/', false],
  ['tags/', false],
  ['tags/fixtures/', false],
];

describe('the pages the sitemap lists', () => {
  for (const site of ['https://example.com', 'https://example.com/blog/']) {
    it(`keeps home, reports, chart pages, the explorer and its views, and nothing else (${site})`, () => {
      const root = site.endsWith('/') ? site : `${site}/`;
      const { filter } = sitemapOptions(site, () => SOURCES);
      expect(PAGES).toHaveLength(18);
      expect(PAGES.map(([page]) => [page, filter!(`${root}${page}`)])).toEqual(PAGES);
    });
  }

  it('dates a report and its chart pages by the report, and the other pages not at all', () => {
    const { serialize } = sitemapOptions('https://example.com/blog/', () => SOURCES);
    const lastmod = (page: string) =>
      (serialize!({ url: `https://example.com/blog/${page}` }) as { lastmod?: string }).lastmod;
    expect(
      ['', 'reports/q3/', 'reports/q3/charts/engagement/', 'explore/', 'explore/cost-by-tier/'].map(lastmod),
    ).toEqual([undefined, '2026-11-20T00:00:00.000Z', '2026-11-20T00:00:00.000Z', undefined, undefined]);
  });

  it('reads the reports and views once, and only when the build is done', () => {
    let reads = 0;
    const { filter, serialize } = sitemapOptions('https://example.com', () => {
      reads += 1;
      return SOURCES;
    });
    expect(reads).toBe(0);
    filter!('https://example.com/');
    serialize!({ url: 'https://example.com/reports/q3/' });
    filter!('https://example.com/explore/');
    expect(reads).toBe(1);
  });
});

describe('the reports the sitemap dates', () => {
  const root = mkdtempSync(join(tmpdir(), 'trendbook-sitemap-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('takes the updated day, else the date, and marks drafts; skipped and broken files are left out', () => {
    const folder = join(root, 'content', 'reports');
    mkdirSync(folder, { recursive: true });
    const report = (fields: string) => `---\ntitle: A report\ndescription: What it shows.\n${fields}---\n\nBody.\n`;
    writeFileSync(
      join(folder, 'updated.md'),
      report('date: 2025-01-31\nupdated: 2025-03-01\nchanges: Fixed a number.\n'),
    );
    writeFileSync(join(folder, 'dated.md'), report('date: 2025-02-01\n'));
    writeFileSync(join(folder, 'draft.md'), report('date: 2025-02-02\ndraft: true\n'));
    writeFileSync(join(folder, '_skipped.md'), report('date: 2025-02-03\n'));
    writeFileSync(join(folder, 'broken.md'), 'no frontmatter\n');
    writeFileSync(join(folder, 'notes.txt'), 'not a report\n');
    expect(sitemapReports(root)).toEqual([
      { slug: 'dated', modified: new Date('2025-02-01T00:00:00Z'), draft: false },
      { slug: 'draft', modified: new Date('2025-02-02T00:00:00Z'), draft: true },
      { slug: 'updated', modified: new Date('2025-03-01T00:00:00Z'), draft: false },
    ]);
  });

  it('is empty for a site without a reports folder yet', () => {
    expect(sitemapReports(join(root, 'no-such-site'))).toEqual([]);
  });
});
