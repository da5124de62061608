import { describe, expect, it } from 'vitest';
import { summarizeChart } from '../../../src/lib/chart/describe.ts';
import { engagementSpec, series } from './spec-fixtures.ts';

const YEARS = [2016, 2019, 2026];
const overYears = {
  x: {
    column: 'year',
    label: 'Year',
    format: { type: 'year' as const, decimals: 0 },
    values: YEARS,
    labels: YEARS.map(String),
    scale: 'time' as const,
  },
};

describe('a chart in one sentence', () => {
  it('names the series that changed the most, not the first, with the peak between the ends', () => {
    const spec = engagementSpec({
      ...overYears,
      series: [
        series('micro', 'Micro', [2.4, 2.5, 0.5]),
        series('nano', 'Nano', [4, 8.8, 1.8]),
        series('mega', 'Mega / celebrity', [1.7, 2.1, 0.3]),
      ],
    });
    expect(summarizeChart(spec)).toBe(
      'Nano fell the most, from 4% in 2016 to 1.8% in 2026; the highest value was 8.8%, for Nano in 2019.',
    );
  });

  it('says rose for a rise, leaves out the peak when it is an end, and names one series by its measure', () => {
    const spec = engagementSpec({ ...overYears, series: [series('', 'Engagement rate', [1, 2, 3])] });
    expect(summarizeChart(spec)).toBe('Engagement rate rose, from 1% in 2016 to 3% in 2026.');
  });

  it('says which values are illustrative or midpoints of ranges', () => {
    const spec = engagementSpec({
      ...overYears,
      series: [
        series('micro', 'Micro', [2, 9, 1], {
          basis: ['reported', 'illustrative', 'reported'],
          ranges: [null, null, [0.5, 1.5]],
        }),
        series('mega', 'Mega / celebrity', [1, 1, 1]),
      ],
    });
    expect(summarizeChart(spec)).toBe(
      'Micro fell the most, from 2% in 2016 to 1% (the midpoint of a published range) in 2026; the highest value was 9% (illustrative), for Micro in 2019.',
    );
  });

  it('names the highest and lowest category of a bar chart', () => {
    const spec = engagementSpec({
      type: 'bar',
      x: {
        column: 'tier',
        label: 'Tier',
        format: { type: 'category', decimals: 0 },
        values: ['nano', 'micro', 'mega'],
        labels: ['Nano', 'Micro', 'Mega / celebrity'],
      },
      series: [series('', 'Engagement rate', [4, 2.4, 1.7])],
    });
    expect(summarizeChart(spec)).toBe('Highest: Nano at 4%; lowest: Mega / celebrity at 1.7%.');
  });
});
