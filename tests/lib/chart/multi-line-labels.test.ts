/**
 * A quoted cell with a line break, used as x, keeps its
 * line break on the axis and in the table, and reads as a space in sentences.
 */
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { chartTable } from '../../../src/lib/chart/chart-table.ts';
import { describeChart } from '../../../src/lib/chart/describe.ts';
import { chartFigure } from '../../../src/lib/chart/figure.ts';
import { CHART_THEMES, toChartConfig } from '../../../src/lib/chart/to-chart-config.ts';
import { figureDrawings } from '../../../src/lib/images/image-jobs.ts';
import { engagementSpec, MICRO, series } from './spec-fixtures.ts';

const story = engagementSpec({
  type: 'bar',
  x: {
    column: 'story',
    label: 'Story',
    format: { type: 'category', decimals: 0 },
    values: ['Once upon\na time', 'The end'],
    labels: ['Once upon\na time', 'The end'],
  },
  seriesColumn: undefined,
  series: [series('', 'Engagement rate', [2.4, 2.2], MICRO)],
  counts: { points: 2, gaps: 0, illustrative: 0, midpoints: 0 },
});

describe('an x label with a line break', () => {
  it('is drawn as two lines under the axis', () => {
    const config = toChartConfig(story, CHART_THEMES.light);
    const ticks = (
      config.options!.scales!.x as { ticks: { callback: (this: unknown, v: number, i: number) => unknown } }
    ).ticks;
    // The axis as chart.js hands it to the callback: a wide chart, measured at 7 px a character.
    const scale = {
      chart: {
        width: 800,
        options: { font: { size: 13, family: 'Inter' } },
        ctx: { save() {}, restore() {}, font: '', measureText: (text: string) => ({ width: text.length * 7 }) },
      },
    };
    expect([0, 1].map((index) => ticks.callback.call(scale, index, index))).toEqual([
      ['Once upon', 'a time'],
      'The end',
    ]);
  });

  it('keeps its line break in the table model', () => {
    expect(chartTable(story).rows.map((row) => row.label)).toEqual(['Once upon\na time', 'The end']);
  });

  it('keeps its line break in the figure’s table, escaped, and reads as a space in the alt text', () => {
    const html = toHtml(chartFigure(story, 'tales', '', figureDrawings(story)));
    const rows = html.match(/<th scope="row">[^<]*<\/th>/g) ?? [];
    expect(rows).toEqual(['<th scope="row">Once upon\na time</th>', '<th scope="row">The end</th>']);
    expect(html).toContain('aria-label="Bar chart of engagement rate from Once upon a time to The end.');
  });

  it('reads as a space in the description', () => {
    expect(describeChart(story)).toBe(
      'Bar chart of engagement rate from Once upon a time to The end. Engagement rate is highest for Once upon a time at 2.4%.',
    );
  });
});
