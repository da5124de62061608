import { describe, expect, it } from 'vitest';
import { chartTable } from '../../../src/lib/chart/chart-table.ts';
import { engagementSpec, MEGA, MICRO, series } from './spec-fixtures.ts';

describe('chartTable', () => {
  it('lists every x with each series formatted as on the chart, midpoints with their range and illustrative values marked', () => {
    const spec = engagementSpec({
      x: {
        column: 'year',
        label: 'Year',
        format: { type: 'year', decimals: 0 },
        values: [2016, 2017],
        labels: ['2016', '2017'],
      },
      series: [
        series('micro', 'Micro', [2.4, 2.2], { ...MICRO, basis: ['reported', 'illustrative'] }),
        series('mega', 'Mega / celebrity', [1.7, null], { ...MEGA, ranges: [[1.2, 2.2], null] }),
      ],
      counts: { points: 3, gaps: 1, illustrative: 1, midpoints: 1 },
    });
    expect(chartTable(spec)).toEqual({
      caption: `${spec.title}: ${spec.y.label} (%)`,
      columns: ['Year', 'Micro', 'Mega / celebrity'],
      rows: [
        {
          label: '2016',
          cells: [
            { text: '2.4%', illustrative: false },
            { text: '≈ 1.7% (1.2%–2.2%)', illustrative: false },
          ],
        },
        {
          label: '2017',
          cells: [
            { text: '2.2% *', illustrative: true },
            { text: 'no data', illustrative: false },
          ],
        },
      ],
    });
  });
});
