/**
 * Sizes a figure's static drawings are laid out for, in CSS pixels: the chart
 * frame's size on a wide screen (1280 px and up) and on a 390 px phone, so the
 * drawing matches the canvas that replaces it there (the browser tests hold the
 * frame to these sizes). In frames of other sizes the drawing scales to fit.
 * No imports, so markup code can use them without loading the renderer.
 */
export const IMAGE_SIZES = {
  wide: { width: 926, height: 352 },
  narrow: { width: 348, height: 320 },
} as const;

export type ImageSize = keyof typeof IMAGE_SIZES;

/**
 * Taller frames for charts with a row per category (horizontal bars, dots and ranges), so each row keeps room
 * for a label of up to three lines, also on a phone. Level 0 is the usual frame; each level is a class of the
 * frame (`chart__frame--tall-1` …) whose height the stylesheet sets to these same values (a page's CSP allows
 * no inline styles).
 */
const TALL_FRAMES = [
  { rows: 0, wide: 352, narrow: 320 },
  { rows: 6, wide: 448, narrow: 448 },
  { rows: 9, wide: 544, narrow: 576 },
  { rows: 13, wide: 640, narrow: 704 },
] as const;

/**
 * How tall a chart's frame is: its level in `TALL_FRAMES`.
 * @param rows Categories drawn as rows (0 for a chart whose categories run along the width).
 */
function frameLevel(rows: number): number {
  let level = 0;
  TALL_FRAMES.forEach((frame, index) => {
    if (rows >= frame.rows) level = index;
  });
  return level;
}

/**
 * The sizes of a chart's two drawings for its frame level.
 * @param level From `frameLevel`.
 */
export function imageSizes(level: number): Record<ImageSize, { width: number; height: number }> {
  const frame = TALL_FRAMES[level] ?? TALL_FRAMES[0];
  return {
    wide: { width: IMAGE_SIZES.wide.width, height: frame.wide },
    narrow: { width: IMAGE_SIZES.narrow.width, height: frame.narrow },
  };
}

/** Space between the panels of small multiples, in CSS pixels. */
const PANEL_GAP = 12;

/**
 * Where each panel of small multiples sits in a frame: three columns on a wide frame, two on a phone, rows
 * as many as needed. The static drawing and the page's canvases both place panels with it.
 * @param count The number of panels.
 * @param width The frame's width.
 * @param height The frame's height.
 * @param horizontal Whether the panels draw a row per category.
 */
export function panelGrid(
  count: number,
  width: number,
  height: number,
  horizontal = false,
): { x: number; y: number; width: number; height: number }[] {
  // Panels with a row per category need a phone's whole width for their labels.
  const columns = Math.max(1, Math.min(width < 600 ? (horizontal ? 1 : 2) : 3, count));
  const rows = Math.ceil(count / columns);
  const cellWidth = (width - PANEL_GAP * (columns - 1)) / columns;
  const cellHeight = (height - PANEL_GAP * (rows - 1)) / rows;
  return Array.from({ length: count }, (_, index) => ({
    x: (index % columns) * (cellWidth + PANEL_GAP),
    y: Math.floor(index / columns) * (cellHeight + PANEL_GAP),
    width: cellWidth,
    height: cellHeight,
  }));
}

/**
 * How tall a frame is (its level in `TALL_FRAMES`): with a row per category, or with panels of small multiples
 * (one level per row of panels beyond the first, on the layout that needs more rows: a phone's two columns).
 * @param shape Categories drawn as rows, and the number of panels (0 without small multiples).
 */
export function frameLevelOf(shape: { rows: number; panels: number }): number {
  // Panels of rows stack one above the other on a phone: the tallest frame.
  if (shape.panels > 0 && shape.rows > 0) return TALL_FRAMES.length - 1;
  if (shape.panels > 0)
    return Math.min(TALL_FRAMES.length - 1, Math.ceil(shape.panels / Math.min(2, shape.panels)) - 1);
  return frameLevel(shape.rows);
}
