/**
 * The explorer page: reads the view from the address, checks every value
 * against the catalog, draws it with the same ChartSpec builder and chart.js
 * configuration as report charts, and keeps the address in step with the
 * controls (history.replaceState), so the link always reproduces the view.
 * Text from the URL or the data reaches the page only through textContent.
 */
import type { AttributeIssue } from '../lib/chart/build-chart-spec.ts';
import { type CaptionPart, chartCaption } from '../lib/chart/chart-caption.ts';
import type { ChartSpec } from '../lib/chart/chart-spec.ts';
import { chartTable } from '../lib/chart/chart-table.ts';
import { describeChart } from '../lib/chart/describe.ts';
import {
  CHART_THEMES,
  type ChartJsType,
  type ChartLabel,
  type ChartPoint,
  toChartConfig,
} from '../lib/chart/to-chart-config.ts';
import { chartCsv } from '../lib/chart/to-csv.ts';
import type { Dataset } from '../lib/data/load-dataset.ts';
import { checkExploreFilter } from '../lib/explore/explore-filter.ts';
import { refusalWords } from '../lib/explore/explore-refusal.ts';
import { exploreSpec } from '../lib/explore/explore-spec.ts';
import {
  canIndex,
  canLog,
  EXPLORE_TYPE_LABELS,
  type ExploreState,
  exploreTypes,
  logRefusal,
  readState,
  shown,
  writeState,
} from '../lib/explore/explore-state.ts';
import type { ExplorerDataset } from '../lib/explore/explorer-datasets.ts';
import type { SiteConfig } from '../lib/site-config.ts';
import { Chart } from './chart-js.ts';

interface Catalog {
  site: Pick<SiteConfig, 'tiers' | 'palette' | 'locale'>;
  datasets: ExplorerDataset[];
}

const root = document.querySelector<HTMLElement>('[data-explore]')!;
const form = root.querySelector<HTMLFormElement>('[data-explore-form]')!;
const notice = root.querySelector<HTMLElement>('[data-explore-notice]')!;
const status = root.querySelector<HTMLElement>('[data-explore-status]')!;
const canvas = root.querySelector<HTMLCanvasElement>('[data-explore-canvas]')!;
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
const datasets = new Map<string, Promise<Dataset>>();
let catalog: Catalog;
let chart: Chart<ChartJsType, ChartPoint[], ChartLabel> | undefined;
let current: { state: ExploreState; spec: ChartSpec } | undefined;

/** A control by name (the dataset's sits above the form, joined to it by its `form` attribute). */
const control = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-control="${name}"]`)!;

/** The path the site is published under (`''` at the host's root): the data lies under it too. */
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

function loadDataset(name: string): Promise<Dataset> {
  let loading = datasets.get(name);
  if (!loading) {
    loading = fetch(`${BASE}/explore/data/${encodeURIComponent(name)}.json`)
      .then((response) => {
        if (!response.ok) throw new Error(`The data for ${name} could not be loaded (HTTP ${response.status}).`);
        return response.json() as Promise<Dataset>;
      })
      // Rows without a prototype, as on the server: a column name can never reach Object.prototype.
      .then((dataset) => ({ ...dataset, rows: dataset.rows.map((row) => Object.assign(Object.create(null), row)) }));
    datasets.set(name, loading);
  }
  return loading;
}

function entryOf(name: string): ExplorerDataset {
  return catalog.datasets.find((entry) => entry.name === name)!;
}

/** Replaces a select's options (text set with textContent, never markup). */
function fillSelect(select: HTMLSelectElement, options: { name: string; label: string }[], chosen: string): void {
  select.replaceChildren(
    ...options.map(({ name, label }) => {
      const option = document.createElement('option');
      option.value = name;
      option.textContent = label;
      option.selected = name === chosen;
      return option;
    }),
  );
}

/** Sets every control from a view. */
function showControls(state: ExploreState): void {
  const entry = entryOf(state.dataset);
  control<HTMLSelectElement>('dataset').value = state.dataset;
  fillSelect(control('y'), entry.measures, state.y);
  fillSelect(control('x'), entry.axes, state.x);
  const box = control<HTMLElement>('series');
  const legend = document.createElement('legend');
  legend.textContent = entry.series ? entry.series.label : 'Series';
  const boxes = (entry.series?.values ?? []).map((value) => {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = 'series';
    input.value = value;
    input.checked = !state.series || state.series.includes(value);
    label.append(input, ` ${catalog.site.tiers.find((tier) => tier.id === value)?.label ?? value}`);
    return label;
  });
  box.replaceChildren(legend, ...boxes);
  box.hidden = boxes.length === 0;
  const years = entry.years ?? [];
  for (const key of ['from', 'to'] as const) {
    const input = control<HTMLInputElement>(key);
    input.min = String(years[0] ?? '');
    input.max = String(years.at(-1) ?? '');
    input.value = state[key] === undefined ? '' : String(state[key]);
    input.placeholder = String((key === 'from' ? years[0] : years.at(-1)) ?? '');
    input.disabled = years.length === 0;
  }
  control<HTMLInputElement>('where').value = state.where;
  // The example names a column and value of this dataset, so it works as written.
  const example = entry.filterExample ? `for example ${entry.filterExample.column}=${entry.filterExample.value}` : '';
  control<HTMLInputElement>('where').placeholder = example;
  root.querySelector('[data-explore-filter-example]')!.textContent = example && `(${example})`;
  showViewControls(state);
}

/**
 * Sets the kind, axis and index controls: only the kinds this dataset and axis can be drawn as; the log axis
 * and the index disabled, with a hint saying why, where the kind refuses them. The kind's options are replaced
 * only when the kinds on offer change, so the control the reader is using keeps its focus.
 */
function showViewControls(state: ExploreState): void {
  const entry = entryOf(state.dataset);
  const type = control<HTMLSelectElement>('type');
  const kinds = exploreTypes(entry, state.x);
  const offered = [...type.options].map((option) => option.value);
  if (offered.join() !== kinds.join())
    fillSelect(
      type,
      kinds.map((kind) => ({ name: kind, label: EXPLORE_TYPE_LABELS[kind] })),
      state.type,
    );
  type.value = state.type;

  const scale = control<HTMLSelectElement>('scale');
  const logAllowed = canLog(state.type);
  scale.disabled = !logAllowed;
  scale.value = logAllowed ? (state.scale ?? '') : '';
  const refusal = logRefusal(state.type);
  setHint('scale', logAllowed ? '' : `${refusal.charAt(0).toUpperCase()}${refusal.slice(1)}.`);

  const index = control<HTMLInputElement>('index');
  const indexAllowed = canIndex(entry, state);
  index.disabled = !indexAllowed;
  index.checked = indexAllowed && state.index;
  setHint(
    'index',
    indexAllowed
      ? ''
      : entry.years
        ? 'Needs years along the axis and a line, area, dots or slope chart.'
        : 'This dataset has no years.',
  );
}

/** Shows or hides a control's hint (an empty hint is hidden and describes nothing). */
function setHint(name: string, text: string): void {
  const hint = root.querySelector<HTMLElement>(`[data-explore-hint="${name}"]`)!;
  hint.textContent = text;
  hint.hidden = text === '';
}

/** Reads the controls back into a view (through the same checks as a URL). */
function stateFromControls(): { state: ExploreState; notices: string[] } {
  const data = new FormData(form);
  const entry = entryOf(String(data.get('dataset')));
  const ticked = data.getAll('series').map(String);
  const params = new URLSearchParams();
  // Disabled controls (a log axis for bars, an index along tiers) are not in the form data: they fall back.
  for (const key of ['dataset', 'y', 'x', 'where', 'from', 'to', 'type', 'scale', 'index']) {
    const value = data.get(key);
    if (typeof value === 'string' && value !== '') params.set(key, value);
  }
  if (entry.series && ticked.length === 0 && current) {
    // A chart of nothing helps no one: keep the last choice.
    showControls(current.state);
    return { state: current.state, notices: [`Pick at least one ${entry.series.label.toLowerCase()}.`] };
  }
  if (entry.series && ticked.length < entry.series.values.length) params.set('series', ticked.join(','));
  return readState(`?${params}`, catalog.datasets);
}

/** Shows notices, one paragraph each (text only). */
function setNotice(lines: string[]): void {
  notice.replaceChildren(
    ...lines.map((line) => {
      const paragraph = document.createElement('p');
      paragraph.textContent = line;
      return paragraph;
    }),
  );
  notice.hidden = lines.length === 0;
}

/**
 * When a view cannot be drawn because of its log axis or its slope, the nearest view that can: the same view
 * without the log axis, or as a line. Says why in the reader's words (not the `::chart` attribute's).
 */
function relaxed(state: ExploreState, problem: AttributeIssue): { state: ExploreState; why: string } | undefined {
  if (problem.attribute === 'scale' && state.scale === 'log') {
    const measure = entryOf(state.dataset).measures.find((column) => column.name === state.y)?.label ?? state.y;
    return {
      state: { ...state, scale: undefined },
      why: `A log axis cannot show zero or negative values, and ${measure} is ${problem.received ?? 'zero or below'} in this view: showing a linear axis.`,
    };
  }
  if (problem.code === 'TB064' && state.type === 'slope') {
    return {
      state: { ...state, type: 'line' },
      why: `A slope chart needs values in two years, and this view has ${problem.received ? `only ${problem.received}` : 'none'}: showing a line.`,
    };
  }
  return undefined;
}

/**
 * Draws a view, updates the table, caption and address. The filter box keeps what the reader typed: pairs that
 * cannot apply are left out of the view (and the address) with a notice saying why.
 */
async function show(asked: ExploreState, notices: string[]): Promise<void> {
  const entry = entryOf(asked.dataset);
  const figure = canvas.closest('figure')!;
  figure.dataset.chartState = 'drawing';
  const dataset = await loadDataset(asked.dataset);
  const filter = checkExploreFilter(asked, entry, dataset);
  const state = { ...asked, where: filter.where };
  notices = [...notices, ...filter.notices];
  const { spec, issues } = exploreSpec(dataset, state, entry, catalog.site);
  if (!spec) {
    const nearest = issues[0] && relaxed(state, issues[0]);
    if (nearest) {
      showViewControls(nearest.state);
      return show(nearest.state, [...notices, nearest.why]);
    }
    if (state.where !== '') {
      // Every pair applies, but together with the other choices they leave nothing to draw.
      const none = issues[0]?.code === 'TB056' ? 'it leaves no rows to draw' : 'the chart cannot be drawn with it';
      return show({ ...state, where: '' }, [...notices, `The filter ${shown(state.where)} was not applied: ${none}.`]);
    }
    const why = `This view cannot be drawn: ${refusalWords(issues[0], state, entry)}.`;
    if (current) {
      setNotice([...notices, `${why} Showing the previous view.`]);
      showControls(current.state);
      figure.dataset.chartState = 'drawn';
      return;
    }
    // Opened from a link: fall back to the dataset's default view, once.
    const fallback = readState(`?dataset=${encodeURIComponent(state.dataset)}`, catalog.datasets).state;
    if (JSON.stringify(fallback) === JSON.stringify(state)) throw new Error(why);
    showControls(fallback);
    return show(fallback, [...notices, `${why} Showing the default view.`]);
  }
  // Series that could not be indexed (a first value of zero or below) are said, not silently left out.
  setNotice([...notices, ...spec.notes.slice((dataset.meta.notes ?? []).length)]);
  showViewControls(state);
  current = { state, spec };
  const config = toChartConfig(spec, darkQuery.matches ? CHART_THEMES.dark : CHART_THEMES.light);
  if (chart) {
    chart.destroy();
  }
  chart = new Chart(canvas, config);
  const description = describeChart(spec);
  canvas.setAttribute('aria-label', description);
  root.querySelector('[data-explore-title]')!.textContent = spec.title;
  root.querySelector('[data-explore-caption]')!.replaceChildren(...chartCaption(spec).map(captionNode));
  showAutomaticScale(spec);
  root.dataset.exploreState = 'drawn';
  figure.dataset.chartState = 'drawn';
  showTable(spec);
  const params = writeState(state, entry);
  history.replaceState(null, '', `${location.pathname}?${params}`);
}

/** "Automatic" says which axis it chose, so the reader knows what switching would change. */
function showAutomaticScale(spec: ChartSpec): void {
  const automatic = control<HTMLSelectElement>('scale').querySelector<HTMLOptionElement>('option[value=""]')!;
  automatic.textContent = `Automatic (${spec.y.scale === 'logarithmic' ? 'log' : 'linear'})`;
}

/** A caption part as DOM: text stays text, links are the dataset's own http(s) sources from the catalog (never the address bar). */
function captionNode(part: CaptionPart): Node {
  if (part.kind === 'text') return document.createTextNode(part.text);
  const element = document.createElement(part.kind === 'link' ? 'a' : 'strong');
  element.textContent = part.text;
  if (part.kind === 'link') {
    (element as HTMLAnchorElement).href = part.href;
    element.setAttribute('rel', 'noopener');
  } else {
    element.className = 'chart__illustrative';
  }
  return element;
}

function showTable(spec: ChartSpec): void {
  const model = chartTable(spec);
  const cell = (tag: 'th' | 'td', text: string, scope?: string) => {
    const element = document.createElement(tag);
    element.textContent = text;
    if (scope) element.setAttribute('scope', scope);
    return element;
  };
  const table = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = model.caption;
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  headRow.append(...model.columns.map((column) => cell('th', column, 'col')));
  head.append(headRow);
  const body = document.createElement('tbody');
  for (const { label, cells } of model.rows) {
    const row = document.createElement('tr');
    row.append(
      cell('th', label, 'row'),
      ...cells.map(({ text, illustrative }) => {
        const td = cell('td', text);
        if (illustrative) td.className = 'is-illustrative';
        return td;
      }),
    );
    body.append(row);
  }
  table.append(caption, head, body);
  root.querySelector('[data-explore-table]')!.replaceChildren(table);
}

function announce(text: string): void {
  status.textContent = '';
  window.setTimeout(() => (status.textContent = text), 50);
}

async function start(): Promise<void> {
  const response = await fetch(`${BASE}/explore/catalog.json`);
  catalog = (await response.json()) as Catalog;
  // A named view's page starts from its own query unless the address carries one.
  const { state, notices } = readState(location.search || root.dataset.exploreView || '', catalog.datasets);
  showControls(state);
  await show(state, notices);

  // On the root, not the form: the dataset's control sits above the form.
  root.addEventListener('change', async (event) => {
    const target = event.target as HTMLElement;
    // A new dataset starts from its own defaults.
    const next = target.matches('[data-control="dataset"]')
      ? readState(`?dataset=${encodeURIComponent(control<HTMLSelectElement>('dataset').value)}`, catalog.datasets)
      : stateFromControls();
    if (target.matches('[data-control="dataset"]')) showControls(next.state);
    await show(next.state, next.notices);
  });
  // Typing a filter or a year redraws when the reader pauses, not on every key.
  let typing: number | undefined;
  form.addEventListener('input', (event) => {
    if (!(event.target as HTMLElement).matches('input[type="text"], input[type="number"]')) return;
    window.clearTimeout(typing);
    typing = window.setTimeout(() => form.dispatchEvent(new Event('change', { bubbles: true })), 400);
  });
  // Without JavaScript the form submits as a plain GET; with it, nothing reloads.
  form.addEventListener('submit', (event) => event.preventDefault());

  root.querySelector('[data-explore-copy]')!.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      announce('Link to this view copied.');
    } catch {
      announce('Copying is blocked here: copy the address from the address bar.');
    }
  });
  // The phone's own share sheet, where there is one.
  const share = root.querySelector<HTMLButtonElement>('[data-explore-share]')!;
  if (typeof navigator.share === 'function') {
    share.hidden = false;
    share.addEventListener('click', () => {
      if (current) navigator.share({ title: current.spec.title, url: location.href }).catch(() => undefined);
    });
  }
  root.querySelector('[data-explore-download]')!.addEventListener('click', () => {
    if (!current) return;
    const url = URL.createObjectURL(new Blob([chartCsv(current.spec)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    const { dataset, y, index } = current.state;
    link.download = `explore-${dataset}-${y}${index ? '-index' : ''}.csv`.replace(/[^a-z0-9_.-]+/gi, '-');
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
  });
  darkQuery.addEventListener('change', () => current && show(current.state, []));
}

start().catch((error: unknown) => {
  setNotice([error instanceof Error ? error.message : 'The explorer could not start.']);
});
