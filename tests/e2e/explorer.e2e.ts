/**
 * The tier explorer in Chromium: a report chart's "Open in explorer" link
 * restores its view; unticking a series redraws and rewrites the address;
 * reloading restores it; hostile parameters are inert; kinds, the log axis and
 * change since the first year redraw and stay in the address; a phone can use
 * it, with the chart in view while its controls change; a filter that cannot
 * apply is explained; tooltips list only series with a value; no console errors.
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
async function open(width = 1280, height = 900): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height } });
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
/** Waits until the address has a parameter's value (null: has it not) and the chart is drawn again. */
async function redrawn(page: Page, key: string, value: string | null): Promise<void> {
  await page.waitForFunction(([key, value]) => new URLSearchParams(location.search).get(key!) === value, [key, value]);
  await page.waitForSelector('figure.explore__chart[data-chart-state="drawn"]');
}
/** The share of the chart canvas's pixels that are painted (not transparent). */
const painted = (page: Page) =>
  page.$eval('[data-explore-canvas]', (element) => {
    const canvas = element as HTMLCanvasElement;
    if (canvas.width === 0 || canvas.height === 0) return 0;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let index = 3; index < data.length; index += 4) if (data[index]! > 0) count++;
    return count / (data.length / 4);
  });
const chartLabel = (page: Page) => page.getAttribute('[data-explore-canvas]', 'aria-label');
const options = (page: Page, name: string) =>
  page.$$eval(`[data-control="${name}"] option`, (items) => items.map((item) => (item as HTMLOptionElement).value));
/** Serves the engagement dataset with its first engagement rate (2016, nano) set to 0. */
async function withZeroFirstValue(page: Page): Promise<void> {
  await page.route('**/explore/data/engagement.json', async (route) => {
    const response = await route.fetch();
    const dataset = (await response.json()) as { rows: Record<string, unknown>[] };
    const first = dataset.rows.find((row) => row['year'] === 2016 && row['tier'] === 'nano')!;
    first['engagement_rate'] = 0;
    await route.fulfill({ response, json: dataset });
  });
}

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

  it('offers the kinds the data can be drawn as, and redraws as dots on a log axis when chosen', async () => {
    const { page, problems } = await open();
    await page.goto(`${baseUrl}/explore/?dataset=engagement&y=engagement_rate`);
    await drawn(page);
    expect(await options(page, 'type')).toEqual(['line', 'area', 'bar', 'hbar', 'dot', 'slope']);
    expect(await options(page, 'scale')).toEqual(['', 'linear', 'log']);
    expect(await page.isDisabled('[data-control="scale"]')).toBe(false);
    expect(await page.isVisible('[data-explore-hint="scale"]')).toBe(false);
    // The controls are labelled.
    for (const name of ['type', 'scale', 'index']) {
      const label = await page.$eval(
        `[data-control="${name}"]`,
        (element) => (element as HTMLInputElement).labels?.[0]?.textContent ?? '',
      );
      expect(label.trim(), name).not.toBe('');
    }

    await page.selectOption('[data-control="type"]', 'dot');
    await redrawn(page, 'type', 'dot');
    expect(await chartLabel(page)).toMatch(/^Dot plot of engagement rate /);
    await page.selectOption('[data-control="scale"]', 'log');
    await redrawn(page, 'scale', 'log');
    expect(await chartLabel(page)).toMatch(/^Dot plot of engagement rate on a log scale/);
    expect(await painted(page)).toBeGreaterThan(0.01);
    expect(await page.isVisible('[data-explore-notice]')).toBe(false);

    // Along tiers (one year, so one value per tier) there are no areas or slopes.
    await page.goto(
      `${baseUrl}/explore/?dataset=engagement&y=engagement_rate&x=tier&from=2019&to=2019&type=dot&scale=log`,
    );
    await drawn(page);
    expect(await page.isVisible('[data-explore-notice]')).toBe(false);
    expect(await options(page, 'type')).toEqual(['line', 'bar', 'hbar', 'dot']);
    expect(await page.inputValue('[data-control="type"]')).toBe('dot');
    expect(await page.inputValue('[data-control="scale"]')).toBe('log');

    // Bars: the log axis is switched off and disabled, with a hint saying why.
    await page.selectOption('[data-control="type"]', 'bar');
    await redrawn(page, 'type', 'bar');
    expect(new URL(page.url()).searchParams.has('scale')).toBe(false);
    expect(await page.textContent('[data-explore-notice]')).toBe(
      'Ignored scale="log": bars start at zero, so their axis stays linear: use Dots for a log axis.',
    );
    expect(await page.isDisabled('[data-control="scale"]')).toBe(true);
    expect(await page.textContent('[data-explore-hint="scale"]')).toBe(
      'Bars start at zero, so their axis stays linear: use Dots for a log axis.',
    );
    expect(await page.isVisible('[data-explore-hint="scale"]')).toBe(true);
    expect(await chartLabel(page)).not.toContain('log scale');
    expect(await painted(page)).toBeGreaterThan(0.01);

    await page.reload();
    await drawn(page);
    expect(await page.inputValue('[data-control="type"]')).toBe('bar');
    expect(await page.inputValue('[data-control="x"]')).toBe('tier');
    expect(problems).toEqual([]);
  });

  it('ignores a log axis for bars with a notice, and draws them on a linear axis', async () => {
    const { page, problems } = await open();
    await page.goto(`${baseUrl}/explore/?dataset=cost&y=cost_per_post_usd&type=bar&scale=log`);
    await drawn(page);
    expect(await page.textContent('[data-explore-notice]')).toBe(
      'Ignored scale="log": bars start at zero, so their axis stays linear: use Dots for a log axis.',
    );
    expect(await page.isVisible('[data-explore-notice]')).toBe(true);
    expect(await chartLabel(page)).toMatch(/^Bar chart of cost per post /);
    expect(await chartLabel(page)).not.toContain('log scale');
    expect(await page.isDisabled('[data-control="scale"]')).toBe(true);
    expect(await page.isVisible('[data-explore-hint="scale"]')).toBe(true);
    expect(await painted(page)).toBeGreaterThan(0.01);
    // The address is the view shown.
    expect(new URL(page.url()).searchParams.get('type')).toBe('bar');
    expect(new URL(page.url()).searchParams.has('scale')).toBe(false);
    expect(problems).toEqual([]);
  });

  it('falls back from a kind the data cannot be drawn as, listing the kinds it can', async () => {
    const { page, problems } = await open();
    await page.goto(`${baseUrl}/explore/?dataset=engagement&y=engagement_rate&x=tier&from=2019&to=2019&type=slope`);
    await drawn(page);
    expect(await page.textContent('[data-explore-notice]')).toBe(
      'Ignored type="slope": along "Tier" expected line, bar, hbar or dot.',
    );
    expect(await page.inputValue('[data-control="type"]')).toBe('line');
    expect(new URL(page.url()).searchParams.has('type')).toBe(false);
    expect(problems).toEqual([]);
  });

  it('draws a slope between the first and last year', async () => {
    const { page, problems } = await open();
    await page.goto(`${baseUrl}/explore/?dataset=engagement&y=engagement_rate&type=slope&from=2017`);
    await drawn(page);
    expect(await page.isVisible('[data-explore-notice]')).toBe(false);
    const years = await page.$$eval('[data-explore-table] tbody th', (cells) => cells.map((cell) => cell.textContent));
    expect(years).toEqual(['2017', '2026']);
    expect(await chartLabel(page)).toMatch(/^Slope chart of engagement rate .* from 2017 to 2026\./);
    expect(problems).toEqual([]);
  });

  it('shows change since the first year: the table, its caption and the CSV download say so', async () => {
    const { page, problems } = await open();
    await page.goto(`${baseUrl}/explore/?dataset=engagement&y=engagement_rate&index=1`);
    await drawn(page);
    expect(await page.isChecked('[data-control="index"]')).toBe(true);
    expect(await page.textContent('[data-explore-table] caption')).toContain('Engagement rate, first year = 100');
    // Every tier has a 2016 value: the first row is all 100.
    const series = await page.$$eval('[data-control="series"] input:checked', (inputs) => inputs.length);
    expect(series).toBe(5);
    const firstRow = await page.$$eval('[data-explore-table] tbody tr:first-child td', (cells) =>
      cells.map((cell) => cell.textContent),
    );
    expect(firstRow).toHaveLength(series);
    // Illustrative values are marked "*".
    for (const cell of firstRow) expect(cell?.replace(/ \*$/, '')).toBe('100');
    expect(await chartLabel(page)).toContain('first year = 100');

    await page.click('details.chart__data summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-explore-download]')]);
    expect(download.suggestedFilename()).toBe('explore-engagement-engagement_rate-index.csv');
    const { readFile } = await import('node:fs/promises');
    const csv = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '');
    expect(csv.split(/\r?\n/)[0]).toBe('year,tier,engagement_rate_index,basis');
    expect(csv.split(/\r?\n/)[1]).toBe('2016,nano,100,reported');

    // Bars are no index: switching to them turns it off and says why.
    await page.selectOption('[data-control="type"]', 'bar');
    await redrawn(page, 'index', null);
    expect(await page.textContent('[data-explore-notice]')).toContain('Ignored index=1');
    expect(await page.isDisabled('[data-control="index"]')).toBe(true);
    expect(await page.textContent('[data-explore-table] caption')).not.toContain('first year = 100');
    expect(problems).toEqual([]);
  });

  it('says in plain words when a log axis or an index cannot show a zero', async () => {
    const { page, problems } = await open();
    await withZeroFirstValue(page);
    await page.goto(`${baseUrl}/explore/?dataset=engagement&y=engagement_rate&type=dot&scale=log`);
    await drawn(page);
    expect(await page.textContent('[data-explore-notice]')).toBe(
      'A log axis cannot show zero or negative values, and Engagement rate is 0 in this view: showing a linear axis.',
    );
    // The same view, on a linear axis (not the default view).
    expect(await page.inputValue('[data-control="type"]')).toBe('dot');
    expect(new URL(page.url()).searchParams.has('scale')).toBe(false);
    expect(await chartLabel(page)).not.toContain('log scale');

    await page.goto(`${baseUrl}/explore/?dataset=engagement&y=engagement_rate&index=1`);
    await drawn(page);
    expect(await page.textContent('[data-explore-notice]')).toBe(
      'Nano cannot be shown as change since its first year: its first value is 0%, and only a value above zero can be 100.',
    );
    const firstRow = await page.$$eval('[data-explore-table] tbody tr:first-child td', (cells) =>
      cells.map((cell) => cell.textContent),
    );
    expect(firstRow).toEqual(['no data', '100', '100 *', '100 *', '100']);
    expect(problems).toEqual([]);
  });

  it('fits a 390 px phone and works from the keyboard', async () => {
    const { page, problems } = await open(390);
    await page.goto(`${baseUrl}/explore/?type=bar`);
    await drawn(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The kind and axis share a row; with the hint, nothing overflows the controls.
    const boxes = await page.$$eval(
      '[data-control="type"], [data-control="scale"], [data-explore-hint="scale"]',
      (elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect),
    );
    expect(boxes).toHaveLength(3);
    const [type, scale, hint] = boxes as [DOMRect, DOMRect, DOMRect];
    expect(type.top).toBe(scale.top);
    expect(scale.right).toBeLessThanOrEqual(390);
    expect(hint.right).toBeLessThanOrEqual(390);
    expect(hint.top).toBeGreaterThanOrEqual(type.bottom);
    await page.goto(`${baseUrl}/explore/`);
    await drawn(page);
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

/** The catalog the page offers, with each dataset's column names. */
async function catalogColumns(
  page: Page,
): Promise<{ name: string; columns: string[]; rows: Record<string, unknown>[] }[]> {
  return page.evaluate(async () => {
    const catalog = (await (await fetch('/explore/catalog.json')).json()) as { datasets: { name: string }[] };
    return Promise.all(
      catalog.datasets.map(async ({ name }) => {
        const data = (await (await fetch(`/explore/data/${name}.json`)).json()) as {
          columns: { name: string }[];
          rows: Record<string, unknown>[];
        };
        return { name, columns: data.columns.map((column) => column.name), rows: data.rows };
      }),
    );
  });
}
/** How much of the chart's canvas is inside the viewport (0 to 1). */
const canvasInView = (page: Page) =>
  page.$eval('[data-explore-canvas]', (canvas) => {
    const box = canvas.getBoundingClientRect();
    const visible = Math.max(0, Math.min(box.bottom, innerHeight) - Math.max(box.top, 0));
    return box.height === 0 ? 0 : visible / box.height;
  });
/** Records the text drawn on the explorer's canvas, with where it was drawn (in CSS pixels of the canvas). */
async function recordCanvasText(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const drawn: { text: string; x: number; y: number }[] = [];
    (window as unknown as { drawnText: typeof drawn }).drawnText = drawn;
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text, x, y, ...rest) {
      if (this.canvas.matches('[data-explore-canvas]')) {
        const point = this.getTransform().transformPoint(new DOMPoint(x, y));
        drawn.push({ text: String(text), x: point.x / devicePixelRatio, y: point.y / devicePixelRatio });
      }
      return fillText.call(this, text, x, y, ...rest);
    } as typeof fillText;
  });
}
const drawnTexts = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { drawnText: { text: string; x: number; y: number }[] }).drawnText.splice(0),
  );

describe('the explorer on a phone and in its words', () => {
  it('keeps the chart in view at 390×844 while each control changes, and every control reachable', async () => {
    const { page, problems } = await open(390, 844);
    await page.goto(`${baseUrl}/explore/?dataset=engagement&y=engagement_rate`);
    await drawn(page);
    const changes: [string, (target: string) => Promise<void>, string, string | null][] = [
      ['[data-control="type"]', (target) => page.selectOption(target, 'dot').then(() => undefined), 'type', 'dot'],
      [
        '[data-control="series"] input[value="nano"]',
        (target) => page.uncheck(target),
        'series',
        'micro,mid_tier,macro,mega',
      ],
      ['[data-control="to"]', (target) => page.fill(target, '2024'), 'to', '2024'],
      ['[data-control="index"]', (target) => page.check(target), 'index', '1'],
      ['[data-control="scale"]', (target) => page.selectOption(target, 'log').then(() => undefined), 'scale', 'log'],
      ['[data-control="from"]', (target) => page.fill(target, '2017'), 'from', '2017'],
    ];
    expect(changes).toHaveLength(6);
    for (const [target, change, key, value] of changes) {
      await page.locator(target).scrollIntoViewIfNeeded();
      // Reachable: the control itself is what a tap at its centre hits (not the chart stuck over it).
      const hit = await page.$eval(target, (element) => {
        const box = element.getBoundingClientRect();
        const at = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return (
          at !== null &&
          (at === element || element.contains(at) || (element as HTMLInputElement).labels?.[0]?.contains(at) === true)
        );
      });
      expect(hit, target).toBe(true);
      await change(target);
      await redrawn(page, key, value);
      expect(await canvasInView(page), target).toBeGreaterThanOrEqual(0.9);
    }
    // The dataset control changes the chart too, and it stays in view.
    await page.locator('[data-control="dataset"]').scrollIntoViewIfNeeded();
    await page.selectOption('[data-control="dataset"]', 'cost');
    await redrawn(page, 'dataset', 'cost');
    expect(await canvasInView(page)).toBeGreaterThanOrEqual(0.9);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
  });

  it('shows every dataset’s whole title in the dataset control at 1280 px', async () => {
    const { page, problems } = await open(1280);
    await page.goto(`${baseUrl}/explore/`);
    await drawn(page);
    const datasets = await catalogColumns(page);
    const names = await options(page, 'dataset');
    expect(names).toEqual(datasets.map((dataset) => dataset.name));
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) {
      await page.selectOption('[data-control="dataset"]', name);
      await redrawn(page, 'dataset', name);
      const [scroll, client] = await page.$eval('[data-control="dataset"]', (select) => [
        select.scrollWidth,
        select.clientWidth,
      ]);
      expect(scroll, name).toBeLessThanOrEqual(client);
    }
    // Wide enough for the longest title, which is the widest option.
    const fits = await page.$eval('[data-control="dataset"]', (select) => {
      const probe = document.createElement('select');
      const longest = [...(select as HTMLSelectElement).options].reduce((a, b) =>
        b.text.length > a.text.length ? b : a,
      );
      probe.append(new Option(longest.text));
      probe.style.cssText = getComputedStyle(select).cssText;
      probe.style.width = 'auto';
      select.parentElement!.append(probe);
      const wanted = probe.getBoundingClientRect().width;
      probe.remove();
      return select.getBoundingClientRect().width >= wanted - 1;
    });
    expect(fits).toBe(true);
    expect(problems).toEqual([]);
  });

  it('keeps the page within a 390 px phone for every dataset, however long its title', async () => {
    const { page, problems } = await open(390);
    await page.goto(`${baseUrl}/explore/`);
    await drawn(page);
    const names = await options(page, 'dataset');
    const datasets = await catalogColumns(page);
    expect(names).toHaveLength(datasets.length);
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) {
      await page.selectOption('[data-control="dataset"]', name);
      await redrawn(page, 'dataset', name);
      // An auto grid column grew to the longest title (547 px on a 390 px screen).
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(390);
    }
    expect(problems).toEqual([]);
  });

  it('gives a filter example from each dataset’s own columns and values', async () => {
    const { page, problems } = await open(1280);
    await page.goto(`${baseUrl}/explore/`);
    await drawn(page);
    const datasets = await catalogColumns(page);
    expect(datasets.length).toBeGreaterThan(1);
    expect(await options(page, 'dataset')).toHaveLength(datasets.length);
    const hints = new Set<string>();
    for (const { name, columns, rows } of datasets) {
      await page.selectOption('[data-control="dataset"]', name);
      await redrawn(page, 'dataset', name);
      const placeholder = (await page.getAttribute('[data-control="where"]', 'placeholder')) ?? '';
      const label = await page.$eval(
        '[data-control="where"]',
        (input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? '',
      );
      const example = /^for example (\S+?)=(\S+)$/.exec(placeholder);
      expect(example, `${name}: ${placeholder}`).not.toBeNull();
      const [, column, value] = example!;
      expect(columns, name).toContain(column);
      expect(
        rows.some((row) => String(row[column!]) === value),
        `${name}: ${placeholder}`,
      ).toBe(true);
      expect(label).toContain(`${column}=${value}`);
      hints.add(placeholder);
      // The example applies as it is.
      await page.fill('[data-control="where"]', `${column}=${value}`);
      await redrawn(page, 'where', `${column}=${value}`);
      expect(await page.isVisible('[data-explore-notice]'), name).toBe(false);
    }
    expect(problems).toEqual([]);
  });

  it('says in words why a typed filter cannot apply, keeps it in the box, and draws without it', async () => {
    const { page, problems } = await open(1280);
    await page.goto(`${baseUrl}/explore/?dataset=engagement&y=engagement_rate`);
    await drawn(page);
    const cases: [string, RegExp][] = [
      [
        'teir=micro',
        /^The filter "teir=micro" was not applied: this dataset has no column "teir"\. Did you mean "tier"\?/,
      ],
      [
        'tier=Micro',
        /^The filter "tier=Micro" was not applied: no row has "Micro" in the column "tier"\. Did you mean "micro"\?/,
      ],
      ['tier', /^The filter "tier" was not applied: write a column, "=" and a value, for example \S+=\S+\.$/],
    ];
    expect(cases).toHaveLength(3);
    for (const [typed, why] of cases) {
      await page.fill('[data-control="where"]', typed);
      await page.waitForFunction(
        (typed) => document.querySelector('[data-explore-notice]')?.textContent?.startsWith(`The filter "${typed}"`),
        typed,
      );
      await page.waitForSelector('figure.explore__chart[data-chart-state="drawn"]');
      const notice = (await page.textContent('[data-explore-notice]')) ?? '';
      expect(notice).toMatch(why);
      expect(notice).not.toMatch(/\.csv|data\/|Showing the previous view/);
      expect(await page.isVisible('[data-explore-notice]')).toBe(true);
      // The reader's text stays in the box to be corrected; the address holds the view shown, without it.
      expect(await page.inputValue('[data-control="where"]')).toBe(typed);
      expect(new URL(page.url()).searchParams.has('where')).toBe(false);
      expect(await headers(page)).toHaveLength(6);
    }
    // The same filter in the address gets the same words.
    await page.goto(`${baseUrl}/explore/?dataset=engagement&y=engagement_rate&where=teir%3Dmicro`);
    await drawn(page);
    expect(await page.textContent('[data-explore-notice]')).toMatch(cases[0]![1]);
    expect(await page.inputValue('[data-control="where"]')).toBe('teir=micro');
    // A filter that applies clears the notice.
    await page.fill('[data-control="where"]', 'basis=reported');
    await redrawn(page, 'where', 'basis=reported');
    expect(await page.isVisible('[data-explore-notice]')).toBe(false);
    expect(problems).toEqual([]);
  });

  it('lists in a tooltip only the series with a value there (cost per post, 2020)', async () => {
    const { page, problems } = await open(1280);
    await recordCanvasText(page);
    await page.goto(`${baseUrl}/explore/?dataset=cost&y=cost_per_post_usd&type=bar`);
    await drawn(page);
    // 2020 has one value (mega, a midpoint) among five tiers.
    const row = await page.$$eval('[data-explore-table] tbody tr', (rows) =>
      rows.map((row) => [...row.children].map((cell) => cell.textContent)).find((cells) => cells[0] === '2020'),
    );
    expect(row?.filter((cell) => cell !== 'no data')).toHaveLength(2);
    const tick = (await drawnTexts(page)).find((item) => item.text === '2020');
    expect(tick).toBeDefined();
    const box = (await page.locator('[data-explore-canvas]').boundingBox())!;
    await page.mouse.move(box.x + tick!.x, box.y + box.height / 2);
    await page.waitForFunction(() =>
      (window as unknown as { drawnText: { text: string }[] }).drawnText.some((item) =>
        item.text.startsWith('Mega / celebrity:'),
      ),
    );
    await page.waitForTimeout(300);
    const lines = (await drawnTexts(page)).map((item) => item.text);
    const tooltip = [...new Set(lines.filter((text) => /^[^:()]+: /.test(text)))];
    expect(tooltip, JSON.stringify(lines)).toHaveLength(1);
    expect(tooltip[0]).toMatch(/^Mega \/ celebrity: \$[\d,]+ \(midpoint of /);
    expect(lines.filter((text) => text.includes('no data'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows readers no column ids, column=value filters or file paths', async () => {
    const { page, problems } = await open(1280);
    await recordCanvasText(page);
    await page.goto(`${baseUrl}/explore/`);
    await drawn(page);
    const datasets = await catalogColumns(page);
    expect(datasets.length).toBeGreaterThan(1);
    for (const { name, columns } of datasets) {
      await page.selectOption('[data-control="dataset"]', name);
      await redrawn(page, 'dataset', name);
      const texts = await page.$$eval(
        '[data-explore-notice], [data-explore-title], [data-explore-caption], [data-explore-table], .explore label, .explore legend, .explore option',
        (elements) =>
          elements.map((element) =>
            element.matches('label') && element.querySelector('[data-control="where"]')
              ? 'Filter'
              : (element.textContent ?? ''),
          ),
      );
      expect(texts.length).toBeGreaterThan(10);
      const canvas = (await drawnTexts(page)).map((item) => item.text);
      expect(canvas.length).toBeGreaterThan(5);
      const ids = columns.filter((column) => /_/.test(column));
      for (const text of [...texts, ...canvas]) {
        expect(text, name).not.toMatch(/\.csv|\bdata\/|\b\w+=\w/);
        for (const id of ids) expect(text, `${name}: ${id}`).not.toContain(id);
      }
    }
    // A view that cannot be drawn says why in the reader's words too (not "tier=nano (lines 2, 7)").
    await page.goto(`${baseUrl}/explore/?dataset=engagement&y=engagement_rate&x=tier`);
    await drawn(page);
    const refusal = (await page.textContent('[data-explore-notice]')) ?? '';
    expect(refusal).toMatch(/^This view cannot be drawn: /);
    expect(refusal).not.toMatch(/\.csv|\bdata\/|\b\w+=\w|lines? \d/);
    expect(problems).toEqual([]);
  });
});
