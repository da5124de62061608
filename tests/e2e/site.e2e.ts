/**
 * The site around the reports, in Chromium: tag pages list their reports, the
 * datasets catalogue offers every dataset's CSV, printing keeps every chart as
 * its image and drops the controls, and phones never scroll sideways.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { IMAGE_SIZES } from '../../src/lib/chart/figure-image-sizes.ts';
import { publishedSources, SITE_DIRS } from '../site-sources.ts';

const sites = inject('sites');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the site around the reports', () => {
  it('lists each report on the page of each of its tags', async () => {
    expect(sites).toHaveLength(SITE_DIRS.length);
    for (const [index, site] of sites.entries()) {
      const sources = publishedSources(SITE_DIRS[index]!);
      const page = await browser.newPage();
      await page.goto(`${site}/`);
      const reports = await page.$$eval('.report-list h2 a', (links) => [
        ...new Set(links.map((link) => link.getAttribute('href')!)),
      ]);
      expect(reports.sort(), site).toEqual(sources.map((source) => `/reports/${source.slug}/`).sort());
      for (const report of reports) {
        await page.goto(`${site}${report}`);
        const tags = await page.$$eval('.report-header .tags a', (links) =>
          links.map((link) => link.getAttribute('href')!),
        );
        const expected = sources.find((source) => report === `/reports/${source.slug}/`)!.tags;
        expect(tags, report).toHaveLength(expected.length);
        expect(tags.length, `${report} has tags to follow`).toBeGreaterThan(0);
        for (const tag of tags) {
          const response = await page.goto(`${site}${tag}`);
          expect(response?.status(), tag).toBe(200);
          expect(
            await page.$$eval('.report-list h2 a', (links) => links.map((link) => link.getAttribute('href'))),
            tag,
          ).toContain(report);
        }
      }
      await page.close();
    }
  });

  it('offers every dataset as CSV, XLSX and Parquet in the catalogue, with its columns and the charts that use it', async () => {
    /** What each file starts with, and the type the server sends it as. */
    const FILES: Record<string, { start: string; type: string }> = {
      csv: { start: '\xEF\xBB\xBF', type: 'text/csv; charset=utf-8' },
      xlsx: { start: 'PK\x03\x04', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      parquet: { start: 'PAR1', type: 'application/vnd.apache.parquet' },
    };
    for (const site of sites) {
      const page = await browser.newPage();
      await page.goto(`${site}/data/`);
      const links = await page.$$eval('.dataset .dataset__downloads a[download]', (anchors) =>
        anchors.map((anchor) => anchor.getAttribute('href')!),
      );
      const sections = await page.$$eval('section.dataset', (elements) => elements.length);
      expect(links).toHaveLength(3 * sections);
      expect(sections).toBeGreaterThan(0);
      for (const link of links) {
        const file = FILES[link.split('.').at(-1)!];
        expect(file, link).toBeDefined();
        const response = await page.request.get(`${site}${link}`);
        expect(response.status(), link).toBe(200);
        expect(response.headers()['content-type'], link).toBe(file!.type);
        expect(
          (await response.body()).subarray(0, file!.start.length).toString('latin1'),
          `${link} starts as its format does`,
        ).toBe(file!.start);
      }
      expect(await page.$$eval('section.dataset .dataset__columns tbody tr', (rows) => rows.length)).toBeGreaterThan(
        sections,
      );
      await page.close();
    }
  });

  it('prints a report without controls, with every chart as its full drawing', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 1200 } });
    const page = await context.newPage();
    await page.goto(`${sites[0]}/`);
    const report = await page.$eval('a[href^="/reports/"]', (link) => link.getAttribute('href')!);
    await page.goto(`${sites[0]}${report}`, { waitUntil: 'networkidle' });
    const charts = publishedSources(SITE_DIRS[0]).find((source) => report === `/reports/${source.slug}/`)!.charts;
    expect(charts, `${report} has charts to print`).toBeGreaterThan(0);
    // Draw the charts on screen first: printing must still show the images, not the canvases.
    await page.evaluate(async () => {
      for (const figure of document.querySelectorAll('figure[data-chart]')) {
        figure.scrollIntoView();
        await new Promise((done) => setTimeout(done, 100));
      }
    });
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement>('figure[data-chart]')].every(
        (figure) => figure.dataset.chartState === 'drawn',
      ),
    );
    await page.emulateMedia({ media: 'print' });
    // Each control must be on the page for "hidden in print" to mean anything; the pager appears only beside other reports.
    const controls = await page.evaluate(() =>
      ['.site-header', '.share', '.toc', '.chart__links', '.report-pager', '.cite button', 'figure.chart canvas'].map(
        (selector) => {
          const elements = [...document.querySelectorAll(selector)];
          return {
            selector,
            count: elements.length,
            shown: elements.filter((element) => getComputedStyle(element).display !== 'none').length,
          };
        },
      ),
    );
    const others = publishedSources(SITE_DIRS[0]).length - 1;
    expect(controls).toEqual([
      { selector: '.site-header', count: 1, shown: 0 },
      { selector: '.share', count: 1, shown: 0 },
      { selector: '.toc', count: 1, shown: 0 },
      { selector: '.chart__links', count: charts, shown: 0 },
      { selector: '.report-pager', count: others > 0 ? 1 : 0, shown: 0 },
      { selector: '.cite button', count: 2, shown: 0 },
      { selector: 'figure.chart canvas', count: charts, shown: 0 },
    ]);
    const images = await page.$$eval('figure.chart .chart__image', (elements) =>
      elements.map((image) => ({
        visible: getComputedStyle(image).visibility === 'visible',
        loaded:
          [...image.querySelectorAll('svg.chart__drawing')].filter(
            (drawing) => getComputedStyle(drawing).display !== 'none' && drawing.getBoundingClientRect().height > 100,
          ).length === 1,
      })),
    );
    expect(images).toEqual(Array.from({ length: charts }, () => ({ visible: true, loaded: true })));
    expect(await page.$$eval('figure.chart', (figures) => figures.length)).toBe(charts);
    expect(
      await page.$$eval('figure.chart', (figures) =>
        figures.every((figure) => getComputedStyle(figure).breakInside === 'avoid'),
      ),
    ).toBe(true);
    await context.close();
  });

  it('finds a report by a word of its text and by a chart title, from a search box on every page', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${sites[0]}/`);
    const report = await page.$eval('.report-list h2 a', (link) => link.getAttribute('href')!);
    await page.goto(`${sites[0]}${report}`);
    const chartTitle = (await page.textContent('figure[data-chart] .chart__title'))!;
    await page.click('.site-nav a[href="/search/"]');
    for (const query of ['Markerly', chartTitle]) {
      await page.fill('[data-search-input]', query);
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (wanted) =>
          [...document.querySelectorAll('[data-search-results] a')].some(
            (link) => link.getAttribute('href') === wanted,
          ),
        report,
      );
      expect(new URL(page.url()).searchParams.get('q')).toBe(query);
      expect(await page.$$eval('[data-search-results] li p mark', (marks) => marks.length)).toBeGreaterThan(0);
    }
    // A query is text: markup in it shows as typed and runs nothing.
    await page.goto(`${sites[0]}/search/?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent !== '');
    expect(await page.$$('img[src="x"]')).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('links a search result to the section or chart that matched, deep in the report', async () => {
    const page = await browser.newPage();
    await page.goto(`${sites[0]}/`);
    const report = await page.$eval('.report-list h2 a', (link) => link.getAttribute('href')!);
    await page.goto(`${sites[0]}${report}`);
    // The report's last section heading and its last chart: far from the top, where a link to the report alone leaves a reader.
    const sections = await page.$$eval('.prose h2[id^="section-"]', (headings) =>
      headings.map((heading) => ({ id: heading.id, text: heading.textContent!.trim() })),
    );
    const charts = await page.$$eval('.prose figure[data-chart]', (figures) =>
      figures.map((figure) => ({ id: figure.id, text: figure.querySelector('.chart__title')!.textContent!.trim() })),
    );
    expect(sections.length, `${report} has sections`).toBeGreaterThan(2);
    expect(charts.length, `${report} has charts`).toBeGreaterThan(1);
    for (const place of [sections.at(-1)!, charts.at(-1)!]) {
      await page.goto(`${sites[0]}/search/?q=${encodeURIComponent(place.text)}`);
      const wanted = `${report}#${place.id}`;
      await page.waitForFunction(
        (href) =>
          [...document.querySelectorAll('[data-search-results] .search__places a')].some(
            (link) => link.getAttribute('href') === href,
          ),
        wanted,
        { timeout: 5000 },
      );
      // The place's link is named as the place is: its heading or the chart's title.
      expect(await page.$eval(`[data-search-results] a[href="${wanted}"]`, (link) => link.textContent), wanted).toBe(
        place.text,
      );
    }
    await page.close();
  });

  it('keeps the contents at the top of a window too narrow for a column beside the text, and closes it after a jump', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${sites[0]}/`);
    const report = await page.$eval('.report-list h2 a', (link) => link.getAttribute('href')!);
    await page.goto(`${sites[0]}${report}`, { waitUntil: 'networkidle' });
    await page.evaluate(() => window.scrollTo(0, 3000));
    await page.waitForTimeout(100);
    expect(await page.$eval('.toc', (toc) => Math.round(toc.getBoundingClientRect().top))).toBe(0);
    await page.click('.toc__box summary');
    const target = await page.$eval('.toc__box a', (link) => link.getAttribute('href')!);
    await page.click('.toc__box a');
    await page.waitForFunction((hash) => location.hash === hash, target);
    expect(await page.$eval('.toc__box', (details) => (details as HTMLDetailsElement).open)).toBe(false);
    // The section's heading lands below the bar, not under it.
    const barBottom = await page.$eval('.toc', (toc) => toc.getBoundingClientRect().bottom);
    expect(await page.$eval(target, (heading) => heading.getBoundingClientRect().top)).toBeGreaterThanOrEqual(
      barBottom - 1,
    );
    await context.close();
  });

  it('shows the contents beside the text on a wide screen, the section being read marked, and as a collapsed box above the text on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${sites[0]}/`);
    const report = await page.$eval('.report-list h2 a', (link) => link.getAttribute('href')!);
    await page.goto(`${sites[0]}${report}`, { waitUntil: 'networkidle' });
    const sections = await page.$$eval('.prose h2[id^="section-"]', (headings) =>
      headings.map((heading) => heading.id),
    );
    expect(sections.length, `${report} has sections to list`).toBeGreaterThan(2);
    for (const id of [sections[2]!, sections.at(-1)!]) {
      await page.$eval(`[id="${id}"]`, (heading) => heading.scrollIntoView());
      // The section's link is marked as the one being read, and only it.
      await page.waitForFunction(
        (wanted) =>
          document.querySelector(`.toc__side a[href="#${wanted}"]`)?.getAttribute('aria-current') === 'location',
        id,
      );
      expect(await page.$$eval('.toc__side a[aria-current]', (links) => links.length)).toBe(1);
      const layout = await page.evaluate(() => {
        const list = document.querySelector('.toc__side ol')!;
        const box = list.getBoundingClientRect();
        const right = (selector: string) =>
          Math.max(...[...document.querySelectorAll(selector)].map((element) => element.getBoundingClientRect().right));
        return {
          shown:
            getComputedStyle(list).display !== 'none' && box.height > 0 && list.closest('details:not([open])') === null,
          inView: box.top >= 0 && box.bottom <= window.innerHeight,
          left: box.left,
          textRight: right('.prose > p'),
          chartRight: right('.prose figure.chart'),
          frames: [...document.querySelectorAll('.prose .chart__frame')].map((frame) => frame.clientWidth),
        };
      });
      // Beside the text and the charts, never over them; the charts keep the width their drawings are made for.
      expect(layout).toMatchObject({ shown: true, inView: true });
      expect(layout.left).toBeGreaterThanOrEqual(layout.textRight);
      expect(layout.left).toBeGreaterThanOrEqual(layout.chartRight);
      expect(layout.frames.length).toBeGreaterThan(0);
      expect(new Set(layout.frames)).toEqual(new Set([IMAGE_SIZES.wide.width]));
    }
    await page.setViewportSize({ width: 390, height: 800 });
    const phone = await page.evaluate(() => {
      const box = document.querySelector<HTMLDetailsElement>('.toc__box')!;
      return {
        side: getComputedStyle(document.querySelector('.toc__side')!).display,
        box: getComputedStyle(box).display,
        open: box.open,
        aboveText:
          box.getBoundingClientRect().bottom <= document.querySelector('.prose > p')!.getBoundingClientRect().top,
      };
    });
    expect(phone).toEqual({ side: 'none', box: 'block', open: false, aboveText: true });
    await page.close();
  });

  it('ends a page with its footer right after the last content, not an empty band', async () => {
    const gaps: { site: string; width: number; gap: number; after: number }[] = [];
    for (const site of sites) {
      for (const width of [1280, 390]) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${site}/`, { waitUntil: 'networkidle' });
        gaps.push({
          site,
          width,
          ...(await page.evaluate(() => {
            // The lowest thing a reader sees in main: text, a drawing or an image (not the boxes around them).
            const main = document.querySelector('main')!;
            let bottom = 0;
            const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (!node.textContent?.trim()) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              for (const rect of range.getClientRects()) bottom = Math.max(bottom, rect.bottom);
            }
            for (const element of main.querySelectorAll('svg, img, canvas')) {
              const rect = element.getBoundingClientRect();
              if (rect.height > 0) bottom = Math.max(bottom, rect.bottom);
            }
            const footer = document.querySelector('.site-footer')!.getBoundingClientRect();
            return {
              gap: Math.round(footer.top - bottom),
              after: Math.round(document.documentElement.scrollHeight - window.scrollY - footer.bottom),
            };
          })),
        });
        await context.close();
      }
    }
    expect(gaps).toHaveLength(sites.length * 2);
    for (const { site, width, gap, after } of gaps) {
      // At most 4rem between the last line and the footer, and nothing below the footer.
      expect(gap, `${site}/ at ${width} px`).toBeLessThanOrEqual(64);
      expect(gap, `${site}/ at ${width} px`).toBeGreaterThan(0);
      expect(after, `${site}/ at ${width} px`).toBeLessThanOrEqual(0);
    }
  });

  it('keeps the header one height with Methodology in it, in the fallback font and in the web font, at 390 and 1280 px', async () => {
    const measured: {
      width: number;
      font: string;
      height: number;
      rows: number;
      links: number;
      methodology: boolean;
    }[] = [];
    for (const width of [390, 1280]) {
      for (const font of ['fallback', 'web font']) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        // Without the web font the header is laid out in the fallback font, as on a first visit before it arrives.
        if (font === 'fallback') await page.route(/\.woff2?$/, (route) => route.abort());
        await page.goto(`${sites[0]}/`, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        const loaded = await page.evaluate(() => document.fonts.check('14px Inter'));
        expect(loaded, `${font} at ${width} px`).toBe(font === 'web font');
        measured.push({
          width,
          font,
          ...(await page.evaluate(() => {
            const header = document.querySelector('.site-header')!;
            const links = [...header.querySelectorAll<HTMLAnchorElement>('.site-nav a')];
            const methodology = links.find((link) => link.getAttribute('href') === '/methodology/');
            const box = methodology?.getBoundingClientRect();
            return {
              height: header.getBoundingClientRect().height,
              rows: new Set(links.map((link) => Math.round(link.getBoundingClientRect().top))).size,
              links: links.length,
              // On screen as the page opens, without scrolling the row of links.
              methodology: box !== undefined && box.left >= 0 && box.right <= window.innerWidth,
            };
          })),
        });
        await context.close();
      }
    }
    expect(measured).toHaveLength(4);
    for (const width of [390, 1280]) {
      const [fallback, web] = measured.filter((entry) => entry.width === width);
      expect(fallback!.height, `header height at ${width} px`).toBe(web!.height);
    }
    for (const entry of measured) {
      expect(entry, `${entry.font} at ${entry.width} px`).toMatchObject({ rows: 1, links: 7, methodology: true });
    }
  });

  it('never scrolls sideways on a 390 px phone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    for (const path of ['/', '/data/', '/tags/', '/explore/']) {
      await page.goto(`${sites[0]}${path}`, { waitUntil: 'networkidle' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    await context.close();
  });

  it('breaks a column name on /data/ at its underscores on a 390 px phone, never inside a word', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${sites[0]}/data/`, { waitUntil: 'networkidle' });
    const names = await page.$$eval('.dataset__columns tbody th code', (codes) =>
      codes.map((code) => {
        // Each text node is one part of the name ("conversations_", "multiple"); a part on two lines has two boxes.
        const parts = [...code.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE);
        const lines = parts.map((part) => {
          const range = document.createRange();
          range.selectNodeContents(part);
          return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size;
        });
        return { name: code.textContent, unbroken: code.classList.contains('unbroken'), parts: parts.length, lines };
      }),
    );
    // The example's six datasets have 42 columns, among them conversations_multiple, which used to break as "conversatio|ns_multiple".
    expect(names).toHaveLength(42);
    expect(names.find((entry) => entry.name === 'conversations_multiple')).toMatchObject({ parts: 2, lines: [1, 1] });
    for (const entry of names) {
      expect(entry.unbroken, entry.name ?? '').toBe(false);
      expect(
        entry.lines.every((count) => count === 1),
        `${entry.name}: ${entry.lines.join(', ')}`,
      ).toBe(true);
    }
    await context.close();
  });
});
