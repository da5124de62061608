import type { ScriptableLineSegmentContext, TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { CHART_THEMES, toChartConfig } from '../../../src/lib/chart/to-chart-config.ts';
import { engagementSpec, MEGA, MICRO, series } from './spec-fixtures.ts';

const { light, dark } = CHART_THEMES;

/** Micro 2016–2018 with an illustrative 2017; mega reported, with a midpoint in 2018. */
const flagged = engagementSpec({
  x: {
    column: 'year',
    label: 'Year',
    format: { type: 'year', decimals: 0 },
    values: [2016, 2017, 2018],
    labels: ['2016', '2017', '2018'],
  },
  series: [
    series('micro', 'Micro', [2.4, 2.2, 2], { ...MICRO, basis: ['reported', 'illustrative', 'reported'] }),
    series('mega', 'Mega / celebrity', [1.7, null, 1.6], { ...MEGA, ranges: [null, null, [1.2, 2]] }),
  ],
  counts: { points: 5, gaps: 1, illustrative: 1, midpoints: 1 },
});

/** Calls a line dataset's scriptable borderDash for the segment from point `p0` to `p1`. */
function dash(config: ReturnType<typeof toChartConfig>, datasetIndex: number, p0: number, p1: number): unknown {
  const dataset = config.data.datasets[datasetIndex] as unknown as {
    segment: { borderDash: (context: ScriptableLineSegmentContext) => unknown };
  };
  return dataset.segment.borderDash({ p0DataIndex: p0, p1DataIndex: p1 } as ScriptableLineSegmentContext);
}

function tooltip(config: ReturnType<typeof toChartConfig>, datasetIndex: number, dataIndex: number): unknown {
  const label = config.options!.plugins!.tooltip!.callbacks!.label as (item: TooltipItem<'line'>) => string;
  return label.call(undefined as never, { datasetIndex, dataIndex } as TooltipItem<'line'>);
}

describe('toChartConfig for lines', () => {
  const config = toChartConfig(flagged, light);

  it('fills the container instead of keeping an aspect ratio, and does not animate', () => {
    expect(config.type).toBe('line');
    expect(config.options).toMatchObject({
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      spanGaps: false,
    });
    expect(config.data.labels).toEqual(['2016', '2017', '2018']);
  });

  it('draws segments that touch an illustrative point dashed, and the others solid', () => {
    expect(dash(config, 0, 0, 1)).toEqual([5, 4]);
    expect(dash(config, 0, 1, 2)).toEqual([5, 4]);
    expect(dash(config, 1, 0, 1)).toBeUndefined();
    expect(dash(toChartConfig(engagementSpec(), light), 0, 0, 1)).toBeUndefined();
  });

  it('draws illustrative points hollow, midpoints as diamonds and gaps without a point', () => {
    expect(
      config.data.datasets.map((dataset) => ({
        label: dataset.label,
        data: dataset.data,
        ...pick(dataset, ['borderColor', 'pointBackgroundColor', 'pointBorderColor', 'pointStyle', 'pointRadius']),
      })),
    ).toEqual([
      {
        label: 'Micro',
        data: [2.4, 2.2, 2],
        borderColor: '#1d4ed8',
        pointBackgroundColor: ['#1d4ed8', '#ffffff', '#1d4ed8'],
        pointBorderColor: '#1d4ed8',
        pointStyle: ['circle', 'circle', 'circle'],
        pointRadius: [3.5, 3.5, 3.5],
      },
      {
        label: 'Mega / celebrity',
        data: [1.7, null, 1.6],
        borderColor: '#be123c',
        pointBackgroundColor: ['#be123c', '#be123c', '#be123c'],
        pointBorderColor: '#be123c',
        pointStyle: ['circle', 'circle', 'rectRot'],
        pointRadius: [3.5, 0, 5],
      },
    ]);
  });

  it('uses the dark colours of each series and the dark page behind hollow points', () => {
    const night = toChartConfig(flagged, dark);
    expect(night.data.datasets.map((dataset) => pick(dataset, ['borderColor', 'pointBackgroundColor']))).toEqual([
      { borderColor: '#60a5fa', pointBackgroundColor: ['#60a5fa', '#1c1917', '#60a5fa'] },
      { borderColor: '#fb7185', pointBackgroundColor: ['#fb7185', '#fb7185', '#fb7185'] },
    ]);
    expect(night.options!.scales!.y!.ticks!.color).toBe('#d6d3d1');
    expect(night.options!.scales!.y!.grid!.color).toBe('#3f3b39');
    expect(night.options!.color).toBe('#f5f5f4');
  });

  it('titles the y axis with its unit and formats ticks like the table', () => {
    expect(config.options!.scales!.y).toMatchObject({
      type: 'linear',
      beginAtZero: true,
      title: { display: true, text: 'Engagement rate (%)' },
    });
    const callback = config.options!.scales!.y!.ticks!.callback as (
      value: number,
      index: number,
      ticks: unknown[],
    ) => string;
    expect(callback.call(undefined as never, 2.5, 0, [])).toBe('2.5%');
  });

  it('says in the tooltip which values are illustrative or midpoints', () => {
    expect(tooltip(config, 0, 0)).toBe('Micro: 2.4%');
    expect(tooltip(config, 0, 1)).toBe('Micro: 2.2% (illustrative)');
    expect(tooltip(config, 1, 1)).toBe('Mega / celebrity: no data');
    expect(tooltip(config, 1, 2)).toBe('Mega / celebrity: 1.6% (midpoint of 1.2%–2%)');
  });

  it('shows a legend with one solid marker per series', () => {
    const legend = config.options!.plugins!.legend!;
    // A phone-wide chart: its lines are named in the legend, not at their ends.
    const chart = { isDatasetVisible: (index: number) => index === 0, width: 360 };
    expect((legend.display as unknown as (context: unknown) => boolean)({ chart })).toBe(true);
    const generate = legend.labels!.generateLabels as (chart: unknown) => unknown;
    expect(generate(chart)).toEqual([
      {
        text: 'Micro',
        fillStyle: '#1d4ed8',
        strokeStyle: '#1d4ed8',
        lineWidth: 0,
        pointStyle: 'circle',
        fontColor: '#1c1917',
        hidden: false,
        datasetIndex: 0,
      },
      {
        text: 'Mega / celebrity',
        fillStyle: '#be123c',
        strokeStyle: '#be123c',
        lineWidth: 0,
        pointStyle: 'circle',
        fontColor: '#1c1917',
        hidden: true,
        datasetIndex: 1,
      },
      // The key to the marks that are not plain data travels with every drawing of the chart.
      {
        text: 'Illustrative (hollow, dashed)',
        fillStyle: light.background,
        strokeStyle: light.muted,
        lineWidth: 1.5,
        pointStyle: 'circle',
        fontColor: '#1c1917',
        hidden: false,
      },
      {
        text: 'Midpoint of a range (whisker: the range)',
        fillStyle: light.muted,
        strokeStyle: light.muted,
        lineWidth: 0,
        pointStyle: 'rectRot',
        fontColor: '#1c1917',
        hidden: false,
      },
    ]);
  });
});

describe('toChartConfig for bars', () => {
  const bars = engagementSpec({
    type: 'bar',
    series: [series('', 'Engagement rate', [2.4, 2.2], { ...MICRO, basis: ['reported', 'illustrative'] })],
  });

  it('draws illustrative bars pale with an outline', () => {
    const config = toChartConfig(bars, light);
    expect(config.type).toBe('bar');
    expect(pick(config.data.datasets[0]!, ['backgroundColor', 'borderColor', 'borderWidth'])).toEqual({
      backgroundColor: ['#1d4ed8', '#1d4ed840'],
      borderColor: '#1d4ed8',
      borderWidth: [0, 1.5],
    });
    expect(pick(toChartConfig(bars, dark).data.datasets[0]!, ['backgroundColor'])).toEqual({
      backgroundColor: ['#60a5fa', '#60a5fa40'],
    });
  });

  it('hides the legend of a single series and names the measure in the tooltip', () => {
    const config = toChartConfig(bars, light);
    const display = config.options!.plugins!.legend!.display as unknown as (context: unknown) => boolean;
    expect(display({ chart: { width: 800, isDatasetVisible: () => true } })).toBe(false);
    expect(config.options!.scales!.x!.grid!.display).toBe(false);
    expect(tooltip(config, 0, 1)).toBe('Engagement rate: 2.2% (illustrative)');
  });

  it('starts a log axis at the power of ten below the smallest value', () => {
    const prices = engagementSpec({
      type: 'bar',
      y: {
        column: 'cost_usd',
        label: 'Cost per post',
        format: { type: 'currency', unit: 'USD', decimals: 0 },
        scale: 'logarithmic',
      },
      series: [series('', 'Cost per post', [41, 7850])],
    });
    expect(toChartConfig(prices, light).options!.scales!.y).toMatchObject({
      type: 'logarithmic',
      beginAtZero: false,
      min: 10,
      title: { text: 'Cost per post (USD), log scale' },
    });
  });
});

function pick(object: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, (object as Record<string, unknown>)[key]]));
}

describe('range whiskers on midpoints', () => {
  /** Runs the chart's plugins against a recording canvas: y pixels are 100 − 10 × value. */
  function strokes(config: ReturnType<typeof toChartConfig>, hidden: number[] = []): string[] {
    const drawn: string[] = [];
    const ctx = {
      save() {},
      restore() {},
      beginPath() {},
      strokeStyle: '',
      lineWidth: 0,
      stroke() {
        drawn.push('stroke');
      },
      moveTo(x: number, y: number) {
        drawn.push(`M${x},${y}`);
      },
      lineTo(x: number, y: number) {
        drawn.push(`L${x},${y}`);
      },
    } as Record<string, unknown>;
    const chart = {
      ctx,
      chartArea: { top: 0, bottom: 100 },
      scales: { y: { getPixelForValue: (value: number) => 100 - value * 10 } },
      isDatasetVisible: (index: number) => !hidden.includes(index),
      getDatasetMeta: () => ({ data: [{ x: 10 }, { x: 20 }, { x: 30 }] }),
    };
    // Under points (beforeDatasetsDraw), over bars (afterDatasetsDraw).
    for (const plugin of (config.plugins ?? []).filter((entry) => entry.id === 'trendbookRanges'))
      ((plugin.beforeDatasetsDraw ?? plugin.afterDatasetsDraw) as (chart: unknown) => void)(chart);
    return drawn;
  }

  it('draws a whisker from the low to the high end of each range, with caps, on lines and bars', () => {
    const path = ['M30,88', 'L30,80', 'M26,88', 'L34,88', 'M26,80', 'L34,80', 'stroke'];
    // Once wide in the background colour, once thin on top.
    const whisker = [...path, ...path];
    expect(strokes(toChartConfig(flagged, light))).toEqual(whisker);
    expect(strokes(toChartConfig({ ...flagged, type: 'bar' }, dark))).toEqual(whisker);
  });

  it('draws nothing for a hidden series, and has no whisker plugin without midpoints', () => {
    expect(strokes(toChartConfig(flagged, light), [1])).toEqual([]);
    expect((toChartConfig(engagementSpec(), light).plugins ?? []).map((plugin) => plugin.id)).toEqual([
      'trendbookAxisTitle',
      'trendbookEndLabels',
    ]);
  });
});

describe('log axis labels', () => {
  it('labels 1, 2 and 5 × 10ⁿ only, so labels never crowd', async () => {
    const { isRoundLogTick } = await import('../../../src/lib/chart/to-chart-config.ts');
    expect(
      [1, 2, 3, 5, 8, 10, 20, 50, 60, 100, 200, 500, 800, 1000, 5000, 6000, 0.5, 0, -10].filter(isRoundLogTick),
    ).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000, 0.5]);
  });
});

describe('a y-axis title longer than its axis', () => {
  /** Runs the axis-title plugin on an axis `height` px tall, with text 6 px per character. */
  function fitted(config: ReturnType<typeof toChartConfig>, text: string, height: number): string {
    const title = { display: true, text, font: { size: 12, family: 'Inter' } };
    const chart = {
      ctx: { save() {}, restore() {}, font: '', measureText: (line: string) => ({ width: [...line].length * 6 }) },
      scales: { y: { height, options: { title } } },
      options: {},
    };
    const plugin = (config.plugins ?? []).find((entry) => entry.id === 'trendbookAxisTitle')!;
    (plugin.beforeDraw as (chart: unknown) => void)(chart);
    return title.text;
  }

  it('is shortened with "…" to the axis height, keeping its unit, and grows back when the axis does', () => {
    const config = toChartConfig(flagged, light);
    const title = 'Conversations vs average consumer (×)';
    expect(fitted(config, title, 120)).toBe('Conversations… (×)');
    expect(fitted(config, title, 6 * title.length)).toBe(title);
    expect(fitted(config, 'Engagement rate', 60)).toBe('Engagemen…');
    expect(fitted(config, 'Cost per post (USD), log scale', 100)).toBe('Cost per post…');
  });
});

describe('axis extent', () => {
  it('reaches every range on a log axis, from a power of ten to a labelled 1, 2 or 5 × 10ⁿ, and past the highest range on a linear one', () => {
    const ranged = engagementSpec({
      series: [
        series('mega', 'Mega / celebrity', [7850, 40], {
          ...MEGA,
          ranges: [
            [700, 15000],
            [5, 100],
          ],
        }),
      ],
      counts: { points: 2, gaps: 0, illustrative: 0, midpoints: 2 },
    });
    const log = toChartConfig({ ...ranged, y: { ...ranged.y, scale: 'logarithmic' } }, light).options!.scales!.y as {
      min?: number;
      max?: number;
    };
    expect([log.min, log.max]).toEqual([1, 20000]);
    expect((toChartConfig(ranged, light).options!.scales!.y as { suggestedMax?: number }).suggestedMax).toBe(15000);
  });

  it('keeps no empty slot for a series without a value, so bars stay centred on their label', () => {
    expect((toChartConfig({ ...flagged, type: 'bar' }, light).options as { skipNull?: boolean }).skipNull).toBe(true);
  });
});
