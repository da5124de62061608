/**
 * The explorer's view as URL query parameters, read defensively: every value is
 * checked against the catalog (datasets, columns, series values), lookups go
 * through Maps, sizes are bounded, and anything unknown falls back to a
 * default with a notice written as plain text (E1–E5 in tests/checklist/README.md).
 */
import { wherePairs } from '../aggregate/where.ts';
import type { ChartRequest } from '../chart/build-chart-spec.ts';
import { FROM_ZERO_TYPES } from '../chart/chart-spec.ts';
import type { ExplorerDataset } from './explorer-datasets.ts';

/** The chart kinds the explorer draws, in the order its control lists them (no scatter or range: they need a second column). */
export const EXPLORE_TYPES = ['line', 'area', 'bar', 'hbar', 'dot', 'slope'] as const;
export type ExploreType = (typeof EXPLORE_TYPES)[number];

/** Each kind as the control names it. */
export const EXPLORE_TYPE_LABELS: Record<ExploreType, string> = {
  line: 'Line',
  area: 'Area',
  bar: 'Bars',
  hbar: 'Horizontal bars',
  dot: 'Dots',
  slope: 'Slope (2 years)',
};

/** Kinds drawn over a time line when years run along the axis: the ones a value indexed to its first year suits. */
const INDEX_TYPES: readonly ExploreType[] = ['line', 'area', 'dot', 'slope'];

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
  type: ExploreType;
  /** The value axis as asked for; automatic (log when values span two orders of magnitude) when undefined. */
  scale?: 'log' | 'linear' | undefined;
  /** Values as change since each series' first year (first year = 100). */
  index: boolean;
}

/** Longest query string read; a longer one is ignored with a notice. */
const MAX_QUERY_LENGTH = 2_000;
const MAX_WHERE_LENGTH = 200;
const KNOWN_KEYS = new Set(['dataset', 'y', 'x', 'series', 'where', 'from', 'to', 'type', 'scale', 'index']);

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

  const kinds = exploreTypes(entry, chosenX);
  const typeText = first('type') ?? '';
  let type: ExploreType = kinds.find((kind) => kind === typeText) ?? 'line';
  if (typeText !== '' && type !== typeText) {
    const along = (EXPLORE_TYPES as readonly string[]).includes(typeText)
      ? ` along ${shown(axes.get(chosenX)?.label ?? chosenX)}`
      : '';
    notices.push(`Ignored type=${shown(typeText)}:${along} expected ${listOr(kinds)}.`);
  } else if (type === 'slope' && slopeYears(entry, from, to).length < 2) {
    const years = slopeYears(entry, from, to);
    notices.push(
      `Ignored type="slope": a slope chart compares two years, and the data has ${years.length === 0 ? 'none' : `only ${years[0]}`} from ${from ?? entry.years![0]} to ${to ?? entry.years!.at(-1)}.`,
    );
    type = 'line';
  }

  const scaleText = first('scale') ?? '';
  let scale: ExploreState['scale'];
  if (scaleText === 'log' || scaleText === 'linear') {
    if (scaleText === 'log' && !canLog(type)) notices.push(`Ignored scale="log": ${logRefusal(type)}.`);
    else scale = scaleText;
  } else if (scaleText !== '') {
    notices.push(`Ignored scale=${shown(scaleText)}: expected log or linear.`);
  }

  const indexText = first('index') ?? '';
  let index = false;
  if (indexText === '1') {
    if (canIndex(entry, { x: chosenX, type })) index = true;
    else notices.push(`Ignored index=1: ${INDEX_NEEDS}.`);
  } else if (indexText !== '' && indexText !== '0') {
    notices.push(`Ignored index=${shown(indexText)}: expected 1 (change since the first year) or 0.`);
  }
  return {
    state: { dataset: entry.name, y: chosenY, x: chosenX, series, where, from, to, type, scale, index },
    notices,
  };
}

/** Why indexing is not offered, when it is not. */
const INDEX_NEEDS = 'change since the first year needs years along the axis and a line, area, dot or slope chart';

/**
 * The kinds a dataset can be drawn as along an axis: lines, bars and dots along anything; areas and slopes
 * only along its years (a slope needs two of them).
 * @param entry The dataset's catalog entry.
 * @param x The column along the x axis.
 */
export function exploreTypes(entry: ExplorerDataset, x: string): ExploreType[] {
  const overYears = yearAxis(entry)?.name === x;
  return EXPLORE_TYPES.filter(
    (kind) =>
      (kind !== 'area' && kind !== 'slope') || (overYears && (kind === 'area' || (entry.years?.length ?? 0) >= 2)),
  );
}

/**
 * Whether a kind may use a log value axis: bars and areas may not (their lengths are measured from zero).
 * @param type The kind.
 */
export function canLog(type: ExploreType): boolean {
  return !FROM_ZERO_TYPES.includes(type);
}

/**
 * Why a kind refuses a log axis, as the explorer says it.
 * @param type A kind for which `canLog` is false.
 */
export function logRefusal(type: ExploreType): string {
  return type === 'area'
    ? 'areas are filled from zero, so their axis stays linear: use Line or Dots for a log axis'
    : 'bars start at zero, so their axis stays linear: use Dots for a log axis';
}

/**
 * Whether a view may show change since the first year: a kind over a time line, with years along the axis.
 * @param entry The dataset's catalog entry.
 * @param state The view's axis and kind.
 */
export function canIndex(entry: ExplorerDataset, state: Pick<ExploreState, 'x' | 'type'>): boolean {
  return INDEX_TYPES.includes(state.type) && yearAxis(entry)?.name === state.x;
}

/** The axis that holds the dataset's years, if it has years. */
function yearAxis(entry: ExplorerDataset): { name: string; label: string } | undefined {
  if (!entry.years) return undefined;
  return entry.axes.find((axis) => axis.name === 'year') ?? entry.axes[0];
}

/** The years a slope chart compares: the first and the last of the dataset's years from `from` to `to`. */
function slopeYears(entry: ExplorerDataset, from: number | undefined, to: number | undefined): number[] {
  const years = yearsBetween(entry, from, to);
  return years.length < 2 ? years : [years[0]!, years.at(-1)!];
}

function yearsBetween(entry: ExplorerDataset, from: number | undefined, to: number | undefined): number[] {
  return (entry.years ?? []).filter((year) => year >= (from ?? -Infinity) && year <= (to ?? Infinity));
}

/** "line, bar or dot". */
function listOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
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
  if (state.scale) params.set('scale', state.scale);
  if (state.index) params.set('index', '1');
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
  const yearColumn = yearAxis(entry);
  if (yearColumn && state.type === 'slope') {
    // A slope compares two years: the first and the last shown.
    filters.push(`${yearColumn.name}=${slopeYears(entry, state.from, state.to).join(',')}`);
  } else if (yearColumn && (state.from !== undefined || state.to !== undefined)) {
    filters.push(`${yearColumn.name}=${yearsBetween(entry, state.from, state.to).join(',')}`);
  }
  // The reader's own filter, pair by pair (it may separate pairs with spaces or ";").
  filters.push(...wherePairs(state.where));
  const measure = entry.measures.find((column) => column.name === state.y)!;
  return {
    id: 'explore',
    title: `${measure.label}${seriesColumn ? ` by ${seriesColumn.label.toLowerCase()}` : ''}${state.index ? ', change since the first year' : ''}`,
    dataset: state.dataset,
    y: state.y,
    x: state.x,
    series: seriesColumn?.name,
    type: state.type,
    ...(state.scale ? { scale: state.scale } : {}),
    // Pairs are joined with ";" so a value with a space in the author's filter survives.
    where: filters.length > 0 ? filters.join('; ') : undefined,
  };
}

/**
 * A value from the URL or the filter box inside a notice: quoted, cut short, control characters shown as "?".
 * @param value The value as written.
 */
export function shown(value: string): string {
  const cleaned = value.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '?');
  return JSON.stringify(cleaned.length > 40 ? `${cleaned.slice(0, 40)}…` : cleaned);
}
