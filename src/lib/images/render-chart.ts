/**
 * Renders a chart to PNG at build time with the same chart.js configuration as
 * the browser, on @napi-rs/canvas with bundled fonts (nothing is fetched).
 * Used for the image inside each figure (before JavaScript runs), the PNG
 * download and social cards.
 */
import { createCanvas } from '@napi-rs/canvas';
import type { ChartConfiguration } from 'chart.js';
import { CHART_FONT_SIZE, setUpChartJs } from '../chart/chart-js-setup.ts';
import type { ChartSpec } from '../chart/chart-spec.ts';
import { CHART_THEMES, type ChartLabel, type ChartTheme, toChartConfig } from '../chart/to-chart-config.ts';
import { formatValue } from '../format.ts';
import { encodePng } from './encode-png.ts';
import { IMAGE_FONT, IMAGE_FONT_VERSIONS, loadImageFonts } from './image-fonts.ts';
import { fillParagraph, layOutText } from './image-text.ts';
import { rendererSource } from './renderer-source.ts';

/** Bump when the drawing changes, so cached images are redrawn. */
const RENDERER_VERSION = 5;

const Chart = setUpChartJs(IMAGE_FONT);

/** Options for `renderChartPng`. */
export interface RenderOptions {
  theme: 'light' | 'dark';
  width: number;
  height: number;
  /** Device pixel ratio (default: 2, sharp on phones and retina screens). */
  scale?: number | undefined;
  /** Base font size of axis labels and legend in CSS pixels (default: 13). */
  fontSize?: number | undefined;
  /** Title, source line and credit around the chart, for downloads and shared images. */
  frame?: { title: string; source: string; credit: string } | undefined;
}

/**
 * Renders a chart to PNG bytes.
 * @param spec The chart.
 * @param options Theme, size, scale and optional frame.
 */
export function renderChartPng(spec: ChartSpec, options: RenderOptions): Buffer {
  // chart.js formats tick labels as it draws: the locale's digits, separators and compact suffixes need their fonts too.
  const numbers = [-1.234567e12, -1.234567e9, -1234567.8, -12345.6, 0.5].flatMap((value) => [
    formatValue(value, spec.y.format, spec.locale),
    formatValue(value, spec.y.format, spec.locale, true),
  ]);
  loadImageFonts(JSON.stringify([spec, options.frame ?? null, numbers]));
  const scale = options.scale ?? 2;
  const theme: ChartTheme = { ...CHART_THEMES[options.theme], font: IMAGE_FONT };
  const canvas = createCanvas(options.width * scale, options.height * scale);
  const context = canvas.getContext('2d');
  context.scale(scale, scale);
  context.fillStyle = theme.background;
  context.fillRect(0, 0, options.width, options.height);

  // Step 1: the frame (title above; source and credit below) for downloads.
  let top = 0;
  let bottom = options.height;
  const padding = options.frame ? 24 : 0;
  if (options.frame) {
    const width = options.width - 2 * padding;
    context.fillStyle = theme.text;
    context.font = `700 26px ${IMAGE_FONT}`;
    const title = layOutText(context, options.frame.title, width, 2);
    fillParagraph(context, title, { x: padding, y: padding + 26, width, lineHeight: 32 });
    top = padding + 26 + (title.lines.length - 1) * 32 + 18;
    context.font = `400 15px ${IMAGE_FONT}`;
    context.fillStyle = theme.muted;
    const source = layOutText(context, options.frame.source, width, 2);
    const creditY = options.height - padding;
    fillParagraph(context, layOutText(context, options.frame.credit, width, 1), {
      x: padding,
      y: creditY,
      width,
      lineHeight: 20,
    });
    fillParagraph(context, source, {
      x: padding,
      y: creditY - 24 - (source.lines.length - 1) * 20,
      width,
      lineHeight: 20,
    });
    bottom = creditY - 24 - source.lines.length * 20 - 8;
  }

  // Step 2: the chart, drawn by chart.js into a sub-canvas at the same scale.
  const chartWidth = options.width - 2 * padding;
  const chartHeight = bottom - top;
  const chartCanvas = createCanvas(Math.round(chartWidth * scale), Math.round(chartHeight * scale));
  const config: ChartConfiguration<'line' | 'bar', (number | null)[], ChartLabel> = toChartConfig(spec, theme);
  config.options = { ...config.options, responsive: false, devicePixelRatio: scale, animation: false };
  Chart.defaults.font.size = options.fontSize ?? CHART_FONT_SIZE;
  const chartContext = chartCanvas.getContext('2d');
  // chart.js reads the canvas size from the context's canvas in CSS pixels.
  Object.assign(chartCanvas, { style: {} });
  const chart = new Chart(chartContext as unknown as CanvasRenderingContext2D, config);
  chart.resize(chartWidth, chartHeight);
  chart.draw();
  context.drawImage(chartCanvas, padding, top, chartWidth, chartHeight);
  chart.destroy();
  return encodePng(canvas.data(), canvas.width, canvas.height);
}

/** Everything images depend on besides their own inputs: bump to redraw them all. */
export const RENDERER_KEY = {
  RENDERER_VERSION,
  chartjs: Chart.version,
  fonts: IMAGE_FONT_VERSIONS,
  source: rendererSource(),
};
