/**
 * Social cards (1200×630 PNG) for reports and charts, drawn at build time with
 * the bundled fonts: nothing is fetched, titles wrap over up to three lines
 * (the check warns about a text that needs more, rather than let it end in "…"),
 * Arabic and Hebrew titles run right to left. The chart on a card is the same
 * SVG drawing as on the page (light), rasterised.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { ChartSpec } from '../chart/chart-spec.ts';
import { describeChart } from '../chart/describe.ts';
import { CHART_THEMES } from '../chart/to-chart-config.ts';
import { issue } from '../error-codes/define.ts';
import { TB142, TB143 } from '../error-codes/directives.ts';
import type { Issue } from '../errors.ts';
import { encodePng } from '../images/encode-png.ts';
import { IMAGE_FONT, loadImageFonts } from '../images/image-fonts.ts';
import { fillParagraph, layOutText, undrawableCharacters } from '../images/image-text.ts';
import { drawChartSvg, FRAME_TITLE, framedChartSvg, svgFile } from '../images/render-chart-svg.ts';
import { CARD } from './card-size.ts';

/** What a report's card shows. */
export interface ReportCard {
  title: string;
  description: string;
  /** The key figure the author marked `card: true`, if any: a card never quotes a figure out of context. */
  figure?: { value: string; label: string } | undefined;
  /** The first chart, drawn on the right. */
  chart?: ChartSpec | undefined;
  siteTitle: string;
  /** Host and path shown at the bottom, e.g. trends.example.com/reports/x/. */
  address: string;
  accent: string;
}

/** The report card's texts that wrap: type, the lines the card has room for, and line height. */
const CARD_TEXT = {
  title: { font: `700 52px ${IMAGE_FONT}`, lines: 3, lineHeight: 62 },
  figureLabel: { font: `600 26px ${IMAGE_FONT}`, lines: 3, lineHeight: 32 },
  description: { font: `400 28px ${IMAGE_FONT}`, lines: 3, lineHeight: 38 },
} as const;

const CARD_LEFT = 64;
/** Text beside the chart; without a chart, text runs across the card. */
const BESIDE_CHART = 560;

/** A text too long for its place on a report card (where it would end in "…"). */
export interface CardOverflow {
  text: 'title' | 'figureLabel' | 'description';
  lines: number;
  max: number;
}

/**
 * The texts of a report card that need more lines than the card gives them.
 * @param card What the card shows (the description only when there is no key figure).
 */
export function cardOverflows(card: Pick<ReportCard, 'title' | 'description' | 'figure' | 'chart'>): CardOverflow[] {
  loadImageFonts(JSON.stringify([card.title, card.description, card.figure ?? null]));
  const context = createCanvas(1, 1).getContext('2d');
  const width = card.chart ? BESIDE_CHART : CARD.width - 2 * CARD_LEFT;
  const texts: [CardOverflow['text'], string][] = [
    ['title', card.title],
    card.figure ? ['figureLabel', card.figure.label] : ['description', card.description],
  ];
  return texts.flatMap(([text, value]) => {
    context.font = CARD_TEXT[text].font;
    const max = CARD_TEXT[text].lines;
    const lines = layOutText(context, value, width, max + 1).lines.length;
    return lines > max ? [{ text, lines, max }] : [];
  });
}

/**
 * The chart's texts (title, axis titles, legend, x labels) that hold characters no bundled font draws, so its card
 * and PNG download leave those characters out (TB142), or `undefined` when the card draws them all.
 * @param spec The chart.
 */
export function undrawableCardText(spec: ChartSpec): Issue | undefined {
  const texts = [
    spec.title,
    spec.x.label,
    spec.y.label,
    ...spec.series.map((series) => series.label),
    ...spec.x.labels,
  ];
  const undrawable = texts
    .map((text) => ({ text, characters: undrawableCharacters(text) }))
    .filter((entry) => entry.characters.length > 0);
  if (undrawable.length === 0) return undefined;
  const characters = [...new Set(undrawable.flatMap((entry) => entry.characters))].join('');
  return issue(TB142, { characters, texts: [...new Set(undrawable.map((entry) => entry.text))] });
}

/**
 * How many lines a chart's title takes above the chart on its card and downloads (all 1200 px wide), when that is
 * more than they have (TB143), or `undefined` when it fits: a longer title would end in "…" on every shared link.
 * @param spec The chart.
 */
export function chartTitleOverflow(spec: ChartSpec): Issue | undefined {
  loadImageFonts(JSON.stringify(spec.title));
  const context = createCanvas(1, 1).getContext('2d');
  context.font = FRAME_TITLE.font;
  const width = CARD.width - 2 * FRAME_TITLE.padding;
  const lines = layOutText(context, spec.title, width, FRAME_TITLE.lines + 1).lines.length;
  return lines > FRAME_TITLE.lines ? issue(TB143, { lines, max: FRAME_TITLE.lines }) : undefined;
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

  const left = CARD_LEFT;
  const fullWidth = CARD.width - 2 * left;
  // Beside the chart, if there is one; the site's name and the address run above and below it.
  const textWidth = card.chart ? BESIDE_CHART : fullWidth;
  const draw = (text: string, maxLines: number, y: number, lineHeight: number, width = textWidth) => {
    const paragraph = layOutText(context, text, width, maxLines);
    fillParagraph(context, paragraph, { x: left, y, width, lineHeight });
    return paragraph.lines.length;
  };
  context.fillStyle = card.accent;
  context.font = `700 28px ${IMAGE_FONT}`;
  draw(card.siteTitle, 1, 88, 0, fullWidth);

  context.fillStyle = theme.text;
  const { title, figureLabel, description } = CARD_TEXT;
  context.font = title.font;
  let y = 170 + draw(card.title, title.lines, 170, title.lineHeight) * title.lineHeight + 24;

  if (card.figure) {
    context.fillStyle = card.accent;
    context.font = `700 64px ${IMAGE_FONT}`;
    draw(card.figure.value, 1, y + 48, 0);
    context.fillStyle = theme.text;
    context.font = figureLabel.font;
    draw(card.figure.label, figureLabel.lines, y + 92, figureLabel.lineHeight);
  } else {
    context.fillStyle = theme.muted;
    context.font = description.font;
    draw(card.description, description.lines, y + 20, description.lineHeight);
  }
  y = CARD.height - 48;
  context.fillStyle = theme.muted;
  context.font = `400 22px ${IMAGE_FONT}`;
  draw(card.address, 1, y, 0, fullWidth);

  if (card.chart) {
    const drawing = drawChartSvg(card.chart, {
      width: 520,
      height: 440,
      fontSize: 15,
      id: 'card-chart',
      label: describeChart(card.chart),
      scheme: 'light',
      fontFamily: IMAGE_FONT,
      output: 'raster',
    });
    context.drawImage(await loadImage(Buffer.from(svgFile(drawing))), CARD.width - 520 - 40, 120, 520, 440);
  }
  return encodePng(canvas.data(), canvas.width, canvas.height);
}

/**
 * Draws a chart's social card, which is also its PNG download: the chart with its title, source line and credit.
 * @param spec The chart.
 * @param source The source line.
 * @param credit Site name and address.
 */
export async function renderChartCard(spec: ChartSpec, source: string, credit: string): Promise<Buffer> {
  const drawing = framedChartSvg(
    spec,
    { title: spec.title, source, credit },
    { width: CARD.width, height: CARD.height, fontSize: 16 },
    'raster',
  );
  const canvas = createCanvas(CARD.width, CARD.height);
  canvas.getContext('2d').drawImage(await loadImage(Buffer.from(svgFile(drawing))), 0, 0, CARD.width, CARD.height);
  return encodePng(canvas.data(), canvas.width, canvas.height);
}
