/**
 * Fonts for build-time images, all bundled (nothing is fetched): Inter first, as
 * on the site's pages, then Noto fonts for what Inter lacks, so titles with emoji
 * or in Chinese, Japanese kana, Korean, Arabic, Hebrew, Thai or Devanagari are
 * drawn rather than left out. @napi-rs/canvas falls back glyph by glyph along the font-family list,
 * and within a family across every file registered under its name.
 *
 * Fontsource cuts fonts into unicode-range slices (Noto Sans SC: 97 files per
 * weight, about 100 ms per weight to register in every worker thread), so a
 * slice is registered the first time a text to draw holds one of its
 * characters. A slice's range may list characters its file has no glyph for,
 * so a character counts as covered only when the file's cmap maps it too.
 * Which slice draws a character depends on the character alone, so an image
 * never depends on what its thread drew before.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { TB260 } from '../error-codes/build.ts';
import { issue } from '../error-codes/define.ts';
import { formatIssue } from '../errors.ts';
import { readWoff2Coverage } from './font-cmap.ts';

/** A bundled font. */
interface BundledFont {
  family: string;
  /** The fontsource package its files come from. */
  package: string;
  /** The slices of the package's `unicode.json` to use, by name, or every numbered one (`[0]`, `[1]`…). */
  slices: readonly string[] | 'numbered';
  /**
   * One file covering all the slices, registered instead of them. Its coverage is taken from the
   * slices' ranges (checked against its cmap in a test): reading its cmap means inflating 25 MB.
   */
  whole?: string;
  weights: readonly number[];
}

/**
 * The fonts in fallback order. Emoji come before the CJK fonts, which have
 * black-and-white glyphs for some emoji; Korean after Chinese, so Han
 * characters keep their Chinese forms (Noto Sans SC has only 80 of the 11,172
 * Hangul syllables; Noto Sans KR draws the others).
 */
const BUNDLED_FONTS: readonly BundledFont[] = [
  {
    family: 'Inter',
    package: '@fontsource/inter',
    slices: ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'],
    weights: [400, 600, 700],
  },
  // The numbered slices register but draw nothing on @napi-rs/canvas 1.1.1; the whole `emoji` file draws in colour.
  {
    family: 'Noto Color Emoji',
    package: '@fontsource/noto-color-emoji',
    slices: 'numbered',
    whole: 'emoji',
    weights: [400],
  },
  { family: 'Noto Sans SC', package: '@fontsource/noto-sans-sc', slices: 'numbered', weights: [400, 600, 700] },
  { family: 'Noto Sans KR', package: '@fontsource/noto-sans-kr', slices: 'numbered', weights: [400, 600, 700] },
  { family: 'Noto Sans Arabic', package: '@fontsource/noto-sans-arabic', slices: ['arabic'], weights: [400, 600, 700] },
  { family: 'Noto Sans Hebrew', package: '@fontsource/noto-sans-hebrew', slices: ['hebrew'], weights: [400, 600, 700] },
  { family: 'Noto Sans Thai', package: '@fontsource/noto-sans-thai', slices: ['thai'], weights: [400, 600, 700] },
  {
    family: 'Noto Sans Devanagari',
    package: '@fontsource/noto-sans-devanagari',
    slices: ['devanagari'],
    weights: [400, 600, 700],
  },
];

/** The font-family list images are drawn with (canvas and chart.js): Inter, then the fallbacks. */
export const IMAGE_FONT = BUNDLED_FONTS.map((font) => `"${font.family}"`).join(', ');

/** Each bundled font package and its version, so images are redrawn when a font changes. */
export const IMAGE_FONT_VERSIONS = Object.fromEntries(
  BUNDLED_FONTS.map((font) => [
    font.package,
    (JSON.parse(readFileSync(join(packageFolder(font), 'package.json'), 'utf8')) as { version: string }).version,
  ]),
);

/** The files of one slice (one per weight) and the code points it covers, as sorted, merged pairs of first and last. */
interface Slice {
  family: string;
  files: string[];
  /** Its unicode-range. */
  ranges: Uint32Array;
  /** Whether `ranges` are exactly what it draws; if not, its cmap is read when first needed. */
  exact: boolean;
  glyphs?: Uint32Array;
}

// Per thread: fonts are read when a character is not covered by the ones before them, so Latin text reads only Inter's table.
const fonts: Slice[][] = [];
const registered = new Set<Slice>();
const coverage = new Map<number, readonly Slice[]>();

/**
 * Registers the bundled font files that draw the characters of `text`, once per
 * thread. Call it with every text an image will draw before measuring any of it.
 * @param text The text, or several texts joined.
 */
export function loadImageFonts(text: string): void {
  for (const character of text) {
    for (const slice of slicesFor(character.codePointAt(0)!)) {
      if (registered.has(slice)) continue;
      for (const file of slice.files) {
        if (!GlobalFonts.registerFromPath(file, slice.family))
          throw new Error(`Internal error: ${file} could not be registered as ${slice.family}.`);
      }
      registered.add(slice);
    }
  }
}

/**
 * Whether a bundled font has a glyph for the character.
 * @param codePoint The character's code point.
 */
export function canDrawCodePoint(codePoint: number): boolean {
  return slicesFor(codePoint).length > 0;
}

/** The slices of the first font that covers the code point (several when their ranges overlap). */
function slicesFor(codePoint: number): readonly Slice[] {
  let found = coverage.get(codePoint);
  if (!found) {
    found = [];
    // Control characters are never drawn, though some fonts map U+0000 and U+000D to empty glyphs.
    const control = codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0);
    for (const [index, font] of BUNDLED_FONTS.entries()) {
      if (control) break;
      found = (fonts[index] ??= readSlices(font)).filter((slice) => hasGlyph(slice, codePoint));
      if (found.length > 0) break;
    }
    coverage.set(codePoint, found);
  }
  return found;
}

function hasGlyph(slice: Slice, codePoint: number): boolean {
  if (!covers(slice.ranges, codePoint)) return false;
  if (slice.exact) return true;
  slice.glyphs ??= readWoff2Coverage(slice.files[0]!);
  return covers(slice.glyphs, codePoint);
}

function packageFolder(font: BundledFont): string {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${font.package}/package.json`));
  } catch (error) {
    throw new Error(formatIssue(issue(TB260, { fontPackage: font.package, family: font.family })), { cause: error });
  }
}

function readSlices(font: BundledFont): Slice[] {
  const folder = packageFolder(font);
  const name = font.package.slice(font.package.indexOf('/') + 1);
  const file = (slice: string, weight: number) => join(folder, 'files', `${name}-${slice}-${weight}-normal.woff2`);
  const unicode = JSON.parse(readFileSync(join(folder, 'unicode.json'), 'utf8')) as Record<string, string>;
  const used = Object.entries(unicode).filter(([key]) =>
    font.slices === 'numbered' ? /^\[\d+\]$/.test(key) : font.slices.includes(key),
  );
  if (font.whole) {
    const whole = font.whole;
    return [
      {
        family: font.family,
        files: font.weights.map((weight) => file(whole, weight)),
        ranges: parseRanges(used.map(([, ranges]) => ranges).join(',')),
        exact: true,
      },
    ];
  }
  return used.map(([key, ranges]) => ({
    family: font.family,
    files: font.weights.map((weight) => file(key.replace(/^\[(\d+)\]$/, '$1'), weight)),
    ranges: parseRanges(ranges),
    exact: false,
  }));
}

/** Parses a CSS unicode-range list (`U+0000-00FF,U+0131`) into sorted, merged pairs of first and last code point. */
function parseRanges(list: string): Uint32Array {
  const ranges = list.split(',').map((range): [number, number] => {
    const [first = '', last = first] = range.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(first, 16), Number.parseInt(last, 16)];
  });
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [first, last] of ranges) {
    if (merged.length > 0 && first <= merged.at(-1)! + 1) merged[merged.length - 1] = Math.max(merged.at(-1)!, last);
    else merged.push(first, last);
  }
  return Uint32Array.from(merged);
}

function covers(ranges: Uint32Array, codePoint: number): boolean {
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (codePoint < ranges[2 * middle]!) high = middle - 1;
    else if (codePoint > ranges[2 * middle + 1]!) low = middle + 1;
    else return true;
  }
  return false;
}
