/**
 * The tier explorer in Chromium: a report chart's "Open in explorer" link
 * restores its view; unticking a series redraws and rewrites the address;
 * reloading restores it; hostile parameters are inert; a phone can use it; no
 * console errors.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a page that records console errors, page errors and dialogs. */
async function open(width = 1280): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, problems };
}

const drawn = (page: Page) => page.waitForSelector('[data-explore][data-explore-state="drawn"]');
const headers = (page: Page) =>
  page.$$eval('[data-explore-table] thead th', (cells) => cells.map((cell) => cell.textContent));

describe('the explorer', () => {
  it('opens from a report chart with that chart’s view, redraws on a change, and restores it on reload', async () => {
    const { page, problems } = await open();
    await page.goto(`${baseUrl}/`);
    const report = await page.$eval('a[href^="/reports/"]', (link) => link.getAttribute('href')!);
    await page.goto(`${baseUrl}${report}`);
    const link = await page.$eval(
      'figure[data-chart] .chart__links a[href^="/explore/"]',
      (anchor) => anchor.getAttribute('href')!,
    );
    const chartHeaders = await page.locator('figure[data-chart]').first().locator('thead th').allTextContents();
    const wanted = new URLSearchParams(link.split('?')[1]);

    await page.goto(`${baseUrl}${link}`);
    await drawn(page);
    expect(await page.inputValue('[data-control="dataset"]')).toBe(wanted.get('dataset'));
    expect(await page.inputValue('[data-control="y"]')).toBe(wanted.get('y'));
    // The same series in the same order as the report's chart.
    const before = await headers(page);
    expect(before).toEqual(chartHeaders);
    expect(await page.isVisible('[data-explore-notice]')).toBe(false);

    // Untick the second series: the chart, the table and the address change at once.
    const boxes = page.locator('[data-control="series"] input[type="checkbox"]');
    const second = await boxes.nth(1).getAttribute('value');
    await boxes.nth(1).uncheck();
    await page.waitForFunction(
      (value) =>
        !new URLSearchParams(location.search).get('series')?.split(',').includes(value!) &&
        new URLSearchParams(location.search).has('series'),
      second,
    );
    const after = await headers(page);
    expect(after).toHaveLength(before.length - 1);
    const address = page.url();

    await page.reload();
    await drawn(page);
    expect(page.url()).toBe(address);
    expect(await boxes.nth(1).isChecked()).toBe(false);
    expect(await headers(page)).toEqual(after);
    expect(problems).toEqual([]);
  });

  it('keeps hostile parameters inert and says which were ignored, as text', async () => {
    const { page, problems } = await open();
    const query =
      '?dataset=<img src=x onerror=alert(1)>&y=</script><svg onload=alert(1)>&__proto__[x]=1&constructor[prototype][x]=1&series=__proto__&from=%E0%A4%A&type=javascript:alert(1)';
    await page.goto(`${baseUrl}/explore/${query}`);
    await drawn(page);
    const notice = await page.textContent('[data-explore-notice]');
    expect(notice).toContain('There is no dataset "<img src=x onerror=alert(1)>"');
    expect(await page.$$('img[src="x"], svg[onload]')).toEqual([]);
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).x)).toBeUndefined();
    // The address is rewritten to the view actually shown.
    expect(new URL(page.url()).search).not.toContain('onerror');
    expect(problems).toEqual([]);
  });

  it('opens a view named in the config on its own page, with its own social card', async () => {
    const { page, problems } = await open();
    await page.goto(`${baseUrl}/explore/`);
    const view = await page.$eval('.explore__views a', (link) => link.getAttribute('href')!);
    await page.goto(`${baseUrl}${view}`);
    await drawn(page);
    expect(await page.getAttribute('meta[property="og:image"]', 'content')).toMatch(
      new RegExp(`/og${view.replace(/\/$/, '')}\\.png$`),
    );
    const query = new URLSearchParams(new URL(page.url()).search);
    expect(await page.inputValue('[data-control="dataset"]')).toBe(query.get('dataset'));
    const ticked = await page.$$eval('[data-control="series"] input:checked', (inputs) =>
      inputs.map((input) => (input as HTMLInputElement).value),
    );
    expect(ticked.join(',')).toBe(query.get('series') ?? ticked.join(','));
    expect(await headers(page)).toHaveLength(ticked.length + 1);
    expect(problems).toEqual([]);
  });

  it('fits a 390 px phone and works from the keyboard', async () => {
    const { page, problems } = await open(390);
    await page.goto(`${baseUrl}/explore/`);
    await drawn(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.focus('[data-control="dataset"]');
    const measures = await page.$$eval('[data-control="y"] option', (options) =>
      options.map((option) => (option as HTMLOptionElement).value),
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-control'))).toBe('y');
    if (measures.length > 1) {
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction((y) => new URLSearchParams(location.search).get('y') === y, measures[1]);
    }
    expect(problems).toEqual([]);
  });
});
