/** chart.js parts of area charts, loaded by a page that has one (see chart-parts.ts). */
import { Filler } from 'chart.js';

export default [Filler];
