import { describe, expect, it } from 'vitest';
import { compareDownload } from '../../../src/lib/build/verify-downloads.ts';
import { buildChartSpec, type ChartRequest } from '../../../src/lib/chart/build-chart-spec.ts';
import { chartTable } from '../../../src/lib/chart/chart-table.ts';
import { describeChart } from '../../../src/lib/chart/describe.ts';
import { chartCsv } from '../../../src/lib/chart/to-csv.ts';
import { SITE } from '../../../src/site.config.ts';
import { makeDataset } from '../aggregate/make-dataset.ts';

const request = (fields: Partial<ChartRequest>): ChartRequest => ({
  id: 'trips',
  title: 'Trips by city',
  dataset: 'trips',
  y: 'trips',
  x: 'year',
  type: 'line',
  facet: 'city',
  ...fields,
});

/** Two cities with different years and very different sizes. */
const trips = makeDataset(
  'trips',
  [
    { name: 'year', type: 'year', label: 'Year' },
    { name: 'city', type: 'category', label: 'City' },
    { name: 'trips', type: 'number', label: 'Trips' },
  ],
  [
    [2010, 'Norhaven', 10],
    [2020, 'Norhaven', 25],
    [2011, 'Port Ellis', 3],
    [2020, 'Port Ellis', 12],
  ],
  { meta: { title: 'Trips', sources: [] } },
);

describe('small multiples (facet)', () => {
  const { spec, issues } = buildChartSpec(
    trips,
    request({ mark: '2015: Path opens', label: "city='Port Ellis' year=2011: First count" }),
    SITE,
  );

  it('draws one panel per value, titled with it, on shared axes', () => {
    expect(issues).toEqual([]);
    expect(spec!.panels!.map((panel) => panel.panelTitle)).toEqual(['Norhaven', 'Port Ellis']);
    // Every panel has every x value (a gap where it has none) and one value axis reaching every panel's values.
    for (const panel of spec!.panels!) {
      expect(panel.x.values).toEqual([2010, 2011, 2020]);
      expect(panel.x.positions).toEqual([2010, 2011, 2020]);
      expect(panel.y.extent).toEqual([3, 25]);
    }
    expect(spec!.panels![0]!.series[0]!.values).toEqual([10, null, 25]);
    expect(spec!.panels![1]!.series[0]!.values).toEqual([null, 3, 12]);
  });

  it('puts marks on every panel and a note on the panel its filter names', () => {
    expect(spec!.panels!.map((panel) => panel.annotations!.map((note) => note.kind))).toEqual([
      ['mark'],
      ['mark', 'label'],
    ]);
    const { issues: unnamed } = buildChartSpec(trips, request({ label: 'year=2011: Which city?' }), SITE);
    expect(unnamed.map((item) => item.what)).toEqual(['label at "year=2011" selects no point of the chart']);
    expect(unnamed[0]!.fix).toBe(
      'Narrow or correct the filter: name its panel with city=… (one of "Norhaven", "Port Ellis")',
    );
  });

  it('leads table rows and CSV rows with their panel, and the download verifies', () => {
    const table = chartTable(spec!);
    expect(table.columns).toEqual(['City', 'Year', 'Trips']);
    expect(table.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.text)])).toEqual([
      ['Norhaven', '2010', '10'],
      ['Norhaven', '2020', '25'],
      ['Port Ellis', '2011', '3'],
      ['Port Ellis', '2020', '12'],
    ]);
    const csv = chartCsv(spec!);
    expect(csv.split('\r\n').slice(0, 2)).toEqual(['\uFEFFcity,year,trips,basis', 'Norhaven,2010,10,reported']);
    expect(compareDownload(csv, spec!)).toBeUndefined();
    expect(compareDownload(csv.replace('Norhaven,2020,25', 'Norhaven,2020,26'), spec!)).toContain('panel "Norhaven"');
  });

  it('describes every panel', () => {
    expect(describeChart(spec!)).toBe(
      'Line chart of trips, in 2 panels by city on the same axes: Norhaven and Port Ellis. Norhaven: Trips rose from 10 in 2010 to 25 in 2020. Marked at 2015: Path opens. Port Ellis: Trips rose from 3 in 2011 to 12 in 2020. Marked at 2015: Path opens. Note on 2011: First count.',
    );
  });
});
