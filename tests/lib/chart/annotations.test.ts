import { describe, expect, it } from 'vitest';
import { buildChartSpec } from '../../../src/lib/chart/build-chart-spec.ts';
import { SITE } from '../../../src/site.config.ts';
import { makeDataset } from '../aggregate/make-dataset.ts';

describe('a band over months', () => {
  const riders = makeDataset(
    'riders',
    [
      { name: 'month', type: 'date', label: 'Month' },
      { name: 'riders', type: 'number', label: 'Riders' },
    ],
    [
      ['2024-05', 10],
      ['2024-06', 11],
      ['2024-07', 12],
      ['2024-08', 13],
      ['2024-09', 14],
      ['2024-10', 15],
    ],
    { meta: { title: 'Riders', sources: [] } },
  );

  it('covers its last month whole, and says its months as the axis does', () => {
    const { spec, issues } = buildChartSpec(
      riders,
      {
        id: 'riders',
        title: 'Riders',
        dataset: 'riders',
        y: 'riders',
        x: 'month',
        type: 'line',
        band: '2024-06..2024-08: Bridge closed',
      },
      SITE,
    );
    expect(issues).toEqual([]);
    const band = spec!.annotations![0]!;
    expect(band).toMatchObject({ kind: 'band', where: 'Jun 2024–Aug 2024', text: 'Bridge closed' });
    // From the start of June to the start of September.
    expect(band.kind === 'band' && [band.from, band.to]).toEqual([spec!.x.positions![1], spec!.x.positions![4]]);
  });
});
