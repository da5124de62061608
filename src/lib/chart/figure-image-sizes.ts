/**
 * Sizes of the image inside each figure: wide for desktop, narrow for phones,
 * in CSS pixels (rendered at 2× for sharp screens). No imports, so markup code
 * can use them without loading the renderer.
 */
export const IMAGE_SIZES = {
  wide: { width: 880, height: 352 },
  narrow: { width: 360, height: 320 },
} as const;

export type ImageSize = keyof typeof IMAGE_SIZES;

/** The media query under which the narrow image is shown (matches the CSS breakpoint). */
export const NARROW_MEDIA = '(max-width: 40rem)';
