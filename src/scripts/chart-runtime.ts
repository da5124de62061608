/**
 * Draws report figures in the browser (loaded when a chart nears the viewport, with chart.js as set up in
 * chart-js.ts): reads each figure's ChartSpec and draws it, following the page's light or dark scheme.
 */
import type { ChartSpec } from '../lib/chart/chart-spec.ts';
import {
  CHART_THEMES,
  type ChartJsType,
  type ChartLabel,
  type ChartPoint,
  toChartConfig,
} from '../lib/chart/to-chart-config.ts';
import { Chart } from './chart-js.ts';

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
const drawn = new Map<
  HTMLElement,
  { chart: Chart<ChartJsType, ChartPoint[], ChartLabel>; spec: ChartSpec; compact: boolean }
>();

/** Small frames (embeds in narrow or short iframes) get a compact legend and no axis titles. */
function isCompact(canvas: HTMLCanvasElement): boolean {
  const frame = canvas.parentElement?.getBoundingClientRect();
  return frame !== undefined && (frame.height < 260 || frame.width < 340);
}

/**
 * Draws the chart of one figure on its canvas (once).
 * @param figure A `<figure data-chart>` holding a canvas and its spec.
 */
export async function drawChart(figure: HTMLElement): Promise<void> {
  if (drawn.has(figure) || figure.dataset.chartState === 'drawing') return;
  figure.dataset.chartState = 'drawing';
  // Draw with the page's own font, as the static drawing is.
  await document.fonts.ready;
  const canvas = figure.querySelector('canvas');
  const specText = figure.querySelector('script.chart__spec')?.textContent;
  if (!canvas || !specText) return;
  const spec = JSON.parse(specText) as ChartSpec;
  const compact = isCompact(canvas);
  const chart = new Chart(canvas, toChartConfig(spec, currentTheme(), compact));
  drawn.set(figure, { chart, spec, compact });
  // The canvas takes over from the static drawing, description included.
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
  for (const [figure, entry] of drawn) {
    const compact = isCompact(entry.chart.canvas);
    if (onlyIfCompactChanged && compact === entry.compact) continue;
    const config = toChartConfig(entry.spec, currentTheme(), compact);
    entry.chart.data = config.data;
    entry.chart.options = config.options ?? {};
    entry.chart.update();
    drawn.set(figure, { ...entry, compact });
  }
}

darkQuery.addEventListener('change', () => redraw(false));
window.addEventListener('resize', () => redraw(true));
