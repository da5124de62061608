/**
 * The explorer's view as URL query parameters, read defensively: every value is
 * checked against the catalog (datasets, columns, series values), lookups go
 * through Maps, sizes are bounded, and anything unknown falls back to a
 * default with a notice written as plain text (E1–E5 in tests/checklist/README.md).
 */
import { wherePairs } from '../aggregate/where.ts';
import type { ChartRequest } from '../chart/build-chart-spec.ts';
import type { ExplorerDataset } from './explorer-datasets.ts';

/** One view of the explorer. */
export interface ExploreState {
  dataset: string;
  y: string;
  x: string;
  /** Series values shown; all when undefined. */
  series?: string[] | undefined;
  /** Extra filters in `::chart` `where` syntax. */
  where: string;
  from?: number | undefined;
  to?: number | undefined;
  type: 'line' | 'bar';
}

/** Longest query string read; a longer one is ignored with a notice. */
const MAX_QUERY_LENGTH = 2_000;
const MAX_WHERE_LENGTH = 200;
const KNOWN_KEYS = new Set(['dataset', 'y', 'x', 'series', 'where', 'from', 'to', 'type']);

/**
 * Reads a view from a query string.
 * @param search `location.search` (with or without `?`).
 * @param catalog The datasets on offer (the first is the default).
 * @returns The view, and notices about every value that was ignored.
 */
export function readState(
  search: string,
  catalog: readonly ExplorerDataset[],
): { state: ExploreState; notices: string[] } {
  const notices: string[] = [];
  const byName = new Map(catalog.map((entry) => [entry.name, entry]));
  if (search.length > MAX_QUERY_LENGTH) {
    notices.push(
      `The link was too long to read (${search.length.toLocaleString('en-US')} characters); showing the default view.`,
    );
    search = '';
  }
  // URLSearchParams never throws on malformed escapes (%E0%A4%A), unlike decodeURIComponent.
  const params = new URLSearchParams(search);
  const unknown = [...new Set([...params.keys()].filter((key) => !KNOWN_KEYS.has(key)))];
  if (unknown.length > 0)
    notices.push(
      `Ignored ${unknown.length === 1 ? 'a setting' : 'settings'} this explorer does not have: ${unknown.slice(0, 5).map(shown).join(', ')}${unknown.length > 5 ? ' …' : ''}.`,
    );

  // Repeated keys: the first wins (series values are gathered from all of them).
  const first = (key: string) => params.get(key) ?? undefined;
  const entry = byName.get(first('dataset') ?? '') ?? catalog[0]!;
  if (first('dataset') !== undefined && !byName.has(first('dataset')!))
    notices.push(`There is no dataset ${shown(first('dataset')!)}; showing ${shown(entry.title)}.`);

  const measures = new Map(entry.measures.map((column) => [column.name, column]));
  const y = first('y');
  const chosenY = y !== undefined && measures.has(y) ? y : entry.measures[0]!.name;
  if (y !== undefined && !measures.has(y))
    notices.push(`${shown(entry.title)} has no measure ${shown(y)}; showing ${shown(measures.get(chosenY)!.label)}.`);

  const axes = new Map(entry.axes.map((column) => [column.name, column]));
  const x = first('x');
  const defaultX = entry.axes[0]?.name ?? 'year';
  const chosenX = x !== undefined && axes.has(x) ? x : defaultX;
  if (x !== undefined && !axes.has(x))
    notices.push(
      `${shown(entry.title)} cannot be drawn along ${shown(x)}; using ${shown(axes.get(chosenX)?.label ?? chosenX)}.`,
    );

  let series: string[] | undefined;
  const written = params.getAll('series').flatMap((value) => value.split(','));
  if (written.length > 0 && entry.series) {
    const known = new Set(entry.series.values);
    const kept = [...new Set(written.filter((value) => known.has(value)))];
    const dropped = written.length - written.filter((value) => known.has(value)).length;
    if (dropped > 0)
      notices.push(
        `Ignored ${dropped} unknown ${entry.series.label.toLowerCase()} ${dropped === 1 ? 'value' : 'values'}.`,
      );
    series = kept.length > 0 ? entry.series.values.filter((value) => kept.includes(value)) : undefined;
  }

  let where = first('where') ?? '';
  if (where.length > MAX_WHERE_LENGTH || /[\u0000-\u001f]/.test(where)) {
    notices.push(`Ignored a filter longer than ${MAX_WHERE_LENGTH} characters or holding control characters.`);
    where = '';
  }

  const year = (key: 'from' | 'to') => {
    const text = first(key);
    if (text === undefined || text === '') return undefined;
    const value = Number(text);
    if (!/^\d{4}$/.test(text) || !entry.years || value < entry.years[0]! || value > entry.years.at(-1)!) {
      notices.push(
        `Ignored ${key}=${shown(text)}: expected a year${entry.years ? ` from ${entry.years[0]} to ${entry.years.at(-1)}` : ''}.`,
      );
      return undefined;
    }
    return value;
  };
  let from = year('from');
  let to = year('to');
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];

  const typeText = first('type');
  const type = typeText === 'bar' ? 'bar' : 'line';
  if (typeText !== undefined && typeText !== 'bar' && typeText !== 'line')
    notices.push(`Ignored type=${shown(typeText)}: expected line or bar.`);
  return { state: { dataset: entry.name, y: chosenY, x: chosenX, series, where, from, to, type }, notices };
}

/**
 * Writes a view as query parameters, leaving out defaults, so links stay short.
 * @param state The view.
 * @param entry Its dataset's catalog entry.
 */
export function writeState(state: ExploreState, entry: ExplorerDataset): URLSearchParams {
  const params = new URLSearchParams();
  params.set('dataset', state.dataset);
  params.set('y', state.y);
  if (state.x !== (entry.axes[0]?.name ?? 'year')) params.set('x', state.x);
  if (state.series && entry.series && state.series.length < entry.series.values.length)
    params.set('series', state.series.join(','));
  if (state.where) params.set('where', state.where);
  if (state.from !== undefined) params.set('from', String(state.from));
  if (state.to !== undefined) params.set('to', String(state.to));
  if (state.type !== 'line') params.set('type', state.type);
  return params;
}

/**
 * The chart request for a view: the same request a `::chart` makes, so the
 * explorer draws with the report charts' rules.
 * @param state The view.
 * @param entry Its dataset's catalog entry.
 */
export function toRequest(state: ExploreState, entry: ExplorerDataset): ChartRequest {
  const filters: string[] = [];
  const seriesColumn = entry.series && state.x !== entry.series.name ? entry.series : undefined;
  if (seriesColumn && state.series) filters.push(`${seriesColumn.name}=${state.series.join(',')}`);
  const yearColumn = entry.axes.find((axis) => axis.name === 'year') ?? (entry.years ? entry.axes[0] : undefined);
  if (yearColumn && entry.years && (state.from !== undefined || state.to !== undefined)) {
    const years = entry.years.filter((year) => year >= (state.from ?? -Infinity) && year <= (state.to ?? Infinity));
    filters.push(`${yearColumn.name}=${years.join(',')}`);
  }
  // The reader's own filter, pair by pair (it may separate pairs with spaces or ";").
  filters.push(...wherePairs(state.where));
  const measure = entry.measures.find((column) => column.name === state.y)!;
  return {
    id: 'explore',
    title: `${measure.label}${seriesColumn ? ` by ${seriesColumn.label.toLowerCase()}` : ''}`,
    dataset: state.dataset,
    y: state.y,
    x: state.x,
    series: seriesColumn?.name,
    type: state.type,
    // Pairs are joined with ";" so a value with a space in the author's filter survives.
    where: filters.length > 0 ? filters.join('; ') : undefined,
  };
}

/** A value from the URL inside a notice: quoted, cut short, control characters shown as "?". */
function shown(value: string): string {
  const cleaned = value.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '?');
  return JSON.stringify(cleaned.length > 40 ? `${cleaned.slice(0, 40)}…` : cleaned);
}
