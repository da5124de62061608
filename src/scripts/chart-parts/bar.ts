/** chart.js parts of bar, hbar and range charts, loaded by a page that has one (see chart-parts.ts). */
import { BarController, BarElement } from 'chart.js';

export default [BarController, BarElement];
