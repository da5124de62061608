/** chart.js parts of log axes, loaded by a page that has one (see chart-parts.ts). */
import { LogarithmicScale } from 'chart.js';

export default [LogarithmicScale];
