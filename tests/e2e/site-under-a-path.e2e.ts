/**
 * In Chromium: the fixture site built for
 * `https://reports.example.org/blog` and served under `/blog/` (nothing at the
 * host's root) draws its charts, loads the explorer's data and finds reports in
 * search, with no failed request and no console error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';

const temp = mkdtempSync(join(tmpdir(), 'trendbook-e2e-base-'));
let browser: Browser;
let server: Server;
let site = '';

beforeAll(async () => {
  const out = join(temp, 'dist');
  const build = spawnSync(process.execPath, [resolve('scripts/build.ts')], {
    env: {
      ...process.env,
      TRENDBOOK_SITE: resolve('tests/fixtures/site'),
      TRENDBOOK_OUT: out,
      TRENDBOOK_URL: 'https://reports.example.org/blog',
    },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`The fixture site did not build under /blog/:\n${build.stderr}`);
  const served = await serveStatic(out, '127.0.0.1', '/blog');
  server = served.server;
  site = `${served.url}/blog`;
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  rmSync(temp, { recursive: true, force: true });
});

/** Opens a page that records console errors, page errors and every failed or refused request. */
async function open(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  return { page, problems };
}

describe('a site served under /blog/', () => {
  it('draws a report’s charts, with its styles, fonts and scripts loaded from under the path', async () => {
    const { page, problems } = await open();
    await page.goto(`${site}/`);
    const report = await page.$eval('.report-list h2 a', (link) => link.getAttribute('href')!);
    expect(report).toBe('/blog/reports/creators/');
    await page.goto(`http://${new URL(site).host}${report}`);
    const figures = await page.locator('figure[data-chart]').count();
    expect(figures).toBe(2);
    for (let index = 0; index < figures; index++) {
      const figure = page.locator('figure[data-chart]').nth(index);
      await figure.scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (element) => element?.getAttribute('data-chart-state') === 'drawn',
        await figure.elementHandle(),
        { timeout: 20_000 },
      );
    }
    // The site's stylesheet applied: the skip link is moved out of sight.
    expect(await page.$eval('.skip-link', (link) => getComputedStyle(link).position)).not.toBe('static');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('loads the explorer’s catalog and data from under the path and draws', async () => {
    const { page, problems } = await open();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/explore/')) requests.push(new URL(request.url()).pathname);
    });
    await page.goto(`${site}/explore/`);
    await page.waitForSelector('[data-explore][data-explore-state="drawn"]', { timeout: 20_000 });
    expect(requests).toContain('/blog/explore/catalog.json');
    expect(requests.filter((path) => /^\/blog\/explore\/data\/[^/]+\.json$/.test(path)).length).toBeGreaterThan(0);
    expect(await page.$$eval('[data-explore-table] tbody tr', (rows) => rows.length)).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds a report in search and links to it under the path', async () => {
    const { page, problems } = await open();
    await page.goto(`${site}/search/?q=${encodeURIComponent('engagement')}`);
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] a').length > 0, undefined, {
      timeout: 20_000,
    });
    const links = await page.$$eval('[data-search-results] a', (anchors) =>
      anchors.map((anchor) => anchor.getAttribute('href')),
    );
    expect(links.length).toBeGreaterThan(0);
    // The report, and the sections and charts that matched in it, all under the path.
    for (const link of links) expect(link).toMatch(/^\/blog\/reports\/[^/]+\/(#[a-z0-9-]+)?$/);
    expect(links.some((link) => /^\/blog\/reports\/[^/]+\/$/.test(link ?? ''))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
