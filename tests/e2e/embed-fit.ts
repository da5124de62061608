/**
 * Whether each embed fits the frame it is given: at 320 × 520, 600 × 520, 1280 × 520 and 320 × 240, with
 * JavaScript and without (the static drawing), the page never scrolls (scrollHeight within the frame), and
 * the title, the chart, the source line, the note on illustrative values (where the chart has any) and the
 * credit linking back all lie inside the frame. With JavaScript, the chart is also redrawn at the frame's size
 * when the frame is resized. Used by sharing.e2e.ts (the example site) and kinds.e2e.ts (the chart-kinds site).
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The frame sizes an embed must fit: the embed code's height at a phone's, a column's and a desktop's width, and the smallest frame. */
const EMBED_FRAMES = [
  { width: 320, height: 520 },
  { width: 600, height: 520 },
  { width: 1280, height: 520 },
  { width: 320, height: 240 },
] as const;

/** The least height the chart keeps in the smallest frame (CSS pixels). */
const MIN_CHART = 72;

/** What an embed shows at one frame size, measured in the page. */
interface Fit {
  scrollHeight: number;
  scrollWidth: number;
  innerHeight: number;
  innerWidth: number;
  illustrativeValues: number;
  /** Top and bottom of each part, or null when the page lacks it. */
  parts: Record<'title' | 'chart' | 'source' | 'illustrative' | 'credit', [number, number] | null>;
  /** The drawn canvases' heights against their boxes' (chart.js redraws at the size of the box that holds it). */
  canvases: { drawn: number; box: number }[];
}

function measure(page: Page): Promise<Fit> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const box = (selector: string): [number, number] | null => {
      const element = document.querySelector(selector);
      if (!element) return null;
      const rect = element.getBoundingClientRect();
      return [rect.top, rect.bottom];
    };
    const spec = JSON.parse(document.querySelector('script.chart__spec')?.textContent ?? '{}') as {
      counts?: { illustrative?: number };
    };
    return {
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
      illustrativeValues: spec.counts?.illustrative ?? 0,
      parts: {
        title: box('.chart__title'),
        chart: box('.chart__frame'),
        source: box('.chart__caption'),
        illustrative: box('.chart__caption .chart__illustrative'),
        credit: box('.embed__credit a'),
      },
      canvases: [...document.querySelectorAll('.chart__frame canvas')].map((canvas) => ({
        drawn: (canvas as HTMLCanvasElement).height / window.devicePixelRatio,
        box: canvas.parentElement!.clientHeight,
      })),
    };
  });
}

/** Checks one measurement: nothing scrolls, every part is inside the frame, the chart keeps some height. */
function checkFit(fit: Fit, where: string, drawn: boolean): void {
  expect.soft(fit.innerHeight, `${where} viewport`).toBeGreaterThan(0);
  expect.soft(fit.scrollHeight, `${where} document height within the frame`).toBeLessThanOrEqual(fit.innerHeight);
  expect.soft(fit.scrollWidth, `${where} document width within the frame`).toBeLessThanOrEqual(fit.innerWidth);
  const inside = (part: keyof Fit['parts']) => {
    const span = fit.parts[part];
    expect.soft(span, `${where} has its ${part}`).not.toBeNull();
    if (!span) return;
    expect.soft(span[0], `${where} ${part} starts inside the frame`).toBeGreaterThanOrEqual(0);
    expect.soft(span[1], `${where} ${part} ends inside the frame`).toBeLessThanOrEqual(fit.innerHeight + 0.5);
  };
  inside('title');
  inside('chart');
  inside('source');
  inside('credit');
  if (fit.illustrativeValues > 0) inside('illustrative');
  else expect.soft(fit.parts.illustrative, `${where} names no illustrative values`).toBeNull();
  const chart = fit.parts.chart;
  if (chart) expect.soft(chart[1] - chart[0], `${where} chart height`).toBeGreaterThanOrEqual(MIN_CHART);
  if (drawn) {
    expect.soft(fit.canvases.length, `${where} canvases`).toBeGreaterThan(0);
    for (const canvas of fit.canvases)
      expect.soft(Math.abs(canvas.drawn - canvas.box), `${where} canvas drawn at its box's height`).toBeLessThan(2);
  }
}

/**
 * Opens every embed at every frame size, with and without JavaScript, and checks that it fits; with JavaScript it
 * is then resized through the other sizes, and must fit and redraw at each.
 * @param browser The browser.
 * @param site The site's address.
 * @param paths The embeds (`/embed/<slug>/<id>/`), from the reports' sources: the caller checks their count.
 */
export async function checkEmbedsFit(browser: Browser, site: string, paths: string[]): Promise<void> {
  let checked = 0;
  for (const javaScriptEnabled of [true, false]) {
    for (const frame of EMBED_FRAMES) {
      const context = await browser.newContext({ viewport: frame, javaScriptEnabled, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const path of paths) {
        const where = `${path} at ${frame.width}×${frame.height}${javaScriptEnabled ? '' : ' without JavaScript'}`;
        const response = await page.goto(`${site}${path}`, { waitUntil: 'load' });
        expect(response?.status(), where).toBe(200);
        if (javaScriptEnabled)
          await page.locator('figure[data-chart][data-chart-state="drawn"]').waitFor({ timeout: 20_000 });
        checkFit(await measure(page), where, javaScriptEnabled);
        checked++;
      }
      await context.close();
    }
  }
  // A frame resized by its host page: the chart follows, and the page still fits.
  const context = await browser.newContext({ viewport: EMBED_FRAMES[2], deviceScaleFactor: 1 });
  const page = await context.newPage();
  for (const path of paths) {
    await page.setViewportSize(EMBED_FRAMES[2]);
    await page.goto(`${site}${path}`, { waitUntil: 'load' });
    await page.locator('figure[data-chart][data-chart-state="drawn"]').waitFor({ timeout: 20_000 });
    for (const frame of [EMBED_FRAMES[3], EMBED_FRAMES[0], EMBED_FRAMES[1]]) {
      await page.setViewportSize(frame);
      const where = `${path} resized to ${frame.width}×${frame.height}`;
      // The resize event (which places the panels of small multiples) comes with the next frame; chart.js redraws
      // on its resize observer, a frame or two later.
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined)))),
      );
      await expect
        .poll(async () => (await measure(page)).canvases.every((canvas) => Math.abs(canvas.drawn - canvas.box) < 2), {
          timeout: 5_000,
        })
        .toBe(true);
      checkFit(await measure(page), where, true);
      checked++;
    }
  }
  await context.close();
  expect(checked).toBe(paths.length * (EMBED_FRAMES.length * 2 + 3));
}
