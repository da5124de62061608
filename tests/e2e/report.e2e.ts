import { mkdirSync, writeFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { IMAGE_SIZES } from '../../src/lib/chart/figure-image-sizes.ts';
import { publishedSources, SITE_DIRS } from '../site-sources.ts';
import { openPage } from './open-page.ts';

const sites = inject('sites');
const SHOTS = 'test-results/screenshots';
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a page of a site (see open-page.ts). */
function open(path: string, options: { width: number; dark?: boolean; site: string }) {
  return openPage(browser, `${options.site}${path}`, { width: options.width, scheme: options.dark ? 'dark' : 'light' });
}

/** Scrolls to the bottom in viewport steps, as a reader would. */
async function scrollThrough(page: Page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(60);
  }
}

/** Share of pixels that differ clearly (by more than a quarter of the range in a channel) between two screenshots. */
async function differingShare(a: Buffer, b: Buffer): Promise<number> {
  const pixels = async (png: Buffer) => {
    const image = await loadImage(png);
    const canvas = createCanvas(image.width, image.height);
    canvas.getContext('2d').drawImage(image, 0, 0);
    return {
      data: canvas.getContext('2d').getImageData(0, 0, image.width, image.height).data,
      count: image.width * image.height,
    };
  };
  const [first, second] = [await pixels(a), await pixels(b)];
  if (first.count !== second.count) return 1;
  let differing = 0;
  for (let index = 0; index < first.data.length; index += 4) {
    const channels = [0, 1, 2].map((channel) => Math.abs(first.data[index + channel]! - second.data[index + channel]!));
    if (Math.max(...channels) > 64) differing++;
  }
  return differing / first.count;
}

/** Share of a canvas's pixels that are not transparent: > 0 when something was drawn. */
function paintedShare(page: Page, chartId: string) {
  return page.evaluate((id) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`figure[id="${id}"] canvas`);
    if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let index = 3; index < data.length; index += 4) if (data[index]! > 0) painted++;
    return painted / (data.length / 4);
  }, chartId);
}

/** The charts each published report of a site has, by path, from the site's sources. */
function chartsByPath(site: string): Map<string, number> {
  const sources = publishedSources(SITE_DIRS[sites.indexOf(site)]!);
  return new Map(sources.map((source) => [`/reports/${source.slug}/`, source.charts]));
}

/** The report pages the home page links to; every published report must be among them. */
async function reportPaths(site: string): Promise<string[]> {
  const { page, close } = await open('/', { width: 1280, site });
  const paths = await page.$$eval('a[href^="/reports/"]', (links) => [
    ...new Set(links.map((link) => link.getAttribute('href')!)),
  ]);
  await close();
  // Cards also link to a chart inside its report (`/reports/x/#chart`), which is the same page.
  expect([...new Set(paths.map((path) => path.split('#')[0]!))].sort(), site).toEqual(
    [...chartsByPath(site).keys()].sort(),
  );
  return paths;
}

describe.each(
  sites.map((site, index) => ({ site, name: index === 0 ? 'the example site' : 'a site no one on the team wrote' })),
)('$name', ({ site }) => {
  it('has a home page linking to its reports, without errors', async () => {
    const { page, errors, close } = await open('/', { width: 390, site });
    const links = await page.$$eval('a[href^="/reports/"]', (found) => found.length);
    await page.screenshot({ path: `${SHOTS}/home-390-light-${new URL(site).port}.png`, fullPage: true });
    await close();
    expect(links).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  for (const [width, dark] of [
    [1280, false],
    [390, false],
    [1280, true],
    [390, true],
  ] as const) {
    it(`paints every chart at ${width} px in ${dark ? 'dark' : 'light'} mode, with no console errors`, async () => {
      const paths = await reportPaths(site);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        const { page, errors, close } = await open(path, { width, dark, site });
        const ids = await page.$$eval('figure[data-chart]', (figures) => figures.map((figure) => figure.id));
        expect(ids, `${path} has its charts`).toHaveLength(chartsByPath(site).get(path.split('#')[0]!)!);
        expect(ids.length, `${path} has charts`).toBeGreaterThan(0);
        await scrollThrough(page);
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll<HTMLElement>('figure[data-chart]')].every(
              (figure) => figure.dataset.chartState === 'drawn',
            ),
          undefined,
          { timeout: 15_000 },
        );
        for (const id of ids) {
          expect(await paintedShare(page, id), `${path}#${id} painted`).toBeGreaterThan(0.01);
        }
        const name = path.split('/').filter(Boolean).join('-');
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: `${SHOTS}/${name}-${width}-${dark ? 'dark' : 'light'}.png`, fullPage: true });
        // Nothing overflows sideways on a phone.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} horizontal overflow`).toBe(0);
        await close();
        expect(errors, path).toEqual([]);
      }
    });
  }

  it('keeps a chart readable after the window is resized', async () => {
    const [path] = await reportPaths(site);
    const { page, errors, close } = await open(path!, { width: 1280, site });
    await scrollThrough(page);
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('figure[data-chart]')?.dataset.chartState === 'drawn',
    );
    await page.setViewportSize({ width: 390, height: 800 });
    await page.waitForTimeout(300);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(300);
    const height = await page.$eval('figure[data-chart] canvas', (canvas) => canvas.getBoundingClientRect().height);
    await close();
    expect(height).toBeGreaterThan(200);
    expect(errors).toEqual([]);
  });

  it('draws each static drawing as its canvas draws the chart, in a frame of the drawing’s size, with no layout shift', async () => {
    const [path] = await reportPaths(site);
    const charts = chartsByPath(site).get(path!)!;
    expect(charts).toBeGreaterThan(0);
    for (const [width, dark] of [
      [1280, false],
      [390, true],
    ] as const) {
      const { page, errors, close } = await open(path!, { width, dark, site });
      // Shifts of anything in a chart's figure: the canvas taking over from the drawing must move nothing.
      // (Shifts elsewhere, such as a web font arriving late, are not the figure's doing.)
      await page.evaluate(() => {
        (window as unknown as { shifts: number }).shifts = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as {
            value: number;
            sources: { node?: Node | null }[];
          }[]) {
            const inFigure = entry.sources.some((source) =>
              source.node instanceof Element ? source.node.closest('figure.chart') !== null : false,
            );
            if (inFigure) (window as unknown as { shifts: number }).shifts += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await scrollThrough(page);
      await page.waitForFunction(
        (count) => document.querySelectorAll('figure[data-chart][data-chart-state="drawn"]').length === count,
        charts,
      );
      const size = IMAGE_SIZES[width === 390 ? 'narrow' : 'wide'];
      const frames = await page.$$eval('figure[data-chart] .chart__frame', (found) =>
        found.map((frame) => ({ width: frame.clientWidth, height: frame.clientHeight })),
      );
      expect(frames).toEqual(Array.from({ length: charts }, () => size));
      // The same frame with the canvas, then with the drawing it replaced: they may differ only in anti-aliasing.
      const differences: number[] = [];
      for (let index = 0; index < charts; index++) {
        const frame = page.locator('figure[data-chart] .chart__frame').nth(index);
        await frame.scrollIntoViewIfNeeded();
        const canvas = await frame.screenshot();
        await frame.evaluate((element) => {
          element.closest('figure')!.dataset.chartState = 'static';
        });
        const drawing = await frame.screenshot();
        await frame.evaluate((element) => {
          element.closest('figure')!.dataset.chartState = 'drawn';
        });
        differences.push(await differingShare(canvas, drawing));
        const name = `${SHOTS}/drawing-and-canvas-${new URL(site).port}-${width}-${index}`;
        writeFileSync(`${name}-canvas.png`, canvas);
        writeFileSync(`${name}-drawing.png`, drawing);
      }
      const shifts = await page.evaluate(() => (window as unknown as { shifts: number }).shifts);
      await close();
      for (const share of differences) expect(share).toBeLessThan(0.005);
      expect(shifts).toBe(0);
      expect(errors).toEqual([]);
    }
  });

  it('shows every chart as a drawing with its data table when JavaScript is off, for the width and scheme', async () => {
    const [path] = await reportPaths(site);
    for (const [width, dark] of [
      [390, true],
      [1280, false],
    ] as const) {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width, height: 900 },
        colorScheme: dark ? 'dark' : 'light',
      });
      const page = await context.newPage();
      await page.goto(`${site}${path}`, { waitUntil: 'load' });
      // Each figure shows one of its two drawings: the phone's at 390 px, the wide one at 1280.
      const images = await page.$$eval('figure[data-chart] .chart__image', (found) =>
        found.map((image) => {
          const shown = [...image.querySelectorAll('svg.chart__drawing')].filter(
            (drawing) => getComputedStyle(drawing).display !== 'none',
          );
          return {
            shown: shown.length,
            layout: shown[0]?.classList.contains('chart__drawing--narrow') ? 'narrow' : 'wide',
            visible: (shown[0]?.getBoundingClientRect().height ?? 0) > 100,
            texts: shown[0]?.querySelectorAll('text').length ?? 0,
            textColours: [
              ...new Set([...(shown[0]?.querySelectorAll('text') ?? [])].map((text) => getComputedStyle(text).fill)),
            ],
            label: shown[0]?.getAttribute('aria-label') ?? '',
          };
        }),
      );
      const tables = await page.$$eval('figure[data-chart] table', (found) => found.length);
      await page.screenshot({
        path: `${SHOTS}/no-js-${path!.split('/').filter(Boolean).join('-')}-${width}-${dark ? 'dark' : 'light'}.png`,
        fullPage: true,
      });
      await context.close();
      expect(images).toHaveLength(chartsByPath(site).get(path!.split('#')[0]!)!);
      expect(images.length).toBeGreaterThan(0);
      expect(tables).toBe(images.length);
      for (const image of images) {
        expect(image).toMatchObject({ shown: 1, layout: width === 390 ? 'narrow' : 'wide', visible: true });
        // Legend, ticks and axis titles are text, in the page's colours for its scheme (ticks and titles muted).
        expect(image.texts).toBeGreaterThan(5);
        expect(image.textColours).toContain(dark ? 'rgb(214, 211, 209)' : 'rgb(87, 83, 78)');
        const otherScheme = dark
          ? ['rgb(87, 83, 78)', 'rgb(28, 25, 23)']
          : ['rgb(214, 211, 209)', 'rgb(245, 245, 244)'];
        for (const colour of otherScheme) expect(image.textColours).not.toContain(colour);
        expect(image.label).toMatch(/^(Line|Area|Bar|Horizontal bar|Range|Slope) chart of |^(Dot|Scatter) plot of /);
      }
    }
  });
});
