/**
 * JavaScript budgets, measured in Chromium as gzip bytes of the scripts a report
 * page actually runs: ≤ 15 KB on initial load, ≤ 75 KB after every chart has
 * been scrolled into view (chart.js included). Figures go to test-results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const INITIAL_BUDGET = 15 * 1024;
const TOTAL_BUDGET = 75 * 1024;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Records every script the page loads (files and inline), gzipped. */
async function trackScripts(page: Page) {
  const files = new Map<string, number>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    files.set(response.url(), gzipSync(body, { level: 9 }).length);
  });
  return {
    files,
    async inline() {
      const texts = await page.$$eval('script:not([src])', (scripts: HTMLScriptElement[]) =>
        scripts.filter((script) => !script.type || script.type === 'module' || script.type === 'text/javascript').map((script) => script.textContent ?? ''),
      );
      return texts.reduce((total, text) => total + gzipSync(text, { level: 9 }).length, 0);
    },
    total() {
      return [...files.values()].reduce((sum, size) => sum + size, 0);
    },
  };
}

describe('JavaScript budgets on a report page', () => {
  it(`loads at most ${INITIAL_BUDGET / 1024} KB up front and ${TOTAL_BUDGET / 1024} KB after every chart is drawn`, async () => {
    const home = await browser.newPage();
    await home.goto(`${baseUrl}/`);
    const path = await home.$eval('a[href^="/reports/"]', (link) => link.getAttribute('href')!);
    await home.close();

    const context = await browser.newContext({ viewport: { width: 390, height: 700 } });
    const page = await context.newPage();
    const scripts = await trackScripts(page);
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
    const firstChartTop = await page.$eval('figure[data-chart]', (figure) => figure.getBoundingClientRect().top);
    const initial = scripts.total() + (await scripts.inline());
    const initialFiles = [...scripts.files.keys()].map((url) => new URL(url).pathname);

    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y <= height; y += 500) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(50);
    }
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('figure[data-chart]')].every((figure) => figure.dataset.chartState === 'drawn'));
    await page.waitForLoadState('networkidle');
    const total = scripts.total() + (await scripts.inline());
    await context.close();

    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/js-budget.json', `${JSON.stringify({ path, initialBytes: initial, totalBytes: total, initialFiles, allFiles: Object.fromEntries(scripts.files) }, null, 2)}\n`);
    console.log(`JavaScript (gzip): ${(initial / 1024).toFixed(1)} KB up front, ${(total / 1024).toFixed(1)} KB after every chart is drawn (${path})`);

    // The runtime (and chart.js) must wait until a chart approaches the viewport (700 px + the 200 px margin).
    expect(firstChartTop, 'the first report should open with text, not a chart, for this measurement').toBeGreaterThan(700 + 200);
    expect(initialFiles.filter((file) => file.includes('chart-runtime')), 'chart runtime loaded before any chart was near').toEqual([]);
    expect(initial).toBeLessThanOrEqual(INITIAL_BUDGET);
    expect(total).toBeLessThanOrEqual(TOTAL_BUDGET);
  });
});
