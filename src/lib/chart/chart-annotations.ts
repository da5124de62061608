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
      // Mark and band texts sit on a halo of the background colour, in the first place free of the data and of
      // earlier texts: beside the line at the top of the plot (right, then left), then at its bottom, row by row.
      const placed: Box[] = [];
      const data = drawnShapes(chart, horizontal);
      const headline = (text: string, start: number, end: number) => {
        const width = ctx.measureText(text).width;
        const inside = (left: number) => Math.min(Math.max(left, chartArea.left + 2), chartArea.right - width - 2);
        const candidates: { box: Box; x: number; y: number }[] = [];
        for (let row = 0; row < 3; row++)
          for (const edge of ['top', 'bottom'] as const)
            for (const left of [inside(start), inside(end - width)]) {
              const y = edge === 'top' ? chartArea.top + 14 + row * 15 : chartArea.bottom - 4 - row * 15;
              candidates.push({
                box: { left: left - 2, top: y - 13, right: left + width + 2, bottom: y + 2 },
                x: left,
                y,
              });
            }
        const cost = (box: Box) =>
          (placed.some((other) => overlaps(box, other)) ? 1000 : 0) + data.filter((shape) => shape(box)).length;
        const best = candidates.reduce((chosen, candidate) =>
          cost(candidate.box) < cost(chosen.box) ? candidate : chosen,
        );
        placed.push(best.box);
        ctx.fillStyle = `${theme.background}d9`;
        ctx.fillRect(best.x - 2, best.y - 13, width + 4, 15);
        ctx.textAlign = 'left';
        ctx.fillStyle = theme.text;
        ctx.fillText(text, best.x, best.y);
      };
      for (const note of notes) {
        if (note.kind === 'band') {
          const half = halfSlot(chart);
          const [from, to] = [xPixel(chart, note.from), xPixel(chart, note.to)].sort((a, b) => a - b) as [
            number,
            number,
          ];
          headline(drawnText(note.text), from - half + 3, to + half - 3);
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
          headline(drawnText(note.text), x + 3, x - 3);
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
      ctx.restore();
    },
  };
}

/** A rectangle on the canvas, in pixels. */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * What the chart drew, as tests of whether a box covers it: each point (with its marker's room), each bar, and
 * each line between two points (sampled every few pixels).
 */
function drawnShapes(chart: Chart<ChartJsType>, horizontal: boolean): ((box: Box) => boolean)[] {
  const shapes: ((box: Box) => boolean)[] = [];
  const near = (box: Box, x: number, y: number, room: number) =>
    x > box.left - room && x < box.right + room && y > box.top - room && y < box.bottom + room;
  chart.data.datasets.forEach((dataset, index) => {
    if (!chart.isDatasetVisible(index)) return;
    const meta = chart.getDatasetMeta(index);
    const joined = meta.type === 'line' && (dataset as { showLine?: boolean }).showLine !== false;
    const elements = meta.data as unknown as {
      x: number;
      y: number;
      base?: number;
      width?: number;
      height?: number;
      skip?: boolean;
    }[];
    let previous: { x: number; y: number } | undefined;
    for (const element of elements) {
      if (element.skip || !Number.isFinite(element.x) || !Number.isFinite(element.y)) {
        previous = undefined;
        continue;
      }
      if (typeof element.base === 'number') {
        const bar: Box = horizontal
          ? {
              left: Math.min(element.base, element.x),
              right: Math.max(element.base, element.x),
              top: element.y - (element.height ?? 0) / 2,
              bottom: element.y + (element.height ?? 0) / 2,
            }
          : {
              left: element.x - (element.width ?? 0) / 2,
              right: element.x + (element.width ?? 0) / 2,
              top: Math.min(element.base, element.y),
              bottom: Math.max(element.base, element.y),
            };
        shapes.push((box) => overlaps(box, bar));
        continue;
      }
      const point = { x: element.x, y: element.y };
      shapes.push((box) => near(box, point.x, point.y, 5));
      if (joined && previous) {
        const from = previous;
        const steps = Math.max(1, Math.ceil(Math.hypot(point.x - from.x, point.y - from.y) / 4));
        shapes.push((box) => {
          for (let step = 1; step < steps; step++) {
            const t = step / steps;
            if (near(box, from.x + (point.x - from.x) * t, from.y + (point.y - from.y) * t, 1)) return true;
          }
          return false;
        });
      }
      previous = point;
    }
  });
  return shapes;
}
