/** chart.js parts of scatter charts, loaded by a page that has one (see chart-parts.ts). */
import { ScatterController } from 'chart.js';

export default [ScatterController];
