import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { EMBED_HEIGHT_MESSAGE, embedResizeScript } from '../../src/lib/share.ts';
import { checkEmbedsFit } from './embed-fit.ts';

const baseUrl = inject('baseUrl');
const SHOTS = 'test-results/screenshots';
let browser: Browser;
// The host page that embeds a chart lives on another site: localhost, not 127.0.0.1, and another port.
let host: { server: Server; url: string; page: string };

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(host.page);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  host = { server, url: `http://localhost:${typeof address === 'object' && address ? address.port : 0}/`, page: '' };
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (host ? host.server.close(() => done()) : done()));
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
      const content = (selector: string) =>
        document.querySelector(selector)?.getAttribute('content') ??
        document.querySelector(selector)?.getAttribute('href');
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
    const oembed = (await (await fetch(`${baseUrl}${new URL(meta.oembed!).pathname}`)).json()) as Record<
      string,
      unknown
    >;
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
  /** The embed code readers copy (from oEmbed), pointed at the local server. */
  async function snippetFor(path: string): Promise<string> {
    const [, , slug, , id] = path.split('/');
    const oembed = (await (await fetch(`${baseUrl}/oembed/${slug}/${id}.json`)).json()) as { html: string };
    return oembed.html.replace(/src="https:\/\/[^/]+/, `src="${baseUrl}`);
  }

  /** Opens a host page on another site holding `body`, and collects what goes wrong in it and its frames. */
  async function openHost(context: BrowserContext, body: string): Promise<{ page: Page; problems: string[] }> {
    host.page = `<!doctype html><html lang="en"><title>Host</title><body style="margin:20px">${body}</body></html>`;
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });
    await page.goto(host.url);
    return { page, problems };
  }

  async function embedFrame(page: Page): Promise<Frame> {
    const element = await page.waitForSelector('iframe');
    await expect.poll(async () => (await element.contentFrame())?.url() ?? '').toContain('/embed/');
    return (await element.contentFrame())!;
  }

  it('fits its frame at any size from 320 × 240, with the source line and the note on illustrative values in view (every embed)', {
    timeout: 180_000,
  }, async () => {
    // The example's charts, read from its Markdown: every directive names its #id.
    const paths = readdirSync('content/reports')
      .filter((file) => file.endsWith('.md'))
      .flatMap((file) => {
        const lines = readFileSync(`content/reports/${file}`, 'utf8').split('\n');
        const charts = lines.filter((line) => line.startsWith('::chart{'));
        const ids = charts.map((line) => /^::chart\{#([a-z0-9-]+)/.exec(line)?.[1]);
        expect(ids, file).not.toContain(undefined);
        return ids.map((id) => `/embed/${file.slice(0, -3)}/${id}/`);
      });
    expect(paths.length).toBe(4);
    await checkEmbedsFit(browser, baseUrl, paths);
  });

  it('swaps the chart for its data table in the same room on "Show data", and back', async () => {
    const path = await firstChartPage();
    const embed = path.replace(/^\/reports\/([^/]+)\/charts\/([^/]+)\/$/, '/embed/$1/$2/');
    const context = await browser.newContext({ viewport: { width: 600, height: 520 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${embed}`);
    await page.locator('figure[data-chart][data-chart-state="drawn"]').waitFor({ timeout: 15_000 });
    const toggle = page.getByRole('button', { name: 'Show data' });
    await toggle.click();
    const table = page.locator('.chart__data table');
    await table.waitFor();
    const withTable = await page.evaluate(() => ({
      scrolls: document.documentElement.scrollHeight > window.innerHeight,
      chartShown: document.querySelector('.chart__frame')!.getBoundingClientRect().height > 0,
      credit: document.querySelector('.embed__credit a')!.getBoundingClientRect().bottom <= window.innerHeight,
    }));
    await page.getByRole('button', { name: 'Show chart' }).click();
    const canvas = await page.locator('canvas').boundingBox();
    const tableShown = await table.isVisible();
    await context.close();
    expect(withTable).toEqual({ scrolls: false, chartShown: false, credit: true });
    expect(tableShown).toBe(false);
    expect(canvas!.height).toBeGreaterThan(200);
  });

  it('uses the snippet the checklist asks for: sandbox="allow-scripts" only, and a referrer policy', async () => {
    const snippet = await snippetFor(await firstChartPage());
    expect(snippet).toMatch(/ sandbox="allow-scripts" /);
    expect(snippet).toMatch(/ referrerpolicy="strict-origin-when-cross-origin"/);
  });

  it('draws in a frame sandboxed with allow-scripts on another site, at phone and desktop sizes, in both colour schemes, with no errors or failed requests', async () => {
    const path = await firstChartPage();
    for (const [width, height, dark] of [
      [320, 240, true],
      [800, 500, false],
    ] as const) {
      const context = await browser.newContext({
        viewport: { width: width + 40, height: height + 40 },
        colorScheme: dark ? 'dark' : 'light',
      });
      const snippet = (await snippetFor(path))
        .replace('width="100%"', `width="${width}"`)
        .replace(/height="\d+"/, `height="${height}"`);
      const { page, problems } = await openHost(context, snippet);
      const frame = await embedFrame(page);
      await frame.locator('figure[data-chart][data-chart-state="drawn"]').waitFor({ timeout: 15_000 });
      const inside = await frame.evaluate(async () => {
        await document.fonts.ready;
        const canvas = document.querySelector('canvas')!;
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let index = 3; index < pixels.length; index += 4) if (pixels[index]! > 0) painted += 1;
        return {
          origin: self.origin,
          painted,
          font: document.fonts.check('700 16px Inter') && document.fonts.check('400 16px Inter'),
        };
      });
      const canvas = await frame.locator('canvas').boundingBox();
      await page.screenshot({ path: `${SHOTS}/embed-${width}-${dark ? 'dark' : 'light'}.png` });
      const credits = await frame.locator('.embed__credit a').count();
      await context.close();
      // An opaque origin: the frame can read nothing of the host, and the host nothing of it.
      expect(inside.origin).toBe('null');
      // chart.js ran (its module and chunks loaded across origins) and painted, in the site's font.
      expect(inside.painted).toBeGreaterThan(1000);
      expect(inside.font).toBe(true);
      expect(credits).toBe(1);
      // The chart takes what the title, source line, note on illustrative values and credit leave: still a good
      // part of the smallest frame (they keep their lines: the chart gives up height, not the disclosure).
      expect(canvas!.height).toBeGreaterThan(height * 0.4);
      expect(canvas!.width).toBeGreaterThan(width * 0.8);
      expect(problems).toEqual([]);
    }
  });

  it('asks its host page for the height that suits its width, with a message of numbers only, and the documented listener applies it', async () => {
    const path = await firstChartPage();
    for (const [width, chartHeight] of [
      [390, 320],
      [1280, 352],
    ] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: 'light' });
      const record = `<script>window.received = []; addEventListener("message", (event) => received.push({ origin: event.origin, data: event.data, fromFrame: event.source === document.querySelector("iframe").contentWindow }));</script>`;
      const { page, problems } = await openHost(
        context,
        `${record}${await snippetFor(path)}${embedResizeScript(baseUrl)}`,
      );
      const frame = await embedFrame(page);
      await frame.locator('figure[data-chart][data-chart-state="drawn"]').waitFor({ timeout: 15_000 });
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { received: unknown[] }).received.length))
        .toBeGreaterThan(0);
      const received = await page.evaluate(
        () =>
          (window as unknown as { received: { origin: string; data: Record<string, unknown>; fromFrame: boolean }[] })
            .received,
      );
      const frameHeight = await page.$eval('iframe', (iframe) => iframe.getAttribute('height'));
      const canvas = await frame.locator('canvas').boundingBox();
      // At the height it asked for, the embed fits too: nothing scrolls inside the frame.
      const fits = await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight);
      await page.screenshot({ path: `${SHOTS}/embed-sandboxed-${width}-light.png`, fullPage: true });
      await context.close();
      expect(received).toHaveLength(1);
      const [message] = received;
      expect(message!.origin).toBe('null');
      expect(message!.fromFrame).toBe(true);
      expect(Object.keys(message!.data).sort()).toEqual(['height', 'type']);
      expect(message!.data.type).toBe(EMBED_HEIGHT_MESSAGE);
      expect(Number.isInteger(message!.data.height)).toBe(true);
      expect(frameHeight).toBe(String(message!.data.height));
      // At that height the chart is as tall as on the chart page (22rem, 20rem on phones).
      // Within a pixel: the title and caption take fractions of one, and the frame's height is whole.
      expect(Math.abs(canvas!.height - chartHeight)).toBeLessThanOrEqual(1);
      expect(fits).toBe(true);
      expect(problems).toEqual([]);
    }
  });

  it('ignores forged messages: the embed listens to none, and the host listener takes only a number in range from the frame', async () => {
    const path = await firstChartPage();
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const watch = `<script>window.heights = []; new MutationObserver(() => heights.push(document.querySelector("iframe").getAttribute("height"))).observe(document.body, { subtree: true, attributeFilter: ["height"] });</script>`;
    const { page, problems } = await openHost(
      context,
      `${await snippetFor(path)}${embedResizeScript(baseUrl)}${watch}`,
    );
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const frame = await embedFrame(page);
    await frame.locator('figure[data-chart][data-chart-state="drawn"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.evaluate(() => (window as unknown as { heights: string[] }).heights.length)).toBe(1);
    const before = await frame.evaluate(() => document.documentElement.outerHTML);
    const hostile: unknown[] = [
      '<img src=x onerror=alert(1)>',
      { type: EMBED_HEIGHT_MESSAGE, height: '<img src=x onerror=alert(1)>' },
      { type: EMBED_HEIGHT_MESSAGE, height: '100px; position: fixed; inset: 0' },
      { type: EMBED_HEIGHT_MESSAGE, height: 1e9 },
      { type: EMBED_HEIGHT_MESSAGE, height: -40 },
      { type: EMBED_HEIGHT_MESSAGE, height: Number.NaN },
      { type: EMBED_HEIGHT_MESSAGE, height: [600] },
      { type: EMBED_HEIGHT_MESSAGE, height: { valueOf: 600 } },
      { type: 'trendbook:embed-html', html: '<script>alert(1)</script>' },
      { type: `${EMBED_HEIGHT_MESSAGE} `, height: 600 },
      null,
      600,
    ];
    // The host page (or any script on it) posts to the frame: the embed has no listener.
    await page.evaluate((payloads) => {
      for (const payload of payloads) document.querySelector('iframe')!.contentWindow!.postMessage(payload, '*');
    }, hostile);
    // Messages are tasks: once a later task in the frame has run, they have all been delivered.
    const after = await frame.evaluate(
      () => new Promise<string>((done) => setTimeout(() => done(document.documentElement.outerHTML), 100)),
    );
    // A script on the host forges the frame's message: the listener checks where it came from.
    await page.evaluate((type) => window.postMessage({ type, height: 700 }, '*'), EMBED_HEIGHT_MESSAGE);
    // A frame that turned hostile posts bad shapes, then one good message to mark the end.
    await frame.evaluate(
      ({ payloads, type }) => {
        for (const payload of payloads) parent.postMessage(payload, '*');
        parent.postMessage({ type, height: 600 }, '*');
      },
      { payloads: hostile, type: EMBED_HEIGHT_MESSAGE },
    );
    await expect.poll(() => page.$eval('iframe', (iframe) => iframe.getAttribute('height'))).toBe('600');
    const heights = await page.evaluate(() => (window as unknown as { heights: string[] }).heights);
    await context.close();
    // Only the frame's own first message and the final good one changed the height.
    expect(heights).toEqual([heights[0], '600']);
    expect(after).toBe(before);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows the static drawing without JavaScript: in a frame that may not run scripts, and in a browser with JavaScript off', async () => {
    const path = await firstChartPage();
    for (const [sandbox, javaScriptEnabled] of [
      ['', true],
      ['allow-scripts', false],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 900, height: 700 }, javaScriptEnabled });
      const snippet = (await snippetFor(path)).replace('sandbox="allow-scripts"', `sandbox="${sandbox}"`);
      const { page, problems } = await openHost(context, snippet);
      const frame = await embedFrame(page);
      await frame.waitForLoadState('load');
      const image = await frame.$eval('.chart__image', (image) => {
        const shown = [...image.querySelectorAll('svg.chart__drawing')].filter(
          (drawing) => getComputedStyle(drawing).display !== 'none',
        );
        return {
          loaded: shown.length === 1 && shown[0]!.querySelectorAll('text').length > 5,
          visible: getComputedStyle(image).visibility === 'visible',
          width: shown[0]?.getBoundingClientRect().width ?? 0,
          state: image.closest('figure')!.dataset.chartState ?? null,
        };
      });
      await context.close();
      expect(image, `sandbox="${sandbox}", JavaScript ${javaScriptEnabled ? 'on' : 'off'}`).toEqual({
        loaded: true,
        visible: true,
        width: expect.any(Number),
        state: null,
      });
      expect(image.width).toBeGreaterThan(400);
      // A frame without allow-scripts says it blocked the module script; nothing else may fail.
      expect(
        problems.filter(
          (problem) =>
            !/Blocked script execution .* sandboxed and the 'allow-scripts' permission is not set/.test(problem),
        ),
      ).toEqual([]);
    }
  });

  it('opens links in a new tab where the frame allows it, and otherwise shows the address to copy', async () => {
    const path = await firstChartPage();
    for (const sandbox of ['allow-scripts', 'allow-scripts allow-popups allow-popups-to-escape-sandbox']) {
      const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
      // The site's published address is not reachable from the test machine: answer for it.
      await context.route('https://trendbook.example.com/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Chart page</title>' }),
      );
      const snippet = (await snippetFor(path)).replace('sandbox="allow-scripts"', `sandbox="${sandbox}"`);
      const { page } = await openHost(context, snippet);
      const frame = await embedFrame(page);
      await frame.locator('figure[data-chart][data-chart-state="drawn"]').waitFor({ timeout: 15_000 });
      const credit = frame.locator('.embed__credit a');
      const href = await credit.getAttribute('href');
      const opened: string[] = [];
      context.on('page', (popup) => opened.push(popup.url()));
      await credit.click();
      if (sandbox === 'allow-scripts') {
        await expect.poll(() => frame.locator('[data-embed-blocked] input').count()).toBe(1);
        const shown = await frame.evaluate(() => {
          const input = document.querySelector<HTMLInputElement>('[data-embed-blocked] input')!;
          return {
            value: input.value,
            focused: document.activeElement === input,
            text: document.querySelector('[data-embed-blocked]')!.textContent,
          };
        });
        await page.screenshot({ path: `${SHOTS}/embed-link-blocked.png` });
        expect(shown).toEqual({
          value: href,
          focused: true,
          text: 'This frame cannot open new tabs. Copy the address to open it: ',
        });
        expect(opened).toEqual([]);
        // The frame stays on the chart.
        expect(frame.url()).toContain('/embed/');
      } else {
        await expect.poll(() => opened.length).toBe(1);
        await expect.poll(() => context.pages().at(-1)!.url()).toBe(href);
        expect(await frame.locator('[data-embed-blocked] input').count()).toBe(0);
      }
      await context.close();
    }
  });
});
