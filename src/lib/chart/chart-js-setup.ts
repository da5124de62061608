/**
 * chart.js, set up for Trendbook in one place: the pieces it draws with and its default font, for the browser
 * runtime, the explorer and the build-time static drawing alike, so a page and its static drawing can never
 * differ in what they can draw. Tree-shaking keeps everything else out (doughnuts, radars, time scales and
 * their date adapter, titles, decimation). chart.js ships as one ES module, so the bundler cannot split its
 * controllers into chunks per kind: every page that draws a chart loads these parts (62 KB gzip for line and
 * bar alone, 69 KB for every kind; BENCHMARKS.md).
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartComponentLike,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
} from 'chart.js';

/**
 * Every kind's parts: lines, areas (Filler), slopes and dots draw with the line controller, scatters with its
 * scatter variant, bars of every direction and ranges with the bar controller; time lines are linear scales with
 * calendar ticks (time-ticks.ts).
 */
const CHART_PARTS = [
  LineController,
  ScatterController,
  BarController,
  LineElement,
  PointElement,
  BarElement,
  Filler,
  CategoryScale,
  LinearScale,
  LogarithmicScale,
  Legend,
];

/** Base font size of axis labels and legend, in CSS pixels. */
export const CHART_FONT_SIZE = 13;

/**
 * Registers Trendbook's chart.js parts and sets the default font. Safe to call more than once.
 * @param font The font family labels are drawn in.
 * @param extras Parts only this caller needs (the browser's Tooltip).
 * @returns chart.js's `Chart`, ready to draw.
 */
export function setUpChartJs(font: string, extras: readonly ChartComponentLike[] = []): typeof Chart {
  Chart.register(...CHART_PARTS, ...extras);
  Chart.defaults.font.family = font;
  Chart.defaults.font.size = CHART_FONT_SIZE;
  return Chart;
}
