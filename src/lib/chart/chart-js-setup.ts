/**
 * chart.js, set up for Trendbook in one place: the pieces every chart draws with and its default font, for the
 * browser runtime, the explorer and the build-time static drawing alike, so a page and its static drawing can
 * never differ in what they can draw. The parts only some kinds need (`chart-parts.ts`) are added by the caller:
 * all of them at build time, and in the browser only those a page's charts use, so tree-shaking and code
 * splitting keep the rest off the page.
 */
import {
  CategoryScale,
  Chart,
  type ChartComponentLike,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
} from 'chart.js';

/**
 * What every kind draws with: lines, areas, slopes and dots use the line controller; categories and numbers
 * (time lines are linear scales with calendar ticks, see time-ticks.ts) and the legend.
 */
const CORE_PARTS = [LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend];

/** Base font size of axis labels and legend, in CSS pixels. */
export const CHART_FONT_SIZE = 13;

/**
 * Registers Trendbook's chart.js parts and sets the default font. Safe to call more than once.
 * @param font The font family labels are drawn in.
 * @param extras Parts only this caller needs (the browser's Tooltip; the kinds' parts of chart-parts.ts).
 * @returns chart.js's `Chart`, ready to draw.
 */
export function setUpChartJs(font: string, extras: readonly ChartComponentLike[] = []): typeof Chart {
  Chart.register(...CORE_PARTS, ...extras);
  Chart.defaults.font.family = font;
  Chart.defaults.font.size = CHART_FONT_SIZE;
  return Chart;
}
