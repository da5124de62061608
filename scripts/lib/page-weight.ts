/**
 * What a reader downloads for one page, measured in Chromium on a 390 px phone
 * viewport: HTML, CSS, JavaScript (files and inline scripts) and fetched data
 * as gzip bytes (what a host sends compressed), images and fonts as their bytes;
 * once on load and again after scrolling through every chart. `npm run bench`
 * and the budget browser test both measure with it.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveStatic } from './static-server.ts';

/** Bytes per kind of resource. */
export interface Weight {
  html: number;
  /** JSON fetched by scripts (the explorer's catalog and rows), gzip. */
  data: number;
  css: number;
  /** Script files and inline scripts, gzip. */
  js: number;
  images: number;
  fonts: number;
}

/** A page's weight on load and once every chart is drawn. */
export interface PageWeight {
  initial: Weight;
  total: Weight;
  /** Paths of the script files loaded on load. */
  initialScripts: string[];
  /** Every script file loaded by the end, with its gzip bytes. */
  scripts: Record<string, number>;
  /** Where the first chart's top was on load, in CSS pixels (undefined on a page without charts). */
  firstChartTop: number | undefined;
}

const KIND: Record<string, keyof Weight> = {
  document: 'html',
  stylesheet: 'css',
  script: 'js',
  image: 'images',
  font: 'fonts',
  fetch: 'data',
  xhr: 'data',
};
const gzipBytes = (body: Buffer | string) => gzipSync(body, { level: 9 }).length;

/**
 * Measures a page of a site that is already served, in a browser that is already running.
 * @param browser The browser (a new context is opened and closed).
 * @param url The page's full URL.
 */
export async function measurePage(browser: Browser, url: string): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 390, height: 700 } });
  try {
    const page = await context.newPage();
    const seen = new Map<string, { kind: keyof Weight; bytes: number }>();
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      const kind = KIND[response.request().resourceType()];
      if (!kind) return;
      pending.push(
        response
          .body()
          .then(
            (body) =>
              void seen.set(response.url(), {
                kind,
                bytes: kind === 'images' || kind === 'fonts' ? body.length : gzipBytes(body),
              }),
          )
          .catch(() => undefined),
      );
    });
    const inlineScripts = async () => {
      const texts = await page.$$eval('script:not([src])', (scripts: HTMLScriptElement[]) =>
        scripts
          .filter((script) => !script.type || script.type === 'module' || script.type === 'text/javascript')
          .map((script) => script.textContent ?? ''),
      );
      return texts.reduce((total, text) => total + gzipBytes(text), 0);
    };
    const sum = async (): Promise<Weight> => {
      await Promise.all(pending);
      const weight: Weight = { html: 0, data: 0, css: 0, js: await inlineScripts(), images: 0, fonts: 0 };
      for (const { kind, bytes } of seen.values()) weight[kind] += bytes;
      return weight;
    };
    const scriptFiles = () => [...seen].filter(([, entry]) => entry.kind === 'js');
    await page.goto(url, { waitUntil: 'networkidle' });
    if (new URL(url).pathname.includes('/explore/'))
      await page.waitForSelector('[data-explore][data-explore-state="drawn"]');
    const firstChartTop = await page
      .$eval('figure[data-chart]', (figure) => figure.getBoundingClientRect().top)
      .catch(() => undefined);
    const initial = await sum();
    const initialScripts = scriptFiles().map(([file]) => new URL(file).pathname);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y <= height; y += 500) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(50);
    }
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement>('figure[data-chart]')].every(
        (figure) => figure.dataset.chartState === 'drawn',
      ),
    );
    await page.waitForLoadState('networkidle');
    const total = await sum();
    return {
      initial,
      total,
      initialScripts,
      scripts: Object.fromEntries(scriptFiles().map(([file, entry]) => [file, entry.bytes])),
      firstChartTop,
    };
  } finally {
    await context.close();
  }
}

/**
 * Serves a built site, measures one of its pages and stops again.
 * @param outDir The built site.
 * @param path The page's path.
 */
export async function measurePageWeight(outDir: string, path: string): Promise<PageWeight> {
  const { server, url } = await serveStatic(outDir);
  const browser = await launchBrowser();
  try {
    return await measurePage(browser, `${url}${path}`);
  } finally {
    await browser.close();
    server.close();
  }
}
