/**
 * Social cards (1200×630 PNG) for reports and charts, drawn at build time with
 * the bundled fonts: nothing is fetched, long titles wrap and end with "…",
 * Arabic and Hebrew titles run right to left.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { ChartSpec } from '../chart/chart-spec.ts';
import { CHART_THEMES } from '../chart/to-chart-config.ts';
import { encodePng } from '../images/encode-png.ts';
import { IMAGE_FONT, loadImageFonts } from '../images/image-fonts.ts';
import { fillParagraph, layOutText } from '../images/image-text.ts';
import { renderChartPng } from '../images/render-chart.ts';
import { CARD } from './card-size.ts';

/** What a report's card shows. */
export interface ReportCard {
  title: string;
  description: string;
  /** The first key figure, if the report has one. */
  figure?: { value: string; label: string } | undefined;
  /** The first chart, drawn on the right. */
  chart?: ChartSpec | undefined;
  siteTitle: string;
  /** Host and path shown at the bottom, e.g. trends.example.com/reports/x/. */
  address: string;
  accent: string;
}

/**
 * Draws a report's social card.
 * @param card What it shows.
 */
export async function renderReportCard(card: ReportCard): Promise<Buffer> {
  loadImageFonts(JSON.stringify(card));
  const theme = CHART_THEMES.light;
  const canvas = createCanvas(CARD.width, CARD.height);
  const context = canvas.getContext('2d');
  context.fillStyle = theme.background;
  context.fillRect(0, 0, CARD.width, CARD.height);
  context.fillStyle = card.accent;
  context.fillRect(0, 0, CARD.width, 12);

  const left = 64;
  const fullWidth = CARD.width - 2 * left;
  // Beside the chart, if there is one; the site's name and the address run above and below it.
  const textWidth = card.chart ? 560 : fullWidth;
  const draw = (text: string, maxLines: number, y: number, lineHeight: number, width = textWidth) => {
    const paragraph = layOutText(context, text, width, maxLines);
    fillParagraph(context, paragraph, { x: left, y, width, lineHeight });
    return paragraph.lines.length;
  };
  context.fillStyle = card.accent;
  context.font = `700 28px ${IMAGE_FONT}`;
  draw(card.siteTitle, 1, 88, 0, fullWidth);

  context.fillStyle = theme.text;
  context.font = `700 52px ${IMAGE_FONT}`;
  let y = 170 + draw(card.title, 3, 170, 62) * 62 + 24;

  if (card.figure) {
    context.fillStyle = card.accent;
    context.font = `700 64px ${IMAGE_FONT}`;
    draw(card.figure.value, 1, y + 48, 0);
    context.fillStyle = theme.text;
    context.font = `600 26px ${IMAGE_FONT}`;
    draw(card.figure.label, 2, y + 92, 32);
  } else {
    context.fillStyle = theme.muted;
    context.font = `400 28px ${IMAGE_FONT}`;
    draw(card.description, 3, y + 20, 38);
  }
  y = CARD.height - 48;
  context.fillStyle = theme.muted;
  context.font = `400 22px ${IMAGE_FONT}`;
  draw(card.address, 1, y, 0, fullWidth);

  if (card.chart) {
    const chart = await loadImage(
      renderChartPng(card.chart, { theme: 'light', width: 520, height: 440, scale: 1, fontSize: 15 }),
    );
    context.drawImage(chart, CARD.width - 520 - 40, 120, 520, 440);
  }
  return encodePng(canvas.data(), canvas.width, canvas.height);
}

/**
 * Draws a chart's social card: the chart with its title, source line and credit.
 * @param spec The chart.
 * @param source The source line.
 * @param credit Site name and address.
 */
export function renderChartCard(spec: ChartSpec, source: string, credit: string): Buffer {
  return renderChartPng(spec, {
    theme: 'light',
    width: CARD.width,
    height: CARD.height,
    scale: 1,
    fontSize: 16,
    frame: { title: spec.title, source, credit },
  });
}
