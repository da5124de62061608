/**
 * Renders a chart to PNG at build time with the same chart.js configuration as
 * the browser, on @napi-rs/canvas with bundled fonts (nothing is fetched).
 * Used for the image inside each figure (before JavaScript runs), the PNG
 * download and social cards.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration } from 'chart.js';
import { CHART_PARTS } from './chart-parts.ts';
import type { ChartSpec } from './chart-spec.ts';
import { CHART_THEMES, toChartConfig, type ChartTheme } from './to-chart-config.ts';
import { encodePng } from '../images/encode-png.ts';
import { rendererSource } from '../images/renderer-source.ts';

/** Bump when the drawing changes, so cached images are redrawn. */
const RENDERER_VERSION = 4;

/** The font images are drawn with; the site's pages use the same family. */
export const IMAGE_FONT = 'Inter';

const require = createRequire(import.meta.url);
let ready = false;

function setUp(): void {
  if (ready) return;
  const files = dirname(require.resolve('@fontsource/inter/package.json'));
  for (const weight of ['400', '600', '700']) {
    GlobalFonts.registerFromPath(join(files, 'files', `inter-latin-${weight}-normal.woff2`), IMAGE_FONT);
    GlobalFonts.registerFromPath(join(files, 'files', `inter-latin-ext-${weight}-normal.woff2`), IMAGE_FONT);
  }
  Chart.register(...CHART_PARTS);
  Chart.defaults.font.family = `${IMAGE_FONT}, sans-serif`;
  ready = true;
}

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
  setUp();
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
    context.fillStyle = theme.text;
    context.font = `700 26px ${IMAGE_FONT}`;
    const titleLines = wrapText(context, options.frame.title, options.width - 2 * padding, 2);
    titleLines.forEach((line, index) => context.fillText(line, padding, padding + 26 + index * 32));
    top = padding + 26 + (titleLines.length - 1) * 32 + 18;
    context.font = `400 15px ${IMAGE_FONT}`;
    context.fillStyle = theme.muted;
    const sourceLines = wrapText(context, options.frame.source, options.width - 2 * padding, 2);
    const creditY = options.height - padding;
    context.fillText(options.frame.credit, padding, creditY);
    sourceLines.forEach((line, index) => context.fillText(line, padding, creditY - 24 - (sourceLines.length - 1 - index) * 20));
    bottom = creditY - 24 - sourceLines.length * 20 - 8;
  }

  // Step 2: the chart, drawn by chart.js into a sub-canvas at the same scale.
  const chartWidth = options.width - 2 * padding;
  const chartHeight = bottom - top;
  const chartCanvas = createCanvas(Math.round(chartWidth * scale), Math.round(chartHeight * scale));
  const config = toChartConfig(spec, theme) as ChartConfiguration<'line' | 'bar', (number | null)[], string>;
  config.options = { ...config.options, responsive: false, devicePixelRatio: scale, animation: false };
  Chart.defaults.font.size = options.fontSize ?? 13;
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

/**
 * Breaks text into at most `maxLines` lines of `width` pixels, ending with "…" when cut.
 * @param context The canvas context, with its font set.
 * @param text The text.
 * @param width Line width in pixels.
 * @param maxLines Most lines to return.
 */
export function wrapText(context: SKRSContext2D, text: string, width: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (context.measureText(next).width <= width || !line) {
      line = next;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1]!;
    while (last.length > 1 && context.measureText(`${last}…`).width > width) last = last.slice(0, -1);
    kept[maxLines - 1] = `${last.trimEnd()}…`;
    return kept;
  }
  return lines;
}

/** Everything images depend on besides their own inputs: bump to redraw them all. */
export const RENDERER_KEY = { RENDERER_VERSION, chartjs: Chart.version, source: rendererSource() };
