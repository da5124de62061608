/**
 * The static drawing of a chart, as SVG: chart.js draws the same configuration
 * as in the browser (`toChartConfig`) into an SVG-recording context, so scales,
 * ticks, colours, labels and illustrative styling are decided by one piece of
 * code for the canvas and the drawing alike.
 *
 * One drawing serves both colour schemes: chart.js draws with placeholder
 * colours, which become `light-dark(<light>, <dark>)` paints, so the drawing
 * follows the page's scheme. Text stays text, in the page's own font when the
 * drawing sits in a page.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';
import { CHART_FONT_SIZE, setUpChartJs } from '../chart/chart-js-setup.ts';
import { type ChartSpec, frameShape, isHorizontal } from '../chart/chart-spec.ts';
import { describeChart } from '../chart/describe.ts';
import type { StaticDrawings } from '../chart/figure.ts';
import { frameLevelOf, type ImageSize, imageSizes, panelGrid } from '../chart/figure-image-sizes.ts';
import { sourceLine } from '../chart/source-line.ts';
import { CHART_THEMES, type ChartTheme, toChartConfig } from '../chart/to-chart-config.ts';
import { formatValue } from '../format.ts';
import { IMAGE_FONT, loadImageFonts } from './image-fonts.ts';
import { drawableText, fillParagraph, layOutText, type Paragraph } from './image-text.ts';
import type { Paint, RecordedElement } from './svg-context.ts';
import { SvgContext } from './svg-context.ts';

const Chart = setUpChartJs(IMAGE_FONT);

/** Options for `drawChartSvg`. */
export interface ChartSvgOptions {
  /** Size in CSS pixels: the drawing is laid out for it and scales to fit its frame. */
  width: number;
  height: number;
  /** Base font size of axis labels and legend (default: chart.js's, as on the page). */
  fontSize?: number | undefined;
  /** The drawing's id, unique on its page; its clip paths' ids start with it. */
  id: string;
  /** Its accessible name: the chart's alt text. */
  label: string;
  /** `themed` (default) follows the reader's light or dark scheme; `light` is light only (downloads, cards). */
  scheme?: 'themed' | 'light' | undefined;
  /** Font family of the text (default: none, so a drawing in a page uses the page's font). */
  fontFamily?: string | undefined;
  /**
   * `raster`: the drawing becomes pixels with the bundled fonts (a card), so text keeps only what they draw
   * instead of empty boxes (the check warns, TB142). Default `vector`: every character, for the reader's fonts.
   */
  output?: 'vector' | 'raster' | undefined;
  /** Drawn for a small frame, as the page's canvas is in one (smaller legend, no axis titles). */
  compact?: boolean | undefined;
}

/** The theme roles of chart.js's colours, drawn as placeholders and resolved per scheme. */
const ROLES = ['text', 'muted', 'grid', 'background'] as const;

/**
 * Draws a chart as an SVG element.
 * @param spec The chart.
 * @param options Size, id, accessible name and colour scheme.
 */
export function drawChartSvg(spec: ChartSpec, options: ChartSvgOptions): Element {
  if (spec.panels) return drawPanelsSvg(spec.panels, options);
  // chart.js measures tick labels as it lays out: the locale's digits and separators need their fonts loaded.
  const numbers = [-1.234567e12, -1.234567e9, -1234567.8, -12345.6, 0.5].flatMap((value) => [
    formatValue(value, spec.y.format, spec.locale),
    formatValue(value, spec.y.format, spec.locale, true),
  ]);
  loadImageFonts(JSON.stringify([spec, numbers]));

  // Step 1: placeholder colours, one per theme role and per series, with their light and dark values.
  const colours = new Map<string, { light: string; dark: string }>();
  const placeholder = (light: string, dark: string) => {
    const code = `#${(0xa00000 + colours.size).toString(16)}`;
    colours.set(code, { light: light.toLowerCase(), dark: dark.toLowerCase() });
    return code;
  };
  const theme: ChartTheme = { ...CHART_THEMES.light, font: IMAGE_FONT };
  for (const role of ROLES) theme[role] = placeholder(CHART_THEMES.light[role], CHART_THEMES.dark[role]);
  const drawn: ChartSpec = {
    ...spec,
    series: spec.series.map((series) => {
      const code = placeholder(series.color, series.darkColor);
      return { ...series, color: code, darkColor: code };
    }),
  };

  // Step 2: chart.js draws into the recording context, as it draws on the page's canvas.
  const textFilter = options.output === 'raster' ? drawableText : undefined;
  const context = new SvgContext(options.width, options.height, options.id, textFilter);
  const config = toChartConfig(drawn, theme, options.compact ?? false);
  config.options = { ...config.options, responsive: false, devicePixelRatio: 1, animation: false };
  const fontSize = Chart.defaults.font.size ?? CHART_FONT_SIZE;
  let recorded: Pick<SvgContext, 'elements' | 'clips'> = context;
  if (options.fontSize !== undefined) Chart.defaults.font.size = options.fontSize;
  try {
    // With animation off, chart.js draws the whole chart as it is created (and clears it when destroyed).
    const chart = new Chart(context as unknown as CanvasRenderingContext2D, config);
    recorded = { elements: [...context.elements], clips: new Map(context.clips) };
    chart.destroy();
  } finally {
    Chart.defaults.font.size = fontSize;
  }

  // Step 3: placeholders become colours: `light-dark(…)` follows the reader's scheme (the page sets `color-scheme`);
  // a light-only drawing gets the light colours. (An inline <style> would need its own hash in the site's CSP.)
  const children = paintedElements(recorded.elements, colours, (options.scheme ?? 'themed') === 'themed');
  const clips = [...recorded.clips].map(([id, d]) => s('clipPath', { id }, [s('path', { d })]));
  return drawingRoot(options, [...(clips.length > 0 ? [s('defs', clips)] : []), ...children]);
}

/** The `<svg>` of a drawing in a page: its size, accessible name and font. */
function drawingRoot(options: ChartSvgOptions, children: ElementContent[]): Element {
  return s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      id: options.id,
      viewBox: `0 0 ${options.width} ${options.height}`,
      width: options.width,
      height: options.height,
      // In a frame of another shape it keeps its proportions and sits where the canvas's chart starts.
      preserveAspectRatio: 'xMinYMin meet',
      role: 'img',
      ariaLabel: options.label,
      fontFamily: options.fontFamily,
    },
    children,
  );
}

/**
 * Small multiples as one drawing: each panel drawn as a chart of its own, placed as the page places its canvases
 * (`panelGrid`), compact where the page's canvas would be.
 */
function drawPanelsSvg(panels: ChartSpec[], options: ChartSvgOptions): Element {
  const cells = panelGrid(panels.length, options.width, options.height, isHorizontal(panels[0]!));
  const children = panels.map((panel, index) => {
    const cell = cells[index]!;
    const drawing = drawChartSvg(panel, {
      ...options,
      width: cell.width,
      height: cell.height,
      id: `${options.id}-${index + 1}`,
      label: '',
      // The same rule as the chart runtime's isCompact().
      compact: cell.height < 260 || cell.width < 340,
    });
    Object.assign(drawing.properties, {
      x: cell.x,
      y: cell.y,
      role: undefined,
      ariaLabel: undefined,
      xmlns: undefined,
      id: undefined,
      fontFamily: undefined,
    });
    return drawing;
  });
  return drawingRoot(options, children);
}

/**
 * The recorded elements with their paints resolved; transparent ones left out, and neighbours drawn alike
 * (points of one series, grid lines of one axis) joined into one path.
 */
function paintedElements(
  recorded: readonly RecordedElement[],
  colours: ReadonlyMap<string, { light: string; dark: string }>,
  themed: boolean,
): ElementContent[] {
  const children: ElementContent[] = [];
  for (const { element, fill, stroke } of recorded) {
    if (!paint(element, 'fill', fill) || !paint(element, 'stroke', stroke)) continue;
    const previous = children.at(-1);
    if (previous?.type === 'element' && canMerge(previous, element)) {
      previous.properties.d = `${previous.properties.d}${element.properties.d}`;
    } else children.push(element);
  }
  return groupByClip(children);

  /** Sets the element's paint; `false` when the paint is transparent and the element can go. */
  function paint(element: Element, property: 'fill' | 'stroke', used: Paint | undefined): boolean {
    if (!used) return true;
    const colour = resolveColour(used.color, colours);
    const opacity = colour.opacity * used.opacity;
    if (opacity === 0) return false;
    element.properties[property] =
      themed && colour.light !== colour.dark ? `light-dark(${colour.light}, ${colour.dark})` : colour.light;
    if (opacity < 1) element.properties[`${property}Opacity`] = String(Math.round(opacity * 1000) / 1000);
    return true;
  }
}

/** Neighbours clipped alike go into one group that carries the clip, instead of each naming it. */
function groupByClip(children: ElementContent[]): ElementContent[] {
  const grouped: ElementContent[] = [];
  for (const child of children) {
    const clip = child.type === 'element' ? child.properties.clipPath : undefined;
    if (child.type !== 'element' || clip === undefined) {
      grouped.push(child);
      continue;
    }
    delete child.properties.clipPath;
    const previous = grouped.at(-1);
    if (previous?.type === 'element' && previous.tagName === 'g' && previous.properties.clipPath === clip) {
      previous.children.push(child);
    } else grouped.push(s('g', { clipPath: clip }, [child]));
  }
  return grouped;
}

/** Two opaque paths drawn alike draw the same as one path holding both. */
function canMerge(previous: Element, next: Element): boolean {
  if (previous.tagName !== 'path' || next.tagName !== 'path') return false;
  const { d: _previousPath, ...before } = previous.properties;
  const { d: _nextPath, ...after } = next.properties;
  if ('fillOpacity' in after || 'strokeOpacity' in after) return false;
  return JSON.stringify(before) === JSON.stringify(after);
}

/** A colour as chart.js wrote it: a placeholder (with an optional alpha), or any CSS colour kept as it is. */
function resolveColour(
  written: string,
  colours: ReadonlyMap<string, { light: string; dark: string }>,
): { light: string; dark: string; opacity: number } {
  const text = written.trim().toLowerCase();
  if (text === 'transparent') return { light: text, dark: text, opacity: 0 };
  const hex = /^(#[0-9a-f]{6})([0-9a-f]{2})?$/.exec(text);
  if (hex) {
    const opacity = hex[2] ? Number.parseInt(hex[2], 16) / 255 : 1;
    const known = colours.get(hex[1]!);
    return { light: known?.light ?? hex[1]!, dark: known?.dark ?? hex[1]!, opacity };
  }
  const rgba = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(text);
  if (rgba) {
    const alpha =
      rgba[4] === undefined ? 1 : rgba[4].endsWith('%') ? Number.parseFloat(rgba[4]) / 100 : Number(rgba[4]);
    const colour = `rgb(${rgba[1]},${rgba[2]},${rgba[3]})`;
    return { light: colour, dark: colour, opacity: alpha };
  }
  return { light: text, dark: text, opacity: 1 };
}

/**
 * The static drawings of a chart's figure, shown before (and without) JavaScript, in print and in feeds: one for a
 * wide column and one for a phone, as JSON (`StaticDrawings`). `figureDrawings()` in image-jobs.ts caches them.
 * @param spec The chart.
 */
export function drawFigureDrawings(spec: ChartSpec): string {
  const label = describeChart(spec);
  const sizes = imageSizes(frameLevelOf(frameShape(spec)));
  const draw = (size: ImageSize) => drawChartSvg(spec, { ...sizes[size], id: `${spec.id}-drawing-${size}`, label });
  const drawings: StaticDrawings = { wide: draw('wide'), narrow: draw('narrow') };
  return JSON.stringify(drawings);
}

/** Title above the chart, source and credit below it: what a chart carries when it travels alone. */
export interface ChartFrame {
  title: string;
  source: string;
  credit: string;
}

/** The title above a chart that travels alone: its type and the lines it has (the check warns about more, TB143). */
export const FRAME_TITLE = { font: `700 26px ${IMAGE_FONT}`, lines: 3, padding: 24 } as const;

/** The most lines a source line takes under a chart that travels alone. */
const SOURCE_LINES = 3;

/**
 * The source line as whole sentences in at most `SOURCE_LINES` lines: every source named when they fit, else the
 * first ones "and N more". Never cut with "…": the illustrative note after it is what explains dashed lines to
 * readers who see the image alone.
 */
function wholeSourceLine(context: SKRSContext2D, spec: ChartSpec, source: string, width: number): Paragraph {
  const fits = (text: string) => layOutText(context, text, width, SOURCE_LINES + 1).lines.length <= SOURCE_LINES;
  let text = source;
  // The chart's own source line can name fewer sources; any other line is the caller's to keep short.
  if (source === sourceLine(spec))
    for (let named = spec.sources.length - 1; named > 0 && !fits(text); named--) text = sourceLine(spec, named);
  return layOutText(context, text, width, SOURCE_LINES + 1);
}

/** The font list of drawings that travel alone: the bundled fonts, then the reader's own. */
const STANDALONE_FONT = `${IMAGE_FONT}, system-ui, sans-serif`;

/**
 * The chart framed with its title, source line and credit, light, as one SVG:
 * the SVG download, and the picture its social card and PNG download are drawn from.
 * @param spec The chart.
 * @param frame Title, source line and credit.
 * @param size Width, height and base font size of axis labels.
 * @param output `raster` for a card: text keeps only what the bundled fonts draw (see `ChartSvgOptions`).
 */
export function framedChartSvg(
  spec: ChartSpec,
  frame: ChartFrame,
  size: { width: number; height: number; fontSize: number },
  output: 'vector' | 'raster' = 'vector',
): Element {
  loadImageFonts(JSON.stringify(frame));
  const padding = FRAME_TITLE.padding;
  const width = size.width - 2 * padding;
  const light = CHART_THEMES.light;
  const context = new SvgContext(size.width, size.height, `${spec.id}-frame`);
  const text = context as unknown as SKRSContext2D;
  context.fillStyle = light.background;
  context.fillRect(0, 0, size.width, size.height);

  context.fillStyle = light.text;
  context.font = FRAME_TITLE.font;
  const title = layOutText(text, frame.title, width, FRAME_TITLE.lines);
  fillParagraph(text, title, { x: padding, y: padding + 26, width, lineHeight: 32 });
  const top = padding + 26 + (title.lines.length - 1) * 32 + 18;

  context.font = `400 15px ${IMAGE_FONT}`;
  context.fillStyle = light.muted;
  const source = wholeSourceLine(text, spec, frame.source, width);
  const creditY = size.height - padding;
  fillParagraph(text, layOutText(text, frame.credit, width, 1), { x: padding, y: creditY, width, lineHeight: 20 });
  fillParagraph(text, source, { x: padding, y: creditY - 24 - (source.lines.length - 1) * 20, width, lineHeight: 20 });
  const bottom = creditY - 24 - source.lines.length * 20 - 8;

  const chart = drawChartSvg(spec, {
    width,
    height: bottom - top,
    fontSize: size.fontSize,
    id: `${spec.id}-chart`,
    label: '', // the nested chart is unnamed: the framed drawing as a whole carries the name
    scheme: 'light',
    output,
  });
  Object.assign(chart.properties, { x: padding, y: top, role: undefined, ariaLabel: undefined, xmlns: undefined });
  return s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${size.width} ${size.height}`,
      width: size.width,
      height: size.height,
      role: 'img',
      ariaLabel: `${frame.title}. ${describeChart(spec)}`,
      fontFamily: STANDALONE_FONT,
    },
    [s('title', frame.title), ...paintedElements(context.elements, new Map(), false), chart],
  );
}

/**
 * An SVG drawing as a file of its own: XML, with every text and attribute value escaped
 * (an HTML serialiser would leave `<` in attributes, which XML refuses).
 * @param drawing An `<svg>` element.
 */
export function svgFile(drawing: Element): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${toXml(drawing)}\n`;
}

/** Attribute names that are not their hast property name in kebab case (the test compares with hast's own). */
const ATTRIBUTE_NAMES: Record<string, string> = {
  className: 'class',
  viewBox: 'viewBox',
  preserveAspectRatio: 'preserveAspectRatio',
  strokeDashArray: 'stroke-dasharray',
  strokeDashOffset: 'stroke-dashoffset',
  strokeLineCap: 'stroke-linecap',
  strokeLineJoin: 'stroke-linejoin',
  strokeMiterLimit: 'stroke-miterlimit',
};

function toXml(node: ElementContent): string {
  if (node.type === 'text') return escapeXml(node.value, false);
  if (node.type !== 'element') return '';
  const attributes = Object.entries(node.properties)
    .filter(([, value]) => value !== undefined && value !== null && value !== false)
    .map(([name, value]) => {
      const attribute = ATTRIBUTE_NAMES[name] ?? name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
      return ` ${attribute}="${escapeXml(Array.isArray(value) ? value.join(' ') : String(value), true)}"`;
    })
    .join('');
  const children = node.children.map(toXml).join('');
  return children ? `<${node.tagName}${attributes}>${children}</${node.tagName}>` : `<${node.tagName}${attributes}/>`;
}

function escapeXml(text: string, attribute: boolean): string {
  // XML 1.0 has no way to write most control characters: they are left out.
  const escaped = text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return attribute ? escaped.replace(/"/g, '&quot;') : escaped;
}
