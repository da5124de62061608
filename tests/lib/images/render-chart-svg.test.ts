/**
 * The static drawing of a chart: chart.js draws into an SVG-recording context, so the drawing shows what
 * the canvas shows, as text and vectors, in both colour schemes, and travels alone as a well-formed file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it, vi } from 'vitest';
import { describeChart } from '../../../src/lib/chart/describe.ts';
import { sourceLine } from '../../../src/lib/chart/source-line.ts';
import { CHART_THEMES } from '../../../src/lib/chart/to-chart-config.ts';
import { figureDrawings } from '../../../src/lib/images/image-jobs.ts';
import { drawChartSvg, framedChartSvg, svgFile } from '../../../src/lib/images/render-chart-svg.ts';
import { SvgContext } from '../../../src/lib/images/svg-context.ts';
import { engagementSpec, MEGA, MICRO, series } from '../chart/spec-fixtures.ts';

function stylesOf(family: string): number {
  return GlobalFonts.families.find((entry) => entry.family === family)?.styles.length ?? 0;
}

/** Reach in the millions, so axis ticks use the locale's compact notation. */
function reachSpec(locale: string) {
  return engagementSpec({
    locale,
    y: { column: 'reach', label: 'Reach', format: { type: 'number', decimals: 0 }, scale: 'linear' },
    series: engagementSpec().series.map((series) => ({ ...series, values: [1_234_567, 25_000_000] })),
  });
}

const SIZE = { width: 600, height: 300 };

function draw(spec = engagementSpec(), scheme: 'themed' | 'light' = 'themed'): Element {
  return drawChartSvg(spec, { ...SIZE, id: 'drawing', label: describeChart(spec), scheme });
}

function elements(root: Element, tagName: string): Element[] {
  const found: Element[] = [];
  const visit = (node: Element) => {
    if (node.tagName === tagName) found.push(node);
    for (const child of node.children) if (child.type === 'element') visit(child);
  };
  visit(root);
  return found;
}

function textsOf(root: Element): string[] {
  return elements(root, 'text').map((text) =>
    text.children.map((child) => ('value' in child ? child.value : '')).join(''),
  );
}

describe('drawChartSvg', () => {
  it.each([
    // 万 (ten thousand) in the axis ticks.
    ['zh-CN', 'Noto Sans SC'],
    // Arabic-Indic digits and مليون (million) in the axis ticks.
    ['ar-EG', 'Noto Sans Arabic'],
  ])('F5: registers the font of tick labels formatted for %s (%s)', (locale, family) => {
    const before = stylesOf(family);
    draw(reachSpec(locale));
    expect(stylesOf(family)).toBeGreaterThan(before);
  });

  it('registers no fallback font for a chart in English', () => {
    const fallbacks = ['Noto Color Emoji', 'Noto Sans SC', 'Noto Sans KR', 'Noto Sans Arabic', 'Noto Sans Hebrew'];
    const before = fallbacks.map(stylesOf);
    draw(reachSpec('en-US'));
    expect(fallbacks.map(stylesOf)).toEqual(before);
  });

  it('is an image named by the chart’s description, sized for its layout', () => {
    const drawing = draw();
    expect(drawing.properties).toMatchObject({
      role: 'img',
      ariaLabel: describeChart(engagementSpec()),
      viewBox: '0 0 600 300',
      preserveAspectRatio: 'xMinYMin meet',
    });
  });

  it('writes legend, ticks and axis titles as text, with every x value labelled', () => {
    const texts = textsOf(draw());
    expect(texts.filter((text) => text === '2016' || text === '2017')).toHaveLength(2);
    expect(texts).toEqual(expect.arrayContaining(['Micro', 'Mega / celebrity', 'Year', 'Engagement rate (%)', '0%']));
  });

  it('paints series and page colours light and dark from one drawing, and light only when asked', () => {
    const themed = toHtml(draw());
    expect(themed).toContain(`light-dark(${MICRO.color}, ${MICRO.darkColor})`);
    expect(themed).toContain(`light-dark(${MEGA.color}, ${MEGA.darkColor})`);
    // Lines are named at their ends in their own colours; ticks and axis titles are in the page's muted text.
    expect(themed).toContain(`light-dark(${CHART_THEMES.light.muted}, ${CHART_THEMES.dark.muted})`);
    expect(themed).toContain(`light-dark(${CHART_THEMES.light.grid}, ${CHART_THEMES.dark.grid})`);
    const light = toHtml(draw(engagementSpec(), 'light'));
    expect(light).not.toContain('light-dark(');
    expect(light).toContain(MICRO.color);
    expect(light).not.toContain(MICRO.darkColor);
  });

  it('draws illustrative points hollow on dashed segments, as the canvas does', () => {
    const spec = engagementSpec({
      series: [
        series('micro', 'Micro', [2.4, 2.2, 2.0], { ...MICRO, basis: ['reported', 'illustrative', 'reported'] }),
      ],
      x: { ...engagementSpec().x, values: [2016, 2017, 2018], labels: ['2016', '2017', '2018'] },
      counts: { points: 3, gaps: 0, illustrative: 1, midpoints: 0 },
    });
    const paths = elements(draw(spec), 'path');
    const dashed = paths.filter((path) => String(path.properties.strokeDashArray) === '5,4');
    expect(dashed).toHaveLength(1);
    expect(svgFile(draw(spec))).toContain('stroke-dasharray="5 4"');
    // The hollow point is filled with the page's background, and so is its key in the legend.
    expect(
      paths.filter(
        (path) =>
          path.properties.fill === `light-dark(${CHART_THEMES.light.background}, ${CHART_THEMES.dark.background})`,
      ),
    ).toHaveLength(2);
    expect(textsOf(draw(spec))).toContain('Illustrative (hollow, dashed)');
  });

  it('draws an illustrative bar pale inside a solid outline, as the canvas does', () => {
    const spec = engagementSpec({
      type: 'bar',
      series: [series('micro', 'Micro', [2.4, 2.2], { ...MICRO, basis: ['reported', 'illustrative'] })],
      counts: { points: 2, gaps: 0, illustrative: 1, midpoints: 0 },
    });
    const paths = elements(draw(spec), 'path');
    const colour = `light-dark(${MICRO.color}, ${MICRO.darkColor})`;
    // The outline: outer and inner rectangle, filled even-odd so the inside stays open.
    expect(
      paths.filter((path) => path.properties.fill === colour && path.properties.fillRule === 'evenodd'),
    ).toHaveLength(1);
    // The inside: the same colour at a quarter of its strength.
    expect(
      paths.filter((path) => path.properties.fill === colour && path.properties.fillOpacity === '0.251'),
    ).toHaveLength(1);
  });

  it('keeps labels from data as text in the page and in a file', () => {
    const spec = engagementSpec({
      series: [series('micro', '<img src=x onerror=alert(1)> & "co"', [2.4, 2.2], MICRO)],
    });
    const drawing = draw(spec);
    expect(textsOf(drawing)).toContain('<img src=x onerror=alert(1)> & "co"');
    expect(elements(drawing, 'img')).toEqual([]);
    expect(toHtml(drawing)).toContain('>&#x3C;img src=x onerror=alert(1)> &#x26; "co"</text>');
    const file = svgFile(drawing);
    expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expect(file).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; "co"');
    expect(file).not.toContain('<img');
  });

  it('writes a file with the attribute names an HTML page gets', () => {
    const spec = engagementSpec({
      series: [series('micro', 'Micro', [2.4, 2.2], { ...MICRO, basis: ['reported', 'illustrative'] })],
      counts: { points: 2, gaps: 0, illustrative: 1, midpoints: 0 },
    });
    const names = (markup: string) => new Set([...markup.matchAll(/\s([a-zA-Z:-]+)="/g)].map((match) => match[1]));
    const drawing = draw(spec);
    expect(names(svgFile(drawing).replace(/^<\?xml[^>]*>/, ''))).toEqual(names(toHtml(drawing, { space: 'svg' })));
    expect(names(svgFile(drawing)).size).toBeGreaterThanOrEqual(15);
  });
});

describe('framedChartSvg', () => {
  it('carries title, source line and credit, in the bundled fonts then the reader’s', () => {
    const spec = engagementSpec();
    const frame = { title: 'Engagement by tier', source: 'Source: Klear, 2019.', credit: 'Trendbook · example.com' };
    const drawing = framedChartSvg(spec, frame, { width: 1200, height: 675, fontSize: 15 });
    expect(textsOf(drawing)).toEqual(expect.arrayContaining([frame.title, frame.source, frame.credit, 'Micro']));
    expect(String(drawing.properties.fontFamily)).toMatch(/^"Inter", .*, system-ui, sans-serif$/);
    expect(elements(drawing, 'title').length).toBe(1);
    expect(toHtml(drawing)).not.toContain('light-dark(');
  });
});

describe('a chart that travels alone keeps its source line and illustrative key whole', () => {
  // Eight sources with long names and illustrative values: the engagement chart of the example report, in short.
  const sources = Array.from({ length: 8 }, (_, index) => ({
    id: `s${index}`,
    title: `A long publication title number ${index + 1} reporting somebody else's survey data`,
    publisher: `Publisher number ${index + 1} (reporting a study by another agency)`,
    year: 2016 + index,
  }));
  const spec = engagementSpec({
    sources,
    counts: { points: 40, gaps: 0, illustrative: 24, midpoints: 0 },
  });

  it.each([
    ['the SVG download', { width: 1200, height: 675, fontSize: 15 }],
    ['the chart card and PNG', { width: 1200, height: 630, fontSize: 16 }],
  ])('in %s, never cut with "…", naming the sources that fit and how many more', (_name, size) => {
    const frame = { title: 'Engagement by tier', source: sourceLine(spec), credit: 'Trendbook · example.com' };
    const texts = textsOf(framedChartSvg(spec, frame, size));
    const text = texts.join(' ');
    expect(text).not.toContain('…');
    expect(text).toContain('24 of 40 values are illustrative (hollow points, dashed where joined).');
    expect(text).toMatch(/Sources: Publisher number 1 .*; and \d more\./);
  });
});

describe('the ticks of a time axis in a narrow drawing', () => {
  it('leave room between year labels beside end labels (the report card draws the chart 520 px wide)', () => {
    const years = Array.from({ length: 11 }, (_, index) => 2016 + index);
    const spec = engagementSpec({
      x: {
        column: 'year',
        label: 'Year',
        format: { type: 'year', decimals: 0 },
        values: years,
        labels: years.map(String),
        scale: 'time',
        positions: years,
      },
      series: [
        series(
          'micro',
          'Micro',
          years.map((_, index) => 2 + index / 10),
          MICRO,
        ),
        series(
          'mega',
          'Mega / celebrity',
          years.map((_, index) => 1 + index / 10),
          MEGA,
        ),
      ],
      counts: { points: 22, gaps: 0, illustrative: 0, midpoints: 0 },
    });
    const drawing = drawChartSvg(spec, {
      width: 520,
      height: 440,
      fontSize: 15,
      id: 'card',
      label: '',
      scheme: 'light',
    });
    const ticks = elements(drawing, 'text').filter((text) =>
      /^20\d\d$/.test(String((text.children[0] as { value?: string })?.value)),
    );
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    const xs = ticks.map((text) => Number(text.properties.x)).sort((a, b) => a - b);
    // A four-digit year at 15 px is about 36 px wide: centres closer than that overlap.
    for (let index = 1; index < xs.length; index++) expect(xs[index]! - xs[index - 1]!).toBeGreaterThan(40);
  });
});

describe('the text of a mark', () => {
  const years = [2016, 2017, 2018, 2019, 2020, 2021];
  const withPeak = (values: number[]) =>
    engagementSpec({
      x: {
        column: 'year',
        label: 'Year',
        format: { type: 'year', decimals: 0 },
        values: years,
        labels: years.map(String),
        scale: 'time',
        positions: years,
      },
      series: [series('nano', 'Nano', values, MICRO)],
      counts: { points: 6, gaps: 0, illustrative: 0, midpoints: 0 },
      annotations: [{ kind: 'mark', at: 2017, where: '2017', text: 'The argument spreads' }],
    });
  /** The baseline of the mark's text, as a share of the drawing's height from the top. */
  const height = (values: number[]) => {
    const drawing = drawChartSvg(withPeak(values), { width: 600, height: 300, id: 'm', label: '', scheme: 'light' });
    const text = elements(drawing, 'text').find((node) =>
      node.children.some((child) => 'value' in child && child.value === 'The argument spreads'),
    )!;
    return Number(text.properties.y) / 300;
  };

  it('sits at the top of the plot when the data leaves room there', () => {
    expect(height([1, 1, 1, 1, 1, 4])).toBeLessThan(0.3);
  });

  it('moves off a peak that would run under it, rather than covering it', () => {
    // The home page's card had "The micro-influencer argument spreads" over the nano line's 8.8% peak.
    expect(height([8, 9, 9, 8, 2, 1])).toBeGreaterThan(0.5);
  });
});

describe('SvgContext', () => {
  it('draws a whole circle as two half arcs, and a line to where the pen is as nothing', () => {
    const context = new SvgContext(100, 100, 'test');
    context.beginPath();
    context.arc(50, 50, 10, 0, Math.PI * 2);
    context.lineTo(60, 50);
    context.fill();
    expect(context.elements.map(({ element }) => element.properties.d)).toEqual([
      'M60 50A10 10 0 0 1 40 50A10 10 0 0 1 60 50',
    ]);
  });

  it('keeps text on its alphabetic baseline and turns rotated text with a transform', () => {
    const context = new SvgContext(100, 100, 'test');
    context.font = '13px "Inter"';
    context.textBaseline = 'alphabetic';
    context.fillText('a', 10, 20);
    context.translate(5, 50);
    context.rotate(-Math.PI / 2);
    context.textAlign = 'center';
    context.fillText('b', 0, 0);
    const [a, b] = context.elements.map(({ element }) => element.properties);
    expect(a).toMatchObject({ x: '10', y: '20' });
    expect(b).toMatchObject({ x: '0', y: '0', transform: 'matrix(0 -1 1 0 5 50)', textAnchor: 'middle' });
  });
});

describe('figureDrawings', () => {
  it('draws a chart’s two layouts once, then takes them from the cache, as a warm build does', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'trendbook-drawings-'));
    try {
      const spec = engagementSpec();
      const first = figureDrawings(spec, cacheDir);
      expect(first.wide.properties).toMatchObject({ id: 'engagement-drawing-wide', viewBox: '0 0 926 352' });
      expect(first.narrow.properties).toMatchObject({ id: 'engagement-drawing-narrow', viewBox: '0 0 348 320' });
      const files = readdirSync(cacheDir);
      expect(files).toHaveLength(1);
      // Another build (a fresh module, nothing in memory) reads the file instead of drawing: mark it to tell.
      const file = join(cacheDir, files[0]!);
      const cached = JSON.parse(readFileSync(file, 'utf8'));
      cached.wide.properties.ariaLabel = 'from the cache';
      writeFileSync(file, JSON.stringify(cached));
      vi.resetModules();
      const fresh = await import('../../../src/lib/images/image-jobs.ts');
      expect(fresh.figureDrawings(spec, cacheDir).wide.properties.ariaLabel).toBe('from the cache');
      // Each caller gets its own copy, so a page that adds to its tree changes no other page.
      const copy = fresh.figureDrawings(spec, cacheDir);
      copy.wide.properties.ariaLabel = 'changed by one page';
      expect(fresh.figureDrawings(spec, cacheDir).wide.properties.ariaLabel).toBe('from the cache');
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
