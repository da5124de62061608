/**
 * The browser's chart.js, set up once with Trendbook's parts, tooltips and
 * font; the chart runtime and the explorer draw with this `Chart`.
 */
import { Chart, Tooltip } from 'chart.js';
import { setUpChartJs } from '../lib/chart/chart-js-setup.ts';
import { CHART_THEMES } from '../lib/chart/to-chart-config.ts';

setUpChartJs(CHART_THEMES.light.font, [Tooltip]);

/** chart.js's Chart, registered and with the page's font. */
export { Chart };
