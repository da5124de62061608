/**
 * Which chart.js parts beyond the core (chart-js-setup.ts) a chart needs: bars for bar, hbar and range charts,
 * the scatter controller, the filler for areas, the log scale. The browser loads only these for a page's
 * charts. No chart.js import here: this decides, it does not load.
 */
import type { ChartSpec } from './chart-spec.ts';

/** The groups of optional parts, each a chunk of its own in the browser. */
export const PART_GROUPS = ['bar', 'scatter', 'area', 'log'] as const;
export type PartGroup = (typeof PART_GROUPS)[number];

/**
 * The optional parts a chart draws with.
 * @param spec The chart.
 */
export function partsFor(spec: Pick<ChartSpec, 'type' | 'x' | 'y'>): PartGroup[] {
  const parts: PartGroup[] = [];
  if (spec.type === 'bar' || spec.type === 'hbar' || spec.type === 'range') parts.push('bar');
  if (spec.type === 'scatter') parts.push('scatter');
  if (spec.type === 'area') parts.push('area');
  if (spec.y.scale === 'logarithmic' || spec.x.scale === 'logarithmic') parts.push('log');
  return parts;
}
