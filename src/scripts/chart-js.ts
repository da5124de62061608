/**
 * The browser's chart.js, set up once with Trendbook's core parts, tooltips and font; the chart runtime and the
 * explorer draw with this `Chart`, after `loadParts` has added what a chart's kind needs (each group is a
 * chunk of its own, so a page loads only the controllers its charts use).
 */
import { Chart, Tooltip } from 'chart.js';
import { setUpChartJs } from '../lib/chart/chart-js-setup.ts';
import { type PartGroup, partsFor } from '../lib/chart/chart-parts.ts';
import type { ChartSpec } from '../lib/chart/chart-spec.ts';
import { CHART_THEMES } from '../lib/chart/to-chart-config.ts';

setUpChartJs(CHART_THEMES.light.font, [Tooltip]);

const LOADERS: Record<PartGroup, () => Promise<{ default: Parameters<typeof Chart.register>[0][] }>> = {
  bar: () => import('./chart-parts/bar.ts'),
  scatter: () => import('./chart-parts/scatter.ts'),
  area: () => import('./chart-parts/area.ts'),
  log: () => import('./chart-parts/log.ts'),
};
const loaded = new Map<PartGroup, Promise<void>>();

/**
 * Loads and registers the chart.js parts a chart needs (once per group).
 * @param spec The chart about to be drawn.
 */
export function loadParts(spec: Pick<ChartSpec, 'type' | 'x' | 'y'>): Promise<void> {
  return Promise.all(
    partsFor(spec).map((group) => {
      let done = loaded.get(group);
      if (!done) {
        done = LOADERS[group]().then((module) => {
          Chart.register(...module.default);
        });
        loaded.set(group, done);
      }
      return done;
    }),
  ).then(() => undefined);
}

/** chart.js's Chart, registered and with the page's font. */
export { Chart };
