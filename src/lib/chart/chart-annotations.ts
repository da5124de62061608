/**
 * Annotations drawn on the chart (`mark`, `band`, `ref`, `label`; see annotations.ts for how they are read
 * and checked): a shaded band behind the data, lines and notes over it, in the chart's own colours, so the
 * canvas and every static drawing carry them alike.
 */
import type { Chart, Plugin } from 'chart.js';
import { drawnText } from '../bidi.ts';
import { type ChartSpec, isHorizontal } from './chart-spec.ts';
import type { ChartJsType, ChartTheme, FontSpec } from './to-chart-config.ts';
import { toFontString } from './to-chart-config.ts';

/**
 * The plugin that draws a spec's annotations.
 * @param spec The chart.
 * @param theme Its colours.
 */
export function drawAnnotations(spec: ChartSpec, theme: ChartTheme): Plugin<ChartJsType> {
  const notes = spec.annotations ?? [];
  const horizontal = isHorizontal(spec);
  /** Pixel of an x position along the x values' axis (the y axis of horizontal bars). */
  const xPixel = (chart: Chart<ChartJsType>, at: number) => chart.scales[horizontal ? 'y' : 'x']!.getPixelForValue(at);
  /** Half a category's width, so a band over categories covers them whole. */
  const halfSlot = (chart: Chart<ChartJsType>) => {
    if ((spec.x.scale ?? 'category') !== 'category') return 0;
    const scale = chart.scales[horizontal ? 'y' : 'x']!;
    return Math.abs(scale.getPixelForValue(1) - scale.getPixelForValue(0)) / 2;
  };
  const font = (chart: Chart<ChartJsType>, weight: number) => {
    const base = chart.options.font as FontSpec;
    return toFontString({ ...base, size: Math.max(10, (base.size ?? 12) - 1), weight });
  };
  return {
    id: 'trendbookAnnotations',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      ctx.save();
      for (const note of notes) {
        if (note.kind !== 'band') continue;
        const half = halfSlot(chart);
        const [a, b] = [xPixel(chart, note.from) - half, xPixel(chart, note.to) + half];
        ctx.fillStyle = `${theme.muted}26`;
        if (horizontal) ctx.fillRect(chartArea.left, Math.min(a, b), chartArea.right - chartArea.left, Math.abs(b - a));
        else ctx.fillRect(Math.min(a, b), chartArea.top, Math.abs(b - a), chartArea.bottom - chartArea.top);
      }
      ctx.restore();
    },
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.font = font(chart, 500);
      ctx.textBaseline = 'bottom';
      // Mark and band texts sit in rows at the top of the plot, on a halo of the background colour; one that
      // would overlap an earlier one drops to the next row.
      let rowEnds: number[] = [];
      const headline = (text: string, x: number) => {
        const width = ctx.measureText(text).width;
        const left = Math.min(Math.max(x, chartArea.left + 2), chartArea.right - width - 2);
        let row = rowEnds.findIndex((end) => end + 6 <= left);
        if (row < 0) row = rowEnds.length;
        rowEnds[row] = left + width;
        const y = chartArea.top + 14 + row * 15;
        ctx.fillStyle = `${theme.background}d9`;
        ctx.fillRect(left - 2, y - 13, width + 4, 15);
        ctx.textAlign = 'left';
        ctx.fillStyle = theme.text;
        ctx.fillText(text, left, y);
      };
      for (const note of notes) {
        if (note.kind === 'band') {
          const half = halfSlot(chart);
          headline(drawnText(note.text), Math.min(xPixel(chart, note.from), xPixel(chart, note.to)) - half + 3);
        } else if (note.kind === 'mark') {
          const x = xPixel(chart, note.at);
          ctx.strokeStyle = theme.text;
          ctx.lineWidth = 1;
          ctx.setLineDash([4, 3]);
          ctx.beginPath();
          if (horizontal) {
            ctx.moveTo(chartArea.left, x);
            ctx.lineTo(chartArea.right, x);
          } else {
            ctx.moveTo(x, chartArea.top);
            ctx.lineTo(x, chartArea.bottom);
          }
          ctx.stroke();
          ctx.setLineDash([]);
          headline(drawnText(note.text), x + 3);
        } else if (note.kind === 'ref') {
          const scale = chart.scales[horizontal ? 'x' : 'y']!;
          const at = scale.getPixelForValue(note.value);
          ctx.strokeStyle = theme.muted;
          ctx.lineWidth = 1.5;
          ctx.setLineDash([6, 4]);
          ctx.beginPath();
          if (horizontal) {
            ctx.moveTo(at, chartArea.top);
            ctx.lineTo(at, chartArea.bottom);
          } else {
            ctx.moveTo(chartArea.left, at);
            ctx.lineTo(chartArea.right, at);
          }
          ctx.stroke();
          ctx.setLineDash([]);
          ctx.fillStyle = theme.text;
          ctx.textAlign = horizontal ? 'left' : 'right';
          const text = drawnText(note.text);
          if (horizontal) ctx.fillText(text, at + 4, chartArea.bottom - 2);
          else ctx.fillText(text, chartArea.right - 2, at - 3);
        } else {
          const element = chart.getDatasetMeta(note.series).data[note.point];
          if (!element || !chart.isDatasetVisible(note.series)) continue;
          const text = drawnText(note.text);
          const width = ctx.measureText(text).width;
          // Above the point, or below it when the top is too close; kept inside the plot.
          const above = element.y - 26 > chartArea.top;
          const y = above ? element.y - 14 : element.y + 26;
          const x = Math.min(Math.max(element.x - width / 2, chartArea.left), chartArea.right - width);
          ctx.strokeStyle = theme.text;
          ctx.lineWidth = 1;
          ctx.beginPath();
          ctx.moveTo(element.x, above ? element.y - 7 : element.y + 7);
          ctx.lineTo(element.x, above ? y - 1 : y - 13);
          ctx.stroke();
          // A halo in the background colour keeps the note readable over lines and grid.
          ctx.fillStyle = `${theme.background}d9`;
          ctx.fillRect(x - 2, y - 14, width + 4, 15);
          ctx.fillStyle = theme.text;
          ctx.textAlign = 'left';
          ctx.fillText(text, x, y);
        }
      }
      rowEnds = [];
      ctx.restore();
    },
  };
}
