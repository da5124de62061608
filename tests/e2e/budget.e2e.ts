/**
 * JavaScript budgets, measured in Chromium as gzip bytes of the scripts a report
 * page actually runs, with the same measurer and budgets as `npm run bench`
 * (scripts/lib/page-weight.ts, scripts/lib/budgets.ts): at most 15 KB on initial
 * load and 75 KB after every chart has been scrolled into view (chart.js
 * included). Figures go to test-results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { BUDGETS } from '../../scripts/lib/budgets.ts';
import { measurePage } from '../../scripts/lib/page-weight.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('JavaScript budgets on a report page', () => {
  it(`loads at most ${BUDGETS.reportInitialJs / 1024} KB up front and ${BUDGETS.reportTotalJs / 1024} KB after every chart is drawn`, async () => {
    const home = await browser.newPage();
    await home.goto(`${baseUrl}/`);
    const path = await home.$eval('a[href^="/reports/"]', (link) => link.getAttribute('href')!);
    await home.close();

    const weight = await measurePage(browser, `${baseUrl}${path}`);
    const initial = weight.initial.js;
    const total = weight.total.js;

    mkdirSync('test-results', { recursive: true });
    const figures = {
      path,
      initialBytes: initial,
      totalBytes: total,
      initialFiles: weight.initialScripts,
      allFiles: weight.scripts,
    };
    writeFileSync('test-results/js-budget.json', `${JSON.stringify(figures, null, 2)}\n`);
    console.log(
      `JavaScript (gzip): ${(initial / 1024).toFixed(1)} KB up front, ${(total / 1024).toFixed(1)} KB after every chart is drawn (${path})`,
    );

    // The runtime (and chart.js) must wait until a chart approaches the viewport (700 px + the 200 px margin).
    expect(
      weight.firstChartTop,
      'the first report should open with text, not a chart, for this measurement',
    ).toBeGreaterThan(700 + 200);
    expect(
      weight.initialScripts.filter((file) => file.includes('chart-runtime')),
      'chart runtime loaded before any chart was near',
    ).toEqual([]);
    expect(initial).toBeLessThanOrEqual(BUDGETS.reportInitialJs);
    expect(total).toBeLessThanOrEqual(BUDGETS.reportTotalJs);
  });
});
