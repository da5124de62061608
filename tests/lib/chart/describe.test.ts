import { describe, expect, it } from 'vitest';
import { describeChart } from '../../../src/lib/chart/describe.ts';
import { engagementSpec, series } from './spec-fixtures.ts';

describe('describeChart', () => {
  it('names the measure, the series, the span, each change and the extremes', () => {
    expect(describeChart(engagementSpec())).toBe(
      'Line chart of engagement rate for Micro and Mega / celebrity from 2016 to 2017. ' +
        'Micro fell from 2.4% in 2016 to 2.2% in 2017. ' +
        'Mega / celebrity fell from 1.7% in 2016 to 1.5% in 2017. ' +
        'Highest: Micro in 2016 (2.4%); lowest: Mega / celebrity in 2017 (1.5%).',
    );
  });

  it('describes one series without naming it in the first sentence', () => {
    const spec = engagementSpec({
      y: { column: 'listeners', label: 'Listeners', format: { type: 'number', decimals: 0 }, scale: 'linear' },
      x: {
        column: 'year',
        label: 'Year',
        format: { type: 'year', decimals: 0 },
        values: [2022, 2023],
        labels: ['2022', '2023'],
      },
      series: [series('', 'Listeners', [100, 12400])],
    });
    expect(describeChart(spec)).toBe(
      'Line chart of listeners from 2022 to 2023. Listeners rose from 100 in 2022 to 12,400 in 2023.',
    );
  });

  it('describes a single year with "for"', () => {
    const spec = engagementSpec({
      x: { column: 'year', label: 'Year', format: { type: 'year', decimals: 0 }, values: [2016], labels: ['2016'] },
      series: [series('micro', 'Micro', [2.4]), series('mega', 'Mega / celebrity', [1.7])],
    });
    expect(describeChart(spec)).toBe(
      'Line chart of engagement rate for Micro and Mega / celebrity for 2016. Micro: 2.4% in 2016. Mega / celebrity: 1.7% in 2016. ' +
        'Highest: Micro in 2016 (2.4%); lowest: Mega / celebrity in 2016 (1.7%).',
    );
  });

  it('names the highest category of a bar chart by category', () => {
    const spec = engagementSpec({
      type: 'bar',
      x: {
        column: 'tier',
        label: 'Tier',
        format: { type: 'category', decimals: 0 },
        values: ['nano', 'micro', 'mega'],
        labels: ['nano', 'micro', 'mega'],
      },
      y: {
        column: 'cost_usd',
        label: 'Cost per post',
        format: { type: 'currency', unit: 'USD', decimals: 0 },
        scale: 'logarithmic',
      },
      series: [series('', 'Cost per post', [41, 1200, 7850])],
    });
    expect(describeChart(spec)).toBe(
      'Bar chart of cost per post on a log scale from nano to mega. Cost per post is highest for mega at $7,850.',
    );
  });

  it('skips gaps and says when a series has no data', () => {
    const spec = engagementSpec({
      x: {
        column: 'year',
        label: 'Year',
        format: { type: 'year', decimals: 0 },
        values: [2016, 2017, 2018],
        labels: ['2016', '2017', '2018'],
      },
      series: [series('micro', 'Micro', [null, 2.2, 2.6]), series('nano', 'Nano', [null, null, null])],
    });
    expect(describeChart(spec)).toBe(
      'Line chart of engagement rate for Micro and Nano from 2016 to 2018. Micro rose from 2.2% in 2017 to 2.6% in 2018. Nano: no data. ' +
        'Highest: Micro in 2018 (2.6%); lowest: Micro in 2017 (2.2%).',
    );
  });

  it('describes five series and counts the others', () => {
    const labels = ['Nano', 'Micro', 'Mid-tier', 'Macro', 'Mega / celebrity', 'Average consumer', 'Agency'];
    const spec = engagementSpec({
      x: { column: 'year', label: 'Year', format: { type: 'year', decimals: 0 }, values: [2016], labels: ['2016'] },
      series: labels.map((label, index) => series(label.toLowerCase(), label, [index + 1])),
    });
    expect(describeChart(spec)).toBe(
      'Line chart of engagement rate for Nano, Micro, Mid-tier, Macro, Mega / celebrity, Average consumer and Agency for 2016. ' +
        'Nano: 1% in 2016. Micro: 2% in 2016. Mid-tier: 3% in 2016. Macro: 4% in 2016. Mega / celebrity: 5% in 2016. ' +
        'And 2 more series. Highest: Agency in 2016 (7%); lowest: Nano in 2016 (1%).',
    );
  });

  it('says how many values are illustrative', () => {
    const spec = engagementSpec({ counts: { points: 4, gaps: 0, illustrative: 1, midpoints: 0 } });
    expect(describeChart(spec)).toMatch(/ 1 of 4 values are illustrative, not reported by a source\.$/);
  });

  it('says the scale a unit declares, so 9.8 in a column of millions reads "9.8 million"', () => {
    const spec = engagementSpec({
      y: {
        column: 'trips',
        label: 'Bike trips',
        format: { type: 'number', unit: 'million', decimals: 1 },
        scale: 'linear',
      },
      series: [series('', 'Bike trips', [9.8, 12.5])],
    });
    expect(describeChart(spec)).toContain('Bike trips rose from 9.8 million in 2016 to 12.5 million in 2017.');
  });
});
