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
