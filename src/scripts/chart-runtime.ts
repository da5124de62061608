/**
 * Draws report figures in the browser (loaded when a chart nears the viewport, with chart.js as set up in
 * chart-js.ts): reads each figure's ChartSpec and draws it, following the page's light or dark scheme. Small
 * multiples draw a chart per panel, each on its own canvas, placed as the static drawing places them.
 */
import { type ChartSpec, isHorizontal } from '../lib/chart/chart-spec.ts';
import { panelGrid } from '../lib/chart/figure-image-sizes.ts';
import {
  CHART_THEMES,
  type ChartJsType,
  type ChartLabel,
  type ChartPoint,
  toChartConfig,
} from '../lib/chart/to-chart-config.ts';
import { Chart } from './chart-js.ts';

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

interface Drawn {
  chart: Chart<ChartJsType, ChartPoint[], ChartLabel>;
  spec: ChartSpec;
  compact: boolean;
}
/** Each figure's spec and its charts (one, or one per panel). */
const drawn = new Map<HTMLElement, { spec: ChartSpec; charts: Drawn[] }>();

/** Small frames (embeds in narrow or short iframes, panels of small multiples) get a compact legend and no axis titles. */
function isCompact(canvas: HTMLCanvasElement): boolean {
  const frame = canvas.parentElement?.getBoundingClientRect();
  return frame !== undefined && (frame.height < 260 || frame.width < 340);
}

/** Places the panels of small multiples in their frame (the page's CSP allows styles set from scripts only). */
function placePanels(figure: HTMLElement, spec: ChartSpec): void {
  const frame = figure.querySelector<HTMLElement>('.chart__frame');
  const panels = [...figure.querySelectorAll<HTMLElement>('.chart__panel')];
  if (!frame || panels.length === 0 || !spec.panels) return;
  const cells = panelGrid(panels.length, frame.clientWidth, frame.clientHeight, isHorizontal(spec.panels[0]!));
  panels.forEach((panel, index) => {
    const cell = cells[index]!;
    panel.style.left = `${cell.x}px`;
    panel.style.top = `${cell.y}px`;
    panel.style.width = `${cell.width}px`;
    panel.style.height = `${cell.height}px`;
  });
}

/**
 * Draws the chart of one figure on its canvas (once), or each of its panels on theirs.
 * @param figure A `<figure data-chart>` holding a canvas (or a canvas per panel) and its spec.
 */
export async function drawChart(figure: HTMLElement): Promise<void> {
  if (drawn.has(figure) || figure.dataset.chartState === 'drawing') return;
  figure.dataset.chartState = 'drawing';
  // Draw with the page's own font, as the static drawing is.
  await document.fonts.ready;
  const canvases = [...figure.querySelectorAll('canvas')];
  const specText = figure.querySelector('script.chart__spec')?.textContent;
  if (canvases.length === 0 || !specText) return;
  const spec = JSON.parse(specText) as ChartSpec;
  const specs = spec.panels ?? [spec];
  if (specs.length !== canvases.length) return;
  placePanels(figure, spec);
  drawn.set(figure, {
    spec,
    charts: specs.map((panel, index) => {
      const canvas = canvases[index]!;
      const compact = isCompact(canvas);
      return { chart: new Chart(canvas, toChartConfig(panel, currentTheme(), compact)), spec: panel, compact };
    }),
  });
  // The canvas takes over from the static drawing, description included (the first panel's canvas speaks for all).
  const canvas = canvases[0]!;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', figure.querySelector('.chart__drawing')?.getAttribute('aria-label') ?? spec.title);
  canvas.removeAttribute('aria-hidden');
  figure.querySelector('.chart__image')?.setAttribute('aria-hidden', 'true');
  figure.dataset.chartState = 'drawn';
}

function currentTheme() {
  return darkQuery.matches ? CHART_THEMES.dark : CHART_THEMES.light;
}

function redraw(onlyIfCompactChanged: boolean): void {
  for (const [figure, { spec, charts: entries }] of drawn) {
    placePanels(figure, spec);
    entries.forEach((entry, index) => {
      const compact = isCompact(entry.chart.canvas);
      if (onlyIfCompactChanged && compact === entry.compact) return;
      const config = toChartConfig(entry.spec, currentTheme(), compact);
      entry.chart.data = config.data;
      entry.chart.options = config.options ?? {};
      entry.chart.update();
      entries[index] = { ...entry, compact };
    });
  }
}

darkQuery.addEventListener('change', () => redraw(false));
window.addEventListener('resize', () => redraw(true));
