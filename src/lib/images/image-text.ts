/**
 * Text for build-time images: what the bundled fonts can draw, which way it
 * runs and where its lines break. Pages keep every character; only pictures
 * leave out what no bundled font covers.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { canDrawCodePoint } from './image-fonts.ts';

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });
// Explicit embeddings, overrides and isolates: one left in a title would reorder the rest of its line.
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
const CONTROL = /\p{Cc}/u;
// Joiners and selectors that make one glyph of several characters (👨‍👩‍👧, ❤️, flags of regions): no font draws them alone.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each joiner and selector is matched on its own, on purpose.
const JOINERS = /[\u200C\u200D\uFE00-\uFE0F\u{E0020}-\u{E007F}]/u;
const SPACE = /^\s+$/u;
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
// Chinese and Japanese run without spaces: a line may break before or after any of these…
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF01-\uFF60]/u;
// …except before closing punctuation, small kana and prolonged sound marks (kinsoku)…
const NO_BREAK_BEFORE =
  /^[)\]}>,.:;!?%\u2019\u201D\u2026\u3001\u3002\u3005\u3009\u300B\u300D\u300F\u3011\u3015\u3017\u3019\u301F\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308E\u309D\u309E\u30A1\u30A3\u30A5\u30A7\u30A9\u30C3\u30E3\u30E5\u30E7\u30EE\u30F5\u30F6\u30FB\u30FC\u30FD\u30FE\uFF01\uFF09\uFF0C\uFF0E\uFF1A\uFF1B\uFF1F\uFF3D\uFF5D]/u;
// …and after opening punctuation.
const NO_BREAK_AFTER = /[([{<\u2018\u201C\u3008\u300A\u300C\u300E\u3010\u3014\u3016\u3018\u301D\uFF08\uFF3B\uFF5B]$/u;

/**
 * Keeps every character a bundled font has a glyph for (Latin, Greek,
 * Cyrillic, Chinese, Japanese kana, Korean, Arabic, Hebrew, Thai, Devanagari, emoji) and the
 * joiners of emoji sequences; drops control characters, direction overrides
 * and what no bundled font draws (other scripts, private-use and unassigned
 * code points); collapses spaces.
 * @param text Any text.
 */
export function drawableText(text: string): string {
  let kept = '';
  for (const character of text.normalize('NFC')) {
    if (SPACE.test(character)) kept += ' ';
    else if (
      JOINERS.test(character) ||
      (!CONTROL.test(character) && !DIRECTION_CONTROLS.test(character) && canDrawCodePoint(character.codePointAt(0)!))
    )
      kept += character;
  }
  return kept.replace(/ {2,}/g, ' ').trim();
}

/**
 * The characters of a text that no bundled font draws (what `drawableText` leaves out, other than controls,
 * joiners and spaces), each once, in order.
 * @param text Any text.
 */
export function undrawableCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const character of text.normalize('NFC')) {
    if (SPACE.test(character) || JOINERS.test(character) || CONTROL.test(character)) continue;
    if (DIRECTION_CONTROLS.test(character)) continue;
    if (!canDrawCodePoint(character.codePointAt(0)!)) found.add(character);
  }
  return [...found];
}

/**
 * The direction of a paragraph, from its first letter (as HTML's `dir="auto"`).
 * @param text The text.
 */
export function textDirection(text: string): 'ltr' | 'rtl' {
  const letter = /\p{L}/u.exec(text)?.[0];
  return letter && RIGHT_TO_LEFT.test(letter) ? 'rtl' : 'ltr';
}

/**
 * Breaks text into at most `maxLines` lines of `width` pixels, ending with "…"
 * when cut. Lines break at spaces and between Chinese or Japanese characters; a
 * word wider than a line breaks between characters. Never splits a character
 * made of several code points (emoji sequences, letters with marks).
 * @param context The canvas context, with its font set.
 * @param text The text.
 * @param width Line width in pixels.
 * @param maxLines Most lines to return.
 */
export function wrapText(context: SKRSContext2D, text: string, width: number, maxLines: number): string[] {
  const fits = (line: string) => context.measureText(line).width <= width;
  const lines: string[] = [];
  let line = '';
  for (const piece of breakOpportunities(text)) {
    const next = line ? `${line}${piece.space ? ' ' : ''}${piece.text}` : piece.text;
    if (fits(next)) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = piece.text;
    while (!fits(line) && lines.length <= maxLines) {
      const [head, rest] = splitToFit(line, fits);
      lines.push(head);
      line = rest;
    }
    // Stop measuring once the text is known to need more lines than it may have.
    if (lines.length >= maxLines) break;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;

  const kept = lines.slice(0, maxLines);
  const last = graphemes(kept[maxLines - 1]!);
  while (last.length > 1 && !fits(`${last.join('')}…`)) last.pop();
  kept[maxLines - 1] = `${last.join('').trimEnd()}…`;
  return kept;
}

/** A paragraph laid out for an image. */
export interface Paragraph {
  lines: string[];
  direction: 'ltr' | 'rtl';
}

/**
 * The drawable part of `text` (see `drawableText`), broken into lines, with its direction.
 * @param context The canvas context, with its font set.
 * @param text Any text.
 * @param width Line width in pixels.
 * @param maxLines Most lines.
 */
export function layOutText(context: SKRSContext2D, text: string, width: number, maxLines: number): Paragraph {
  const drawable = drawableText(text);
  return { lines: wrapText(context, drawable, width, maxLines), direction: textDirection(drawable) };
}

/**
 * Draws a paragraph's lines: from the left edge, or for Arabic and Hebrew from the right edge, in right-to-left order.
 * @param context The canvas context, with its font and colour set.
 * @param paragraph From `layOutText`.
 * @param box Left edge, width, first baseline and line height, in pixels.
 */
export function fillParagraph(
  context: SKRSContext2D,
  paragraph: Paragraph,
  box: { x: number; y: number; width: number; lineHeight: number },
): void {
  context.direction = paragraph.direction;
  context.textAlign = 'start';
  const x = paragraph.direction === 'rtl' ? box.x + box.width : box.x;
  paragraph.lines.forEach((line, index) => {
    context.fillText(line, x, box.y + index * box.lineHeight);
  });
  context.direction = 'ltr';
}

/** Pieces of text between which a line may break, each with whether a space came before it. */
function breakOpportunities(text: string): { text: string; space: boolean }[] {
  const pieces: { text: string; space: boolean }[] = [];
  let space = false;
  let previous = '';
  for (const character of graphemes(text)) {
    if (SPACE.test(character)) {
      space = true;
      continue;
    }
    const last = pieces.at(-1);
    if (last && !space && !canBreakBetween(previous, character)) last.text += character;
    else pieces.push({ text: character, space: space && last !== undefined });
    space = false;
    previous = character;
  }
  return pieces;
}

function canBreakBetween(before: string, after: string): boolean {
  return (
    (IDEOGRAPHIC.test(before) || IDEOGRAPHIC.test(after)) &&
    !NO_BREAK_BEFORE.test(after) &&
    !NO_BREAK_AFTER.test(before)
  );
}

/** The longest start of `text` that fits (at least one character), and the rest. */
function splitToFit(text: string, fits: (line: string) => boolean): [string, string] {
  const characters = graphemes(text);
  let low = 1;
  let high = characters.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (fits(characters.slice(0, middle).join(''))) low = middle;
    else high = middle - 1;
  }
  return [characters.slice(0, low).join(''), characters.slice(low).join('')];
}

function graphemes(text: string): string[] {
  return Array.from(GRAPHEMES.segment(text), ({ segment }) => segment);
}
