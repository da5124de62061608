/**
 * In Chromium: what a reader of a shared link sees, on the example site and on a second fixture report written
 * to show each fault an editor found (`tests/fixtures/site-review`: a refuted figure listed first, a title too
 * long for a card, a chart of eight series named by ids, a long dataset name).
 * - A chart's page opens on its chart, under one title, in the first screen of a phone (390×844).
 * - Key figures, stat workings and chart summaries speak in readers' words: no `col=value`, no `data/….csv`,
 *   no snake_case ids.
 * - A report's card shows the figure its author marked `card: true`, never simply the first.
 * - No text on a card or on a chart that travels alone is cut with "…".
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Element } from 'hast';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { sourceLine } from '../../src/lib/chart/source-line.ts';
import { checkProject } from '../../src/lib/check/check-project.ts';
import { framedChartSvg } from '../../src/lib/images/render-chart-svg.ts';
import { SITE } from '../../src/site.config.ts';
import { openPage } from './open-page.ts';

const REVIEW_DIR = resolve('tests/fixtures/site-review');

/** Each site with what its Markdown says it holds, so no loop below can pass by finding nothing. */
interface SiteUnderTest {
  name: string;
  dir: string;
  url: string;
  reports: { slug: string; charts: string[]; stats: number; figures: number; cardFigure: string }[];
}

/** A report's chart ids, `:stat` count and key figure count, read from its Markdown. */
function readReport(dir: string, slug: string, cardFigure: string): SiteUnderTest['reports'][number] {
  const text = readFileSync(join(dir, 'content/reports', `${slug}.md`), 'utf8');
  const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  return {
    slug,
    charts: [...body.matchAll(/^::chart\{#([a-z0-9-]+)/gm)].map((match) => match[1]!),
    stats: [...body.matchAll(/:stat[[{]/g)].length,
    figures: [...frontmatter.matchAll(/^ {2}- label:/gm)].length,
    cardFigure,
  };
}

const temp = mkdtempSync(join(tmpdir(), 'trendbook-e2e-readers-'));
let browser: Browser;
let server: Server | undefined;
const sites: SiteUnderTest[] = [];

beforeAll(async () => {
  const out = join(temp, 'dist');
  const build = spawnSync(process.execPath, [resolve('scripts/build.ts')], {
    env: { ...process.env, TRENDBOOK_SITE: REVIEW_DIR, TRENDBOOK_OUT: out },
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (build.status !== 0) throw new Error(`The review fixture did not build:\n${build.stderr}`);
  const served = await serveStatic(out);
  server = served.server;
  sites.push(
    {
      name: 'example',
      dir: resolve('.'),
      url: inject('baseUrl'),
      reports: [readReport(resolve('.'), 'micro-influencers-revisited', '43%')],
    },
    {
      name: 'review fixture',
      dir: REVIEW_DIR,
      url: served.url,
      reports: [readReport(REVIEW_DIR, 'what-the-panels-show', '150%')],
    },
  );
  browser = await launchBrowser();
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  rmSync(temp, { recursive: true, force: true });
});

/** What no reader should have to decode. */
const INTERNALS = [/=/, /data\/[^\s]*\.csv/, /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/];

function expectReaderWords(texts: string[], where: string): void {
  for (const text of texts) for (const pattern of INTERNALS) expect(text, `${where}: "${text}"`).not.toMatch(pattern);
}

describe('what readers see', () => {
  it('knows what each site holds', () => {
    expect(sites.map((site) => site.reports.map((report) => [report.charts.length, report.figures]))).toEqual([
      [[4, 3]],
      [[2, 2]],
    ]);
  });

  it('a chart’s page opens on the chart, under one title, in the first screen of a phone', async () => {
    let pages = 0;
    for (const site of sites)
      for (const report of site.reports)
        for (const id of report.charts) {
          for (const scheme of ['light', 'dark'] as const) {
            const path = `/reports/${report.slug}/charts/${id}/`;
            const { page, errors, close } = await openPage(browser, `${site.url}${path}`, { width: 390, scheme });
            await page.setViewportSize({ width: 390, height: 844 });
            const title = (await page.locator('h1').textContent())?.trim();
            expect(await page.locator('h1').count(), path).toBe(1);
            // The title once: the figure is labelled by the page's heading, not by a second title line.
            expect(await page.locator('.chart__title').count(), path).toBe(0);
            expect(await page.locator('figure[data-chart]').getAttribute('aria-labelledby'), path).toBe(`${id}-title`);
            expect(await page.locator(`#${id}-title`).textContent(), path).toBe(title);
            const frame = (await page.locator('figure[data-chart] .chart__frame').boundingBox())!;
            // Its top in the upper 60% of the screen, and at least 200 px of it showing.
            expect(frame.y, `${path}: the chart starts ${Math.round(frame.y)} px down`).toBeLessThan(844 * 0.6);
            expect(Math.min(frame.y + frame.height, 844) - frame.y, path).toBeGreaterThanOrEqual(200);
            // One sentence after the chart, in words.
            const summary = (await page.locator('.chart-page__summary').textContent())!.trim();
            expect(summary.split(/[.;]\s+(?=[A-Z])/).length, `${path}: "${summary}"`).toBe(1);
            const summaryBox = (await page.locator('.chart-page__summary').boundingBox())!;
            expect(summaryBox.y, path).toBeGreaterThan(frame.y + frame.height);
            expectReaderWords([summary], path);
            expect(errors, path).toEqual([]);
            pages++;
            await close();
          }
        }
    expect(pages).toBe(2 * (4 + 2));
  });

  it('an explorer view’s page says its chart in one sentence above it, not its whole description', async () => {
    const views = [...readFileSync('content/views.yml', 'utf8').matchAll(/^\s*- id: ([a-z0-9-]+)/gm)].map((m) => m[1]!);
    expect(views.length).toBeGreaterThanOrEqual(2);
    for (const view of views) {
      const { page, close } = await openPage(browser, `${sites[0]!.url}/explore/${view}/`, {
        width: 390,
        scheme: 'light',
      });
      const lede = (await page.locator('article > .lede').textContent())!.trim();
      expect(lede.split(/[.;]\s+(?=[A-Z])/).length, `${view}: "${lede}"`).toBe(1);
      expectReaderWords([lede], view);
      await close();
    }
  });

  it('key figures and stat workings speak in readers’ words and link to the dataset', async () => {
    let checked = 0;
    for (const site of sites)
      for (const report of site.reports) {
        const { page, close } = await openPage(browser, `${site.url}/reports/${report.slug}/`, {
          width: 1280,
          scheme: 'light',
        });
        const figures = await page.locator('.key-figures__working').allTextContents();
        const workings = await page.locator('.stat__working').allTextContents();
        const titles = await page
          .locator('[data-stat][title]')
          .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('title') ?? ''));
        expect(figures, report.slug).toHaveLength(report.figures);
        expect(workings.length + titles.length, report.slug).toBe(report.stats);
        expectReaderWords([...figures, ...workings, ...titles], `${site.name} ${report.slug}`);
        const links = await page
          .locator('.key-figures__working a')
          .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''));
        expect(links, report.slug).toHaveLength(report.figures);
        for (const link of links) expect(link).toMatch(/^\/data\/#dataset-[a-z0-9_-]+$/);
        checked += figures.length + workings.length;
        await close();
      }
    expect(checked).toBeGreaterThan(10);
  });

  it('search excerpts quote the report’s sentences, not the workings of its stats', async () => {
    const { page, close } = await openPage(browser, `${sites[0]!.url}/search/?q=nano`, { width: 390, scheme: 'light' });
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] a').length > 0, undefined, {
      timeout: 20_000,
    });
    const text = (await page.locator('[data-search-results]').textContent()) ?? '';
    expect(text).toMatch(/nano/i);
    expect(text).not.toMatch(/Source: |Dataset: |See the chart/);
    await close();
  });

  it('a report’s card on the home page shows the figure marked card: true, not the first', async () => {
    for (const site of sites) {
      const { page, close } = await openPage(browser, `${site.url}/`, { width: 1280, scheme: 'light' });
      const shown = await page.locator('.report-card__figure strong').allTextContents();
      expect(shown, site.name).toEqual(site.reports.map((report) => report.cardFigure));
      await close();
    }
  });

  it('no text on a card or on a chart that travels alone is cut with "…"', async () => {
    for (const site of sites) {
      // The check warns (TB154) about any card text that would need more lines than the card has.
      const checked = await checkProject(site.dir, SITE, true);
      expect(checked.problems, site.name).toEqual([]);
      const specs = checked.reports.flatMap((report) => report.charts);
      expect(specs.length, site.name).toBe(site.reports.reduce((sum, report) => sum + report.charts.length, 0));
      for (const spec of specs)
        for (const size of [
          { width: 1200, height: 630, fontSize: 16 },
          { width: 1200, height: 675, fontSize: 15 },
        ]) {
          const drawing = framedChartSvg(
            spec,
            { title: spec.title, source: sourceLine(spec), credit: 'Trendbook' },
            size,
          );
          expect(textsOf(drawing).join(' '), spec.id).not.toContain('…');
        }
    }
  });
});

function textsOf(root: Element): string[] {
  const texts: string[] = [];
  const visit = (node: Element) => {
    if (node.tagName === 'text')
      texts.push(node.children.map((child) => ('value' in child ? child.value : '')).join(''));
    for (const child of node.children) if (child.type === 'element') visit(child);
  };
  visit(root);
  return texts;
}

// The fixture's reports are the ones named above: a report added there must be added here too.
it('names every report of the review fixture', () => {
  expect(readdirSync(join(REVIEW_DIR, 'content/reports')).sort()).toEqual(['what-the-panels-show.md']);
});
