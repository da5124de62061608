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
export function frameLevel(rows: number): number {
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
