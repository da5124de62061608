/**
 * What a reader downloads for one page, measured in Chromium: HTML, CSS and
 * JavaScript as gzip bytes (what a host sends compressed), images and fonts as
 * their bytes; once on load and again after scrolling through every chart.
 */
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../../tests/e2e/browser.ts';
import { serveStatic } from '../../tests/e2e/static-server.ts';

/** Bytes per kind of resource. */
export interface Weight {
  html: number;
  /** JSON fetched by scripts (the explorer's catalog and rows), gzip. */
  data: number;
  css: number;
  js: number;
  images: number;
  fonts: number;
}

const KIND: Record<string, keyof Weight> = { document: 'html', stylesheet: 'css', script: 'js', image: 'images', font: 'fonts', fetch: 'data', xhr: 'data' };

/**
 * Measures a page of a built site on a 390 px phone viewport.
 * @param outDir The built site.
 * @param path The page's path.
 */
export async function measurePageWeight(outDir: string, path: string): Promise<{ initial: Weight; total: Weight }> {
  const { server, url } = await serveStatic(outDir);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 700 } });
    const page = await context.newPage();
    const seen = new Map<string, { kind: keyof Weight; bytes: number }>();
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      const kind = KIND[response.request().resourceType()];
      if (!kind) return;
      pending.push(
        response
          .body()
          .then((body) => void seen.set(response.url(), { kind, bytes: kind === 'images' || kind === 'fonts' ? body.length : gzipSync(body, { level: 9 }).length }))
          .catch(() => undefined),
      );
    });
    const sum = async (): Promise<Weight> => {
      await Promise.all(pending);
      const weight: Weight = { html: 0, data: 0, css: 0, js: 0, images: 0, fonts: 0 };
      for (const { kind, bytes } of seen.values()) weight[kind] += bytes;
      return weight;
    };
    await page.goto(`${url}${path}`, { waitUntil: 'networkidle' });
    if (path.startsWith('/explore/')) await page.waitForSelector('[data-explore][data-explore-state="drawn"]');
    const initial = await sum();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y <= height; y += 500) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(50);
    }
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('figure[data-chart]')].every((figure) => figure.dataset.chartState === 'drawn'));
    await page.waitForLoadState('networkidle');
    const total = await sum();
    await context.close();
    return { initial, total };
  } finally {
    await browser.close();
    server.close();
  }
}
