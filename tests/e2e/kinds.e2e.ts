/**
 * In Chromium: a site no one on the team wrote (`tests/fixtures/site-kinds`, a fictional cycling
 * report) that uses every chart kind (line, area, bar, hbar, dot, range, slope, scatter), every option
 * (stack, scale, xscale, sort, facet, y2, name) and every annotation (mark, band, ref, label). Built
 * here with scripts/build.ts and served as a static host would. For each report, at 1280 and 390 px,
 * light and dark: every `::chart` in the Markdown becomes a figure that draws, paints its canvas,
 * keeps its static SVG drawing, its data table and a description; axe finds no violations; and a
 * full-page screenshot goes to `test-results/kinds/`. Every chart page and embed paints at 390 px, and every
 * embed fits its frame (embed-fit.ts): small multiples and charts with a row per category too.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { checkEmbedsFit } from './embed-fit.ts';
import { openPage } from './open-page.ts';

const SITE_DIR = resolve('tests/fixtures/site-kinds');
const SHOTS = 'test-results/kinds';
/**
 * The fixture's reports, read from its folder: `every-kind` (every kind, option and annotation but `facet`) and
 * `small-multiples` (the `facet` charts), which waits in `tests/fixtures/site-kinds/facet/` while the build
 * refuses `facet=`, and is tested here as soon as it is moved into `content/reports/`.
 */
const REPORTS = readdirSync(join(SITE_DIR, 'content/reports'))
  .filter((file) => /^[a-z0-9-]+\.md$/.test(file))
  .map((file) => file.slice(0, -3))
  .sort();
const WIDTHS = [1280, 390] as const;
const SCHEMES = ['light', 'dark'] as const;

/** A `::chart` directive as written in a report: its id and its `type` (line when none is given). */
interface SourceChart {
  id: string;
  type: string;
  line: number;
}

/**
 * The `::chart` directives of a report, read from its Markdown: lines that start with `::chart{` outside the
 * frontmatter and outside fenced code. Every directive in this fixture names its `#id`, so a figure that is
 * missing, extra or renamed fails by name, and a selector that stops matching cannot turn a loop into nothing.
 * @param slug The report's file name without `.md`.
 */
function chartsInSource(slug: string): SourceChart[] {
  const lines = readFileSync(join(SITE_DIR, 'content/reports', `${slug}.md`), 'utf8').split(/\r?\n/);
  const charts: SourceChart[] = [];
  let fence: string | undefined;
  let inFrontmatter = lines[0] === '---';
  lines.forEach((text, index) => {
    if (inFrontmatter) {
      if (index > 0 && text === '---') inFrontmatter = false;
      return;
    }
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (marker) {
      if (fence === undefined) fence = marker;
      else if (marker.startsWith(fence)) fence = undefined;
      return;
    }
    if (fence !== undefined || !text.startsWith('::chart{')) return;
    const id = /^::chart\{#([a-z0-9-]+)/.exec(text)?.[1];
    if (!id) throw new Error(`${slug}.md:${index + 1}: every chart in this fixture names its #id first`);
    charts.push({ id, type: /\btype="([a-z]+)"/.exec(text)?.[1] ?? 'line', line: index + 1 });
  });
  return charts;
}

const SOURCES: Record<string, SourceChart[]> = Object.fromEntries(REPORTS.map((slug) => [slug, chartsInSource(slug)]));

const temp = mkdtempSync(join(tmpdir(), 'trendbook-e2e-kinds-'));
let browser: Browser;
let server: Server | undefined;
let site = '';
/** What each figure looked like, per report, width and scheme: written to test-results/kinds/figures.json. */
const observed: Record<string, unknown> = {};

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const out = join(temp, 'dist');
  const build = spawnSync(process.execPath, [resolve('scripts/build.ts')], {
    env: { ...process.env, TRENDBOOK_SITE: SITE_DIR, TRENDBOOK_OUT: out },
    encoding: 'utf8',
    timeout: 540_000,
  });
  if (build.status !== 0)
    throw new Error(`The chart-kinds fixture did not build:\n${build.stderr}\n${build.stdout.slice(-4000)}`);
  const served = await serveStatic(out);
  server = served.server;
  site = served.url;
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  writeFileSync(`${SHOTS}/figures.json`, `${JSON.stringify(observed, null, 2)}\n`);
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  rmSync(temp, { recursive: true, force: true });
});

/** Opens a page of the fixture site (see open-page.ts); it must answer 200. */
async function open(path: string, options: { width: number; scheme: 'light' | 'dark' }) {
  const opened = await openPage(browser, `${site}${path}`, options);
  expect(opened.status, path).toBe(200);
  return opened;
}

/** Scrolls each figure into view in turn and waits until it is drawn. */
async function drawEveryFigure(page: Page, label: string) {
  const count = await page.locator('figure[data-chart]').count();
  for (let index = 0; index < count; index++) {
    const figure = page.locator('figure[data-chart]').nth(index);
    await figure.scrollIntoViewIfNeeded();
    const handle = await figure.elementHandle();
    await page
      .waitForFunction((element) => element?.getAttribute('data-chart-state') === 'drawn', handle, { timeout: 20_000 })
      .catch(async () => {
        const state = await figure.getAttribute('data-chart-state');
        const id = await figure.getAttribute('id');
        throw new Error(`${label}: #${id} was not drawn within 20 s (data-chart-state="${state}")`);
      });
  }
}

/** What a figure shows once drawn: its canvases' pixels, its static drawings, its table and its descriptions. */
interface FigureReport {
  id: string;
  state: string | null;
  canvases: {
    width: number;
    height: number;
    painted: number;
    ink: number;
    colour: number;
    label: string;
    hidden: boolean;
  }[];
  drawings: { label: string; texts: number; layout: string }[];
  tableRows: number;
  tableHeaders: string[];
}

/**
 * Reads every figure of the page. `painted` is the share of canvas pixels that are not transparent; `ink` the
 * share that differ clearly from the page behind the canvas (composited over it); `colour` the share of clearly
 * coloured pixels (series colours, not grey axes and text).
 */
function readFigures(page: Page): Promise<FigureReport[]> {
  return page.evaluate(() => {
    const parse = (text: string): [number, number, number] | undefined => {
      const numbers = /rgba?\(([^)]+)\)/
        .exec(text)?.[1]
        ?.split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      if (!numbers || numbers.length < 3) return undefined;
      if (numbers.length >= 4 && numbers[3] === 0) return undefined;
      return [numbers[0]!, numbers[1]!, numbers[2]!];
    };
    const backgroundOf = (element: Element): [number, number, number] => {
      for (let node: Element | null = element; node; node = node.parentElement) {
        const colour = parse(getComputedStyle(node).backgroundColor);
        if (colour) return colour;
      }
      return matchMedia('(prefers-color-scheme: dark)').matches ? [0, 0, 0] : [255, 255, 255];
    };
    return [...document.querySelectorAll<HTMLElement>('figure[data-chart]')].map((figure) => {
      const canvases = [...figure.querySelectorAll('canvas')].map((canvas) => {
        const result = {
          width: canvas.width,
          height: canvas.height,
          painted: 0,
          ink: 0,
          colour: 0,
          label: canvas.getAttribute('aria-label') ?? '',
          hidden: canvas.getAttribute('aria-hidden') === 'true',
        };
        if (canvas.width === 0 || canvas.height === 0) return result;
        const [br, bg, bb] = backgroundOf(canvas);
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        let ink = 0;
        let colour = 0;
        for (let index = 0; index < data.length; index += 4) {
          const alpha = data[index + 3]! / 255;
          if (alpha === 0) continue;
          painted++;
          const r = data[index]! * alpha + br * (1 - alpha);
          const g = data[index + 1]! * alpha + bg * (1 - alpha);
          const b = data[index + 2]! * alpha + bb * (1 - alpha);
          if (Math.max(Math.abs(r - br), Math.abs(g - bg), Math.abs(b - bb)) > 40) ink++;
          if (Math.max(r, g, b) - Math.min(r, g, b) > 60) colour++;
        }
        const pixels = data.length / 4;
        return { ...result, painted: painted / pixels, ink: ink / pixels, colour: colour / pixels };
      });
      const drawings = [...figure.querySelectorAll('.chart__image svg.chart__drawing')].map((svg) => ({
        label: svg.getAttribute('aria-label') ?? '',
        texts: svg.querySelectorAll('text').length,
        layout: [...svg.classList].find((name) => name.startsWith('chart__drawing--')) ?? '',
      }));
      return {
        id: figure.id,
        state: figure.getAttribute('data-chart-state'),
        canvases,
        drawings,
        tableRows: figure.querySelectorAll('table tbody tr').length,
        tableHeaders: [...figure.querySelectorAll('table thead th')].map((cell) => cell.textContent ?? ''),
      };
    });
  });
}

/** Checks one drawn figure: a painted canvas with a description, its static drawings and its table. */
function checkFigure(figure: FigureReport, where: string) {
  const at = `${where} #${figure.id}`;
  expect.soft(figure.state, `${at} state`).toBe('drawn');
  expect.soft(figure.canvases.length, `${at} has a canvas`).toBeGreaterThan(0);
  figure.canvases.forEach((canvas, index) => {
    const which = `${at} canvas ${index + 1} of ${figure.canvases.length}`;
    expect.soft(canvas.width * canvas.height, `${which} has a size`).toBeGreaterThan(0);
    expect.soft(canvas.painted, `${which} painted`).toBeGreaterThan(0.01);
    expect.soft(canvas.ink, `${which} has pixels that differ from the background`).toBeGreaterThan(0.005);
    expect.soft(canvas.colour, `${which} has coloured (series) pixels`).toBeGreaterThan(0.0003);
    // The first canvas describes the whole figure; the other panels of small multiples are hidden from
    // assistive technology, which hears every panel in that one description.
    if (index === 0) expect.soft(canvas.label.trim(), `${which} aria-label`).not.toBe('');
    else expect.soft(canvas.hidden, `${which} aria-hidden`).toBe(true);
  });
  expect.soft(figure.drawings.length, `${at} keeps its static SVG drawings`).toBeGreaterThan(0);
  for (const drawing of figure.drawings) {
    expect.soft(drawing.label.trim(), `${at} ${drawing.layout} aria-label`).not.toBe('');
    expect.soft(drawing.texts, `${at} ${drawing.layout} has text`).toBeGreaterThan(0);
  }
  expect.soft(figure.tableRows, `${at} has a data table with rows`).toBeGreaterThan(0);
}

describe('a site that uses every chart kind, option and annotation', () => {
  it('has the charts this test expects, read from the Markdown', () => {
    expect(REPORTS).toContain('every-kind');
    for (const slug of REPORTS) expect(SOURCES[slug]!.length, `${slug}.md has charts`).toBeGreaterThan(0);
    const types = new Set(SOURCES['every-kind']!.map((chart) => chart.type));
    for (const type of ['line', 'area', 'bar', 'hbar', 'dot', 'range', 'slope', 'scatter'])
      expect(types, `every-kind.md uses type="${type}"`).toContain(type);
  });

  it('fits every embed in its frame, from 320 × 240 up, with the source line and the note on illustrative values in view', {
    timeout: 300_000,
  }, async () => {
    const paths = REPORTS.flatMap((slug) => SOURCES[slug]!.map(({ id }) => `/embed/${slug}/${id}/`));
    // Both reports, every chart: 14 of every kind and 4 small multiples when this was written.
    expect(paths.length).toBe(Object.values(SOURCES).reduce((sum, charts) => sum + charts.length, 0));
    expect(paths.length).toBeGreaterThanOrEqual(18);
    await checkEmbedsFit(browser, site, paths);
  });

  for (const slug of REPORTS) {
    for (const width of WIDTHS) {
      for (const scheme of SCHEMES) {
        it(`/reports/${slug}/ draws every chart at ${width} px, ${scheme}, with no axe violations`, {
          timeout: 240_000,
        }, async () => {
          const where = `${slug} ${width} ${scheme}`;
          const { page, errors, close } = await open(`/reports/${slug}/`, { width, scheme });
          const expected = SOURCES[slug]!;
          const ids = await page.$$eval('figure[data-chart]', (figures) => figures.map((figure) => figure.id));
          expect(ids, `${where}: one figure per ::chart, in order`).toEqual(expected.map((chart) => chart.id));
          await drawEveryFigure(page, where);
          const figures = await readFigures(page);
          expect(figures).toHaveLength(expected.length);
          observed[`${slug}-${width}-${scheme}`] = figures;
          for (const figure of figures) checkFigure(figure, where);
          // Nothing overflows sideways.
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect.soft(overflow, `${where} horizontal overflow`).toBe(0);
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({ path: `${SHOTS}/${slug}-${width}-${scheme}.png`, fullPage: true });
          const results = await new AxeBuilder({ page }).analyze();
          const violations = results.violations.map(
            (violation) =>
              `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
                .map((node) => node.target.join(' '))
                .slice(0, 5)
                .join(', ')}`,
          );
          await close();
          expect.soft(violations, `${where} axe`).toEqual([]);
          expect.soft(errors, `${where} console and network`).toEqual([]);
        });
      }
    }

    it(`paints each chart of /reports/${slug}/ on its chart page and in its embed at 390 px`, {
      timeout: 300_000,
    }, async () => {
      const expected = SOURCES[slug]!;
      expect(expected.length).toBeGreaterThan(0);
      for (const { id } of expected) {
        for (const path of [`/reports/${slug}/charts/${id}/`, `/embed/${slug}/${id}/`]) {
          const { page, errors, close } = await open(path, { width: 390, scheme: 'light' });
          const count = await page.locator('figure[data-chart]').count();
          expect.soft(count, `${path} has one chart`).toBe(1);
          if (count > 0) {
            await drawEveryFigure(page, path);
            const [figure] = await readFigures(page);
            observed[path] = figure;
            checkFigure(figure!, path);
          }
          if (path.startsWith('/embed/')) {
            await page.screenshot({ path: `${SHOTS}/embed-${slug}-${id}-390.png` });
          }
          await close();
          expect.soft(errors, `${path} console and network`).toEqual([]);
        }
      }
    });
  }
});
