/**
 * The chart.js pieces Trendbook draws with, registered by the browser runtime
 * and the build-time renderer alike, so a page and its static image can never
 * differ in what they can draw. Tree-shaking keeps everything else out.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LogarithmicScale,
  LineController,
  LineElement,
  PointElement,
} from 'chart.js';

/** Controllers, elements, scales and plugins of line and grouped-bar charts (tooltips are the runtime's own). */
export const CHART_PARTS = [LineController, BarController, LineElement, PointElement, BarElement, CategoryScale, LinearScale, LogarithmicScale, Legend];
