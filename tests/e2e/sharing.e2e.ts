import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const SHOTS = 'test-results/screenshots';
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function firstChartPage(): Promise<string> {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/`);
  const report = await page.$eval('a[href^="/reports/"]', (link) => link.getAttribute('href')!);
  await page.goto(`${baseUrl}${report}`);
  const chart = await page.$eval('.chart__links a[href*="/charts/"]', (link) => link.getAttribute('href')!);
  await page.close();
  return chart;
}

describe('a chart page', () => {
  it('unfurls as its chart: its own card, title, description and oEmbed discovery', async () => {
    const path = await firstChartPage();
    const page = await browser.newPage();
    const response = await page.goto(`${baseUrl}${path}`);
    expect(response?.status()).toBe(200);
    const meta = await page.evaluate(() => {
      const content = (selector: string) => document.querySelector(selector)?.getAttribute('content') ?? document.querySelector(selector)?.getAttribute('href');
      return {
        image: content('meta[property="og:image"]'),
        card: content('meta[name="twitter:card"]'),
        site: content('meta[name="twitter:site"]'),
        title: content('meta[property="og:title"]'),
        oembed: content('link[type="application/json+oembed"]'),
        canonical: content('link[rel="canonical"]'),
      };
    });
    await page.close();
    const id = path.split('/').filter(Boolean).at(-1)!;
    expect(meta.image).toMatch(new RegExp(`^https://[^/]+/og/[^/]+/${id}\\.png$`));
    expect(meta.card).toBe('summary_large_image');
    expect(meta.site).toBe('@trendbook');
    expect(meta.oembed).toMatch(new RegExp(`/oembed/[^/]+/${id}\\.json$`));
    expect(meta.canonical).toMatch(new RegExp(`${path}$`));
    const card = await fetch(`${baseUrl}${new URL(meta.image!).pathname}`);
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toBe('image/png');
    const oembed = (await (await fetch(`${baseUrl}${new URL(meta.oembed!).pathname}`)).json()) as Record<string, unknown>;
    expect(oembed).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Trendbook', width: 800, height: 520 });
    expect(String(oembed.html)).toMatch(/^<iframe src="https:\/\/[^"]+\/embed\/[^"]+\/" title="[^"]+" /);
  });

  it('copies its link and says so', async () => {
    const path = await firstChartPage();
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${path}`);
    await page.click('[data-share-copy]');
    await expect.poll(() => page.textContent('[data-share-status]')).toBe('Link copied to the clipboard.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    await context.close();
    expect(copied).toMatch(new RegExp(`^https://[^/]+${path}$`));
  });
});

describe('an embedded chart', () => {
  it('draws inside an iframe at phone and desktop sizes, in both colour schemes, with no errors', async () => {
    const path = await firstChartPage();
    const [, , slug, , id] = path.split('/');
    for (const [width, height, dark] of [
      [320, 240, true],
      [800, 500, false],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: width + 40, height: height + 40 }, colorScheme: dark ? 'dark' : 'light' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      // The snippet readers copy, pointed at the local server and sized for this case.
      const oembed = (await (await fetch(`${baseUrl}/oembed/${slug}/${id}.json`)).json()) as { html: string };
      const snippet = oembed.html
        .replace(/src="https:\/\/[^/]+/, `src="${baseUrl}`)
        .replace('width="100%"', `width="${width}"`)
        .replace(/height="\d+"/, `height="${height}"`);
      await page.setContent(`<!doctype html><body style="margin:20px">${snippet}</body>`);
      const frame = page.frameLocator('iframe');
      await frame.locator('figure[data-chart][data-chart-state="drawn"]').waitFor({ timeout: 15_000 });
      const canvas = await frame.locator('canvas').boundingBox();
      await page.screenshot({ path: `${SHOTS}/embed-${width}-${dark ? 'dark' : 'light'}.png` });
      const credits = await frame.locator('.embed__credit a').count();
      await context.close();
      expect(credits).toBe(1);
      // The chart fills most of the frame, whatever its size.
      expect(canvas!.height).toBeGreaterThan(height * 0.45);
      expect(canvas!.width).toBeGreaterThan(width * 0.8);
      expect(errors).toEqual([]);
    }
  });
});
