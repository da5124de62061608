/**
 * A drawing context that writes SVG: the part of the canvas 2D API chart.js
 * draws with (paths, arcs, rectangles, text, dashes, clips, transforms),
 * recorded as SVG elements instead of pixels. chart.js draws the static chart
 * with the same configuration, plugins and layout code as the canvas in the
 * browser, so the two agree by construction; text is measured with the bundled
 * fonts on @napi-rs/canvas, the same fonts the page uses.
 *
 * Colours are kept as written: the caller draws with placeholder colours and
 * maps them to light and dark values (see `render-chart-svg.ts`).
 */
import { createCanvas } from '@napi-rs/canvas';
import type { Element } from 'hast';
import { s } from 'hastscript';

type Matrix = readonly [a: number, b: number, c: number, d: number, e: number, f: number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** What save() and restore() keep. */
interface DrawingState {
  matrix: Matrix;
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  miterLimit: number;
  lineDash: number[];
  lineDashOffset: number;
  globalAlpha: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  direction: CanvasDirection;
  clip: string | undefined;
}

/** The state's entries that are canvas properties. */
const STATE_PROPERTIES = [
  'fillStyle',
  'strokeStyle',
  'lineWidth',
  'lineCap',
  'lineJoin',
  'miterLimit',
  'lineDashOffset',
  'globalAlpha',
  'font',
  'textAlign',
  'textBaseline',
  'direction',
] as const satisfies readonly (keyof DrawingState)[];

/** A paint as drawn: a colour (in whatever form chart.js wrote it) and its opacity. */
export interface Paint {
  color: string;
  opacity: number;
}

/** One recorded element and the paints it uses, so the caller can theme them. */
export interface RecordedElement {
  element: Element;
  fill?: Paint | undefined;
  stroke?: Paint | undefined;
}

const measuring = createCanvas(1, 1).getContext('2d');

/**
 * Records chart.js's drawing as SVG elements.
 * Only what chart.js uses is implemented; anything else throws, so a new chart
 * kind that draws with more shows up in a test instead of drawing nothing.
 */
export class SvgContext {
  /** What chart.js reads the size from. */
  readonly canvas: { width: number; height: number; style: Record<string, string>; getContext: () => SvgContext };
  /** The elements drawn so far, in order. */
  readonly elements: RecordedElement[] = [];
  /** Clip paths, by id, with their path data. */
  readonly clips = new Map<string, string>();
  private state: DrawingState = {
    matrix: IDENTITY,
    fillStyle: '#000000',
    strokeStyle: '#000000',
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    miterLimit: 10,
    lineDash: [],
    lineDashOffset: 0,
    globalAlpha: 1,
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    direction: 'ltr',
    clip: undefined,
  };
  private readonly stack: DrawingState[] = [];
  private readonly idPrefix: string;
  private readonly textFilter: (text: string) => string;
  private path: string[] = [];
  private current: [number, number] | undefined;
  private subpathStart: [number, number] | undefined;

  /**
   * @param width Width in CSS pixels.
   * @param height Height in CSS pixels.
   * @param idPrefix Prefix of clip-path ids, unique on the page.
   * @param textFilter What becomes of each text drawn (a drawing for a raster keeps only what its fonts draw).
   */
  constructor(width: number, height: number, idPrefix: string, textFilter: (text: string) => string = (text) => text) {
    this.canvas = { width, height, style: {}, getContext: () => this };
    this.idPrefix = idPrefix;
    this.textFilter = textFilter;
  }

  // The canvas properties chart.js assigns and reads: each lives in the state that save() and restore() keep.
  declare fillStyle: string;
  declare strokeStyle: string;
  declare lineWidth: number;
  declare lineCap: CanvasLineCap;
  declare lineJoin: CanvasLineJoin;
  declare miterLimit: number;
  declare lineDashOffset: number;
  declare globalAlpha: number;
  declare font: string;
  declare textAlign: CanvasTextAlign;
  declare textBaseline: CanvasTextBaseline;
  declare direction: CanvasDirection;
  static {
    for (const key of STATE_PROPERTIES) {
      Object.defineProperty(SvgContext.prototype, key, {
        get(this: SvgContext) {
          return this.state[key];
        },
        set(this: SvgContext, value: never) {
          this.state[key] = value;
        },
      });
    }
  }
  // Nothing to record: shadows are never drawn and everything is drawn over what is below it.
  globalCompositeOperation = 'source-over';
  imageSmoothingEnabled = true;
  shadowColor = 'transparent';
  shadowBlur = 0;
  shadowOffsetX = 0;
  shadowOffsetY = 0;

  save(): void {
    this.stack.push({ ...this.state, lineDash: [...this.state.lineDash] });
  }
  restore(): void {
    const state = this.stack.pop();
    if (state) this.state = state;
  }

  // Transforms.
  setTransform(a: number | DOMMatrix2DInit = 1, b = 0, c = 0, d = 1, e = 0, f = 0): void {
    if (typeof a === 'object') {
      this.state.matrix = [a.a ?? 1, a.b ?? 0, a.c ?? 0, a.d ?? 1, a.e ?? 0, a.f ?? 0];
      return;
    }
    this.state.matrix = [a, b, c, d, e, f];
  }
  resetTransform(): void {
    this.state.matrix = IDENTITY;
  }
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    const [A, B, C, D, E, F] = this.state.matrix;
    this.state.matrix = [
      A * a + C * b,
      B * a + D * b,
      A * c + C * d,
      B * c + D * d,
      A * e + C * f + E,
      B * e + D * f + F,
    ];
  }
  translate(x: number, y: number): void {
    this.transform(1, 0, 0, 1, x, y);
  }
  scale(x: number, y: number): void {
    this.transform(x, 0, 0, y, 0, 0);
  }
  rotate(angle: number): void {
    this.transform(Math.cos(angle), Math.sin(angle), -Math.sin(angle), Math.cos(angle), 0, 0);
  }

  // Paths, kept in page coordinates (the transform applied as each point is added).
  beginPath(): void {
    this.path = [];
    this.current = undefined;
    this.subpathStart = undefined;
  }
  moveTo(x: number, y: number): void {
    const point = this.apply(x, y);
    this.path.push(`M${num(point[0])} ${num(point[1])}`);
    this.current = point;
    this.subpathStart = point;
  }
  lineTo(x: number, y: number): void {
    if (!this.current) {
      this.moveTo(x, y);
      return;
    }
    const point = this.apply(x, y);
    // A line to where the pen already is draws nothing (chart.js adds them around square corners).
    if (num(point[0]) === num(this.current[0]) && num(point[1]) === num(this.current[1])) return;
    this.path.push(`L${num(point[0])} ${num(point[1])}`);
    this.current = point;
  }
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void {
    if (!this.current) this.moveTo(x1, y1);
    const points = [this.apply(x1, y1), this.apply(x2, y2), this.apply(x, y)];
    this.path.push(`C${points.map((point) => `${num(point[0])} ${num(point[1])}`).join(' ')}`);
    this.current = points[2];
  }
  quadraticCurveTo(x1: number, y1: number, x: number, y: number): void {
    if (!this.current) this.moveTo(x1, y1);
    const points = [this.apply(x1, y1), this.apply(x, y)];
    this.path.push(`Q${points.map((point) => `${num(point[0])} ${num(point[1])}`).join(' ')}`);
    this.current = points[1];
  }
  closePath(): void {
    if (!this.current) return;
    this.path.push('Z');
    this.current = this.subpathStart;
  }
  rect(x: number, y: number, width: number, height: number): void {
    this.moveTo(x, y);
    this.lineTo(x + width, y);
    this.lineTo(x + width, y + height);
    this.lineTo(x, y + height);
    this.closePath();
  }
  arc(x: number, y: number, radius: number, start: number, end: number, counterclockwise = false): void {
    this.ellipse(x, y, radius, radius, 0, start, end, counterclockwise);
  }
  ellipse(
    x: number,
    y: number,
    radiusX: number,
    radiusY: number,
    rotation: number,
    start: number,
    end: number,
    counterclockwise = false,
  ): void {
    const full = Math.PI * 2;
    let sweep = counterclockwise ? start - end : end - start;
    const whole = sweep >= full - 1e-9;
    sweep = whole ? full : ((sweep % full) + full) % full;
    const at = (angle: number) => {
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      return [
        x + radiusX * cos * Math.cos(rotation) - radiusY * sin * Math.sin(rotation),
        y + radiusX * cos * Math.sin(rotation) + radiusY * sin * Math.cos(rotation),
      ] as const;
    };
    const first = at(start);
    if (this.current) this.lineTo(first[0], first[1]);
    else this.moveTo(first[0], first[1]);
    if (sweep === 0 || radiusX <= 0 || radiusY <= 0) return;
    const [a, b, c, d] = this.state.matrix;
    const scaleX = Math.hypot(a, b);
    const scaleY = Math.hypot(c, d);
    const degrees = ((rotation + Math.atan2(b, a)) * 180) / Math.PI;
    // A transform that mirrors turns the sweep the other way.
    const mirrored = a * d - b * c < 0;
    const sweepFlag = counterclockwise !== mirrored ? 0 : 1;
    const arcTo = (angle: number, large: boolean) => {
      const point = this.apply(...at(angle));
      this.path.push(
        `A${num(radiusX * scaleX)} ${num(radiusY * scaleY)} ${num(degrees)} ${large ? 1 : 0} ${sweepFlag} ${num(point[0])} ${num(point[1])}`,
      );
      this.current = point;
    };
    const direction = counterclockwise ? -1 : 1;
    // SVG cannot draw a whole circle in one arc: two halves.
    if (whole) {
      arcTo(start + direction * Math.PI, false);
      arcTo(start + direction * full, false);
    } else arcTo(start + direction * sweep, sweep > Math.PI);
  }

  fill(rule: CanvasFillRule = 'nonzero'): void {
    if (this.path.length === 0) return;
    // chart.js outlines an illustrative bar as a ring: the outer and inner rectangle filled even-odd.
    const properties = { d: this.path.join(''), fillRule: rule === 'evenodd' ? 'evenodd' : undefined };
    this.record(s('path', properties), { fill: this.paint(this.state.fillStyle) });
  }
  stroke(): void {
    if (this.path.length === 0) return;
    // A point filled then outlined (chart.js draws each point so) is one SVG path with both paints.
    const last = this.elements.at(-1);
    if (
      last &&
      !last.stroke &&
      last.element.tagName === 'path' &&
      last.element.properties.d === this.path.join('') &&
      last.element.properties.clipPath === (this.state.clip ? `url(#${this.state.clip})` : undefined)
    ) {
      Object.assign(last.element.properties, this.strokeAttributes());
      last.stroke = this.paint(this.state.strokeStyle);
      return;
    }
    this.record(s('path', { d: this.path.join(''), fill: 'none', ...this.strokeAttributes() }), {
      stroke: this.paint(this.state.strokeStyle),
    });
  }
  clip(): void {
    const d = this.path.join('');
    const existing = [...this.clips].find(([, path]) => path === d)?.[0];
    const id = existing ?? `${this.idPrefix}-clip${this.clips.size + 1}`;
    this.clips.set(id, d);
    this.state.clip = id;
  }
  fillRect(x: number, y: number, width: number, height: number): void {
    this.paintRect(x, y, width, height, () => this.fill());
  }
  strokeRect(x: number, y: number, width: number, height: number): void {
    this.paintRect(x, y, width, height, () => this.stroke());
  }
  /** Clearing the whole canvas (chart.js does before it draws again) starts the drawing afresh. */
  clearRect(x: number, y: number, width: number, height: number): void {
    const [left, top] = this.apply(x, y);
    const [right, bottom] = this.apply(x + width, y + height);
    const covers = (a: number, b: number, size: number) => Math.min(a, b) <= 0 && Math.max(a, b) >= size;
    if (covers(left, right, this.canvas.width) && covers(top, bottom, this.canvas.height)) {
      this.elements.length = 0;
      this.clips.clear();
    }
  }

  setLineDash(segments: number[]): void {
    this.state.lineDash = segments.filter((value) => Number.isFinite(value) && value >= 0);
  }
  getLineDash(): number[] {
    return [...this.state.lineDash];
  }

  measureText(text: string): TextMetrics {
    measuring.font = this.state.font;
    return measuring.measureText(this.textFilter(text)) as unknown as TextMetrics;
  }
  fillText(text: string, x: number, y: number): void {
    this.text(text, x, y, 'fill');
  }
  strokeText(text: string, x: number, y: number): void {
    this.text(text, x, y, 'stroke');
  }

  private text(written: string, x: number, y: number, how: 'fill' | 'stroke'): void {
    const text = this.textFilter(written);
    if (text === '') return;
    const font = parseFont(this.state.font);
    // SVG places text on its alphabetic baseline; canvas on the baseline it is told.
    measuring.font = this.state.font;
    measuring.textBaseline = this.state.textBaseline;
    const baseline = y - (measuring.measureText(text) as { alphabeticBaseline: number }).alphabeticBaseline;
    const rtl = this.state.direction === 'rtl';
    const anchor = {
      left: 'start',
      right: 'end',
      center: 'middle',
      start: rtl ? 'end' : 'start',
      end: rtl ? 'start' : 'end',
    }[this.state.textAlign];
    const [a, b, c, d, e, f] = this.state.matrix;
    const moves = a === 1 && b === 0 && c === 0 && d === 1;
    const properties: Record<string, string | number | undefined> = {
      x: num(moves ? x + e : x),
      y: num(moves ? baseline + f : baseline),
      transform: moves ? undefined : `matrix(${[a, b, c, d, e, f].map(num).join(' ')})`,
      fontSize: num(font.size),
      fontWeight: font.weight === '400' || font.weight === 'normal' ? undefined : font.weight,
      fontStyle: font.style === 'normal' ? undefined : font.style,
      textAnchor: anchor === 'start' ? undefined : anchor,
      ...(how === 'stroke' ? { fill: 'none', ...this.strokeAttributes() } : {}),
    };
    this.record(
      s('text', properties, text),
      how === 'fill' ? { fill: this.paint(this.state.fillStyle) } : { stroke: this.paint(this.state.strokeStyle) },
    );
  }

  /** Paints a rectangle on its own path, leaving the current path as it was (as the canvas's fillRect does). */
  private paintRect(x: number, y: number, width: number, height: number, paint: () => void): void {
    const saved = { path: this.path, current: this.current, start: this.subpathStart };
    this.beginPath();
    this.rect(x, y, width, height);
    paint();
    [this.path, this.current, this.subpathStart] = [saved.path, saved.current, saved.start];
  }

  private strokeAttributes(): Record<string, string | number | undefined> {
    const [a, b] = this.state.matrix;
    const scale = Math.hypot(a, b);
    const state = this.state;
    return {
      strokeWidth: num(state.lineWidth * scale),
      strokeLinecap: state.lineCap === 'butt' ? undefined : state.lineCap,
      strokeLinejoin: state.lineJoin === 'miter' ? undefined : state.lineJoin,
      strokeDasharray:
        state.lineDash.length > 0 ? state.lineDash.map((value) => num(value * scale)).join(' ') : undefined,
      strokeDashoffset: state.lineDash.length > 0 && state.lineDashOffset !== 0 ? num(state.lineDashOffset) : undefined,
    };
  }

  private paint(color: string): Paint {
    return { color, opacity: this.state.globalAlpha };
  }

  private record(element: Element, paints: Omit<RecordedElement, 'element'>): void {
    if (this.state.clip) element.properties.clipPath = `url(#${this.state.clip})`;
    this.elements.push({ element, ...paints });
  }

  private apply(x: number, y: number): [number, number] {
    const [a, b, c, d, e, f] = this.state.matrix;
    return [a * x + c * y + e, b * x + d * y + f];
  }
}

/** A number as short as SVG allows, to one decimal: a tenth of a CSS pixel, a fifth of a pixel on a sharp screen. */
function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Style, weight, size and family of a CSS font shorthand as chart.js writes it (`normal 600 13px Inter`). */
function parseFont(font: string): { style: string; weight: string; size: number } {
  const match = /^(?:(normal|italic|oblique)\s+)?(?:(normal|bold|\d{3})\s+)?([\d.]+)px\b/.exec(font.trim());
  return { style: match?.[1] ?? 'normal', weight: match?.[2] ?? 'normal', size: Number(match?.[3] ?? 10) };
}
