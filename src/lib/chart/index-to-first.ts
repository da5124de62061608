/**
 * "Change since the first year": a chart's values indexed to 100 at each series' first value, so series of
 * very different sizes compare by their growth. Pure and without Node imports: the explorer runs it in the
 * browser, after buildChartSpec, and the table, alt text, caption and CSV download all derive from its result.
 */
import { formatValue } from '../format.ts';
import type { ChartSpec, SeriesSpec } from './chart-spec.ts';

/** What an indexed value is, appended to the measure's label and written after its column name. */
const INDEX_LABEL = 'first year = 100';
const INDEX_COLUMN_SUFFIX = '_index';

/**
 * Indexes every series to its first value: each value (and its midpoint range and range high end, if any) is
 * divided by the series' first non-null value and multiplied by 100. A series whose first value is zero or
 * negative cannot be indexed: its values become gaps, and a note in `spec.notes` says why. Notes on the
 * chart at a value of the measure (`ref`) are left out: the measure's units are gone.
 * @param spec The chart, as built.
 * @param options `log: true` keeps a log value axis (when the reader asked for one); else the axis is linear.
 * @returns A new spec; the one given is not changed.
 */
export function indexToFirst(spec: ChartSpec, options: { log?: boolean } = {}): ChartSpec {
  const notes = [...spec.notes];
  const series = spec.series.map((item): SeriesSpec => {
    const base = item.values.find((value): value is number => value !== null);
    if (base === undefined) return item;
    if (!(base > 0)) {
      notes.push(
        `${item.label} cannot be shown as change since its first year: its first value is ${formatValue(base, spec.y.format, spec.locale)}, and only a value above zero can be 100.`,
      );
      return {
        ...item,
        values: item.values.map(() => null),
        basis: item.basis.map(() => null),
        ranges: item.ranges.map(() => null),
        ...(item.highs ? { highs: item.highs.map(() => null) } : {}),
      };
    }
    const indexed = (value: number) => (value / base) * 100;
    const orNull = (value: number | null) => (value === null ? null : indexed(value));
    return {
      ...item,
      values: item.values.map(orNull),
      ranges: item.ranges.map((range) => (range ? [indexed(range[0]), indexed(range[1])] : null)),
      ...(item.highs ? { highs: item.highs.map(orNull) } : {}),
    };
  });
  const annotations = spec.annotations?.filter((note) => note.kind !== 'ref');
  return {
    ...spec,
    y: {
      column: `${spec.y.column}${INDEX_COLUMN_SUFFIX}`,
      label: `${spec.y.label}, ${INDEX_LABEL}`,
      format: { type: 'number', decimals: 1 },
      scale: options.log ? 'logarithmic' : 'linear',
    },
    series,
    ...(annotations ? { annotations } : {}),
    notes,
    counts: countsOf(series),
  };
}

/** The caption's counts, again: a series that could not be indexed no longer draws its points. */
function countsOf(series: SeriesSpec[]): ChartSpec['counts'] {
  const counts = { points: 0, gaps: 0, illustrative: 0, midpoints: 0 };
  for (const item of series) {
    item.values.forEach((value, index) => {
      if (value === null) {
        counts.gaps++;
        return;
      }
      counts.points++;
      if (item.basis[index] === 'illustrative') counts.illustrative++;
      if (item.ranges[index]) counts.midpoints++;
    });
  }
  return counts;
}
