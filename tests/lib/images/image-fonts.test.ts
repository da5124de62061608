/** The bundled fonts of build-time images (row F5 of tests/checklist/README.md): real glyphs for every script they cover, registered as needed. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { readWoff2Coverage } from '../../../src/lib/images/font-cmap.ts';
import {
  canDrawCodePoint,
  IMAGE_FONT,
  IMAGE_FONT_VERSIONS,
  loadImageFonts,
} from '../../../src/lib/images/image-fonts.ts';

/** The pixels of `text` drawn at 32 px on a white canvas, and whether any of them is not white. */
function draw(text: string, font = IMAGE_FONT): { pixels: Buffer; inked: boolean } {
  const canvas = createCanvas(400, 60);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, 400, 60);
  context.fillStyle = '#000000';
  context.font = `400 32px ${font}`;
  context.fillText(text, 10, 44);
  const pixels = Buffer.from(canvas.data());
  return { pixels, inked: pixels.some((value) => value !== 255) };
}

function stylesOf(family: string): number {
  return GlobalFonts.families.find((entry) => entry.family === family)?.styles.length ?? 0;
}

describe('image fonts', () => {
  it('list Inter first, then the fallbacks', () => {
    expect(IMAGE_FONT).toBe(
      '"Inter", "Noto Color Emoji", "Noto Sans SC", "Noto Sans KR", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Thai", "Noto Sans Devanagari"',
    );
    expect(Object.keys(IMAGE_FONT_VERSIONS)).toEqual([
      '@fontsource/inter',
      '@fontsource/noto-color-emoji',
      '@fontsource/noto-sans-sc',
      '@fontsource/noto-sans-kr',
      '@fontsource/noto-sans-arabic',
      '@fontsource/noto-sans-hebrew',
      '@fontsource/noto-sans-thai',
      '@fontsource/noto-sans-devanagari',
    ]);
  });

  // Missing glyphs all draw as the same box (or nothing), so swapping two characters would change no pixel.
  it.each([
    ['Chinese', '漢字', '字漢'],
    ['Japanese kana', 'ひら', 'らひ'],
    // Syllables Noto Sans SC lacks (it has 80 of 11,172), so drawn by Noto Sans KR.
    ['Korean', '뷁햏', '햏뷁'],
    ['Arabic', 'سلام', 'مالس'],
    ['Hebrew', 'שלום', 'םולש'],
    ['emoji', '📈🚀', '🚀📈'],
  ])('F5: draws %s with real glyphs, not boxes', (_script, text, swapped) => {
    loadImageFonts(text);
    const drawn = draw(text);
    expect(drawn.inked).toBe(true);
    expect(drawn.pixels.equals(draw(swapped).pixels)).toBe(false);
  });

  it('F5: measures Chinese at the fallback font’s full width, where Inter alone has no glyph', () => {
    loadImageFonts('漢字');
    const context = createCanvas(10, 10).getContext('2d');
    context.font = `400 32px ${IMAGE_FONT}`;
    // Noto Sans SC's ideographs are one em wide.
    expect(context.measureText('漢字').width).toBeCloseTo(64, 2);
    expect(context.measureText('漢字').width).toBe(context.measureText('字漢').width);
  });

  it('draws emoji in colour', () => {
    loadImageFonts('🚀');
    const { pixels } = draw('🚀');
    let coloured = 0;
    for (let index = 0; index < pixels.length; index += 4) {
      if (
        Math.max(pixels[index]!, pixels[index + 1]!, pixels[index + 2]!) -
          Math.min(pixels[index]!, pixels[index + 1]!, pixels[index + 2]!) >
        60
      )
        coloured++;
    }
    expect(coloured).toBeGreaterThan(100);
  });

  it('registers the three weights of the one slice a character needs, once', () => {
    // U+9F98 (龘) is in one Noto Sans SC slice; the other tests draw none of that slice's characters.
    const before = stylesOf('Noto Sans SC');
    loadImageFonts('Latin only, 2024 (%)');
    expect(stylesOf('Noto Sans SC')).toBe(before);
    loadImageFonts('龘');
    expect(stylesOf('Noto Sans SC')).toBe(before + 3);
    loadImageFonts('龘 龘');
    expect(stylesOf('Noto Sans SC')).toBe(before + 3);
  });

  it('covers what its font files have glyphs for, not all their unicode ranges list', () => {
    expect(
      ['A', 'é', 'Ω', 'Ж', 'ệ', '中', 'ひ', '한', '뷁', 'ب', 'ש', '📈', '🇫'].map((character) =>
        canDrawCodePoint(character.codePointAt(0)!),
      ),
    ).toEqual(Array(13).fill(true));
    // Thai and Devanagari have fonts of their own (Noto Sans SC's slice 101 lists them without glyphs).
    expect(['ह', 'ไ'].map((character) => canDrawCodePoint(character.codePointAt(0)!))).toEqual([true, true]);
    // Listed in Noto Sans SC's slice 21, missing from its file: U+9FF0 (a Unicode 14 ideograph).
    expect(
      ['\uE000', '\u0378', '\u9FF0', 'ქ', '\u0000', '\r', '\u{10FFFF}', 'ক'].map((character) =>
        canDrawCodePoint(character.codePointAt(0)!),
      ),
    ).toEqual(Array(8).fill(false));
  });

  it('Noto Color Emoji’s whole file draws exactly what its slices list, but U+FE0F, space and 👪', () => {
    // The font covers characters by the slices' unicode ranges: its own cmap sits behind 25 MB of tables.
    const folder = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-color-emoji/package.json'));
    const ranges = Object.values(
      JSON.parse(readFileSync(join(folder, 'unicode.json'), 'utf8')) as Record<string, string>,
    ).flatMap((list) => list.split(','));
    const listed = new Set<number>();
    for (const range of ranges) {
      const [first = '', last = first] = range.trim().slice(2).split('-');
      for (let code = Number.parseInt(first, 16); code <= Number.parseInt(last, 16); code++) listed.add(code);
    }
    const drawn = new Set<number>();
    const coverage = readWoff2Coverage(join(folder, 'files', 'noto-color-emoji-emoji-400-normal.woff2'));
    for (let index = 0; index < coverage.length; index += 2) {
      for (let code = coverage[index]!; code <= coverage[index + 1]!; code++) drawn.add(code);
    }
    expect([...listed].filter((code) => !drawn.has(code))).toEqual([0xfe0f]);
    expect([...drawn].filter((code) => !listed.has(code))).toEqual([0x20, 0x1f46a]);
  });
});
