/**
 * Text for images (F5 in tests/checklist/README.md). Fixture folders: each
 * `tests/fixtures/image-text/<case>/` has `input.txt`, `config.json` (`font`
 * without its family, `width`, `maxLines`) and `expected.json`, the lines
 * `wrapText` gives with the bundled fonts. One test per folder.
 *
 * `UPDATE=1 npm test` rewrites the expected files (review the diff before
 * committing it). Without UPDATE, and always under CI, nothing is written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { IMAGE_FONT, loadImageFonts } from '../../../src/lib/images/image-fonts.ts';
import {
  drawableText,
  fillParagraph,
  layOutText,
  textDirection,
  wrapText,
} from '../../../src/lib/images/image-text.ts';
import { expectFile } from '../../golden.ts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/image-text');

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function contextWith(font: string) {
  const context = createCanvas(10, 10).getContext('2d');
  context.font = `${font} ${IMAGE_FONT}`;
  return context;
}

describe('wrapText, from tests/fixtures/image-text', () => {
  it('finds the fixture folders', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = join(FIXTURES, name);
      const text = readFileSync(join(dir, 'input.txt'), 'utf8');
      const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {
        font: string;
        width: number;
        maxLines: number;
      };
      loadImageFonts(text);
      const context = contextWith(config.font);
      const lines = wrapText(context, drawableText(text), config.width, config.maxLines);
      // Whatever the expected lines say: no line is wider than the box, and there are no more than asked for.
      expect(lines.length).toBeLessThanOrEqual(config.maxLines);
      for (const line of lines) expect(context.measureText(line).width, line).toBeLessThanOrEqual(config.width);
      const file = join(dir, 'expected.json');
      const actual = `${JSON.stringify(lines, null, 2)}\n`;
      expectFile(file, actual);
    });
  }
});

describe('drawableText', () => {
  it('F5: keeps emoji, CJK, Arabic, Hebrew and markup characters', () => {
    expect(drawableText('Micro 📈 vs mega <b> & "quotes" — 中文 ok')).toBe('Micro 📈 vs mega <b> & "quotes" — 中文 ok');
    expect(drawableText('Ελληνικά и кириллица, Tiếng Việt')).toBe('Ελληνικά и кириллица, Tiếng Việt');
    expect(drawableText('العربية עברית 한국어 ひらがな カタカナ 漢字')).toBe(
      'العربية עברית 한국어 ひらがな カタカナ 漢字',
    );
    expect(drawableText('👨‍👩‍👧 👍🏽 🇫🇷 1️⃣ ❤️')).toBe('👨‍👩‍👧 👍🏽 🇫🇷 1️⃣ ❤️');
  });

  it('drops what no bundled font covers, controls and direction overrides, and collapses spaces', () => {
    // Georgian has no bundled font; U+E000 is private use; U+0378 is unassigned; U+0007 is a control character.
    expect(drawableText('Reach ქართული \uE000 \u0378 up\u0007 10%')).toBe('Reach up 10%');
    // Thai and Devanagari have bundled fonts; Noto Sans SC's slice 21 lists U+9FF0 in its unicode-range, but has no glyph for it.
    expect(drawableText('हिन्दी ไทย ok')).toBe('हिन्दी ไทย ok');
    expect(drawableText('\u9FF0 ok')).toBe('ok');
    expect(drawableText('\u202Egnp.exe\u202C and \u2067isolate\u2069')).toBe('gnp.exe and isolate');
    expect(drawableText('  tabs\tand\nnew lines  ')).toBe('tabs and new lines');
    expect(drawableText('lone \uD83D surrogate')).toBe('lone surrogate');
  });

  it('composes letters and marks (NFC), so they are drawn with one glyph', () => {
    expect(drawableText('Cafe\u0301 Vie\u0302\u0323t')).toBe('Café Việt');
  });
});

describe('textDirection', () => {
  it('follows the first letter, as dir="auto" does', () => {
    expect(textDirection('שלום world')).toBe('rtl');
    expect(textDirection('2024: العربية')).toBe('rtl');
    expect(textDirection('Report: العربية')).toBe('ltr');
    expect(textDirection('2024 📈')).toBe('ltr');
    expect(textDirection('')).toBe('ltr');
  });
});

describe('fillParagraph', () => {
  /** The leftmost and rightmost columns with ink (any pixel that is not white). */
  function inkColumns(text: string): [number, number] {
    const canvas = createCanvas(600, 60);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, 600, 60);
    context.fillStyle = '#000000';
    context.font = `400 28px ${IMAGE_FONT}`;
    loadImageFonts(text);
    fillParagraph(context, layOutText(context, text, 500, 1), { x: 50, y: 40, width: 500, lineHeight: 0 });
    const pixels = canvas.data();
    const columns: number[] = [];
    for (let x = 0; x < 600; x++) {
      for (let y = 0; y < 60; y++) {
        if (pixels[(y * 600 + x) * 4]! < 128) {
          columns.push(x);
          break;
        }
      }
    }
    return [columns[0]!, columns.at(-1)!];
  }

  it('F5: sets Arabic and Hebrew from the right edge of the box, other text from the left', () => {
    const [hebrewLeft, hebrewRight] = inkColumns('שלום 2024');
    expect(hebrewRight).toBeGreaterThan(540);
    expect(hebrewLeft).toBeGreaterThan(300);
    const [arabicLeft, arabicRight] = inkColumns('مرحبا 2024!');
    expect(arabicRight).toBeGreaterThan(540);
    expect(arabicLeft).toBeGreaterThan(300);
    const [latinLeft, latinRight] = inkColumns('Hello 2024');
    expect(latinLeft).toBeLessThan(60);
    expect(latinRight).toBeLessThan(300);
  });
});
