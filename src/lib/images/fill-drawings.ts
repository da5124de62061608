/**
 * Puts each figure's drawings where the report's HTML left a placeholder for them (`drawingsPlaceholder()` in
 * src/lib/chart/figure.ts): the build renders reports in its check without drawing, draws every chart's drawings
 * on all cores, and each report page fills them in from the cache as it is built.
 */
import { toHtml } from 'hast-util-to-html';
import type { ChartSpec } from '../chart/chart-spec.ts';
import { drawingElements } from '../chart/figure.ts';
import { figureDrawings } from './image-jobs.ts';

const PLACEHOLDER = /<template data-drawings-for="([^"]*)"><\/template>/g;

/**
 * The report's HTML with every figure's drawings in place.
 * @param html The HTML the report pipeline wrote with `drawings: 'later'`.
 * @param charts The report's charts (the placeholders name them by id).
 * @param cacheDir The image cache folder (default: the build's).
 */
export function fillDrawings(html: string, charts: readonly ChartSpec[], cacheDir?: string): string {
  return html.replace(PLACEHOLDER, (_placeholder, id: string) => {
    const spec = charts.find((chart) => chart.id === id);
    if (!spec)
      throw new Error(`Internal error: a figure's drawings stand for the chart "${id}", which is not in its report.`);
    return toHtml(drawingElements(figureDrawings(spec, cacheDir)));
  });
}
