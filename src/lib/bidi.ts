/**
 * Bidirectional control characters (U+202A–U+202E, U+2066–U+2069) in text a
 * reader sees. They are invisible and make text read differently from how it
 * is stored ("Trojan Source"): `‮gnp.exe` shows as `exe.png`. Every text field
 * that reaches a page, a feed, a card or a download gets the same warning
 * (`--strict` fails on it), and drawn text leaves them out.
 *
 * The browser draws charts with `drawnText`, so this module imports nothing
 * (the error catalogue would be bundled into every page's script).
 */

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** The code point as people look it up: `U+202E`. */
function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Shows text with its invisible characters written as `\u202E`, so the message itself is not reordered. */
function showInvisible(text: string, maxLength = 40): string {
  const shown = text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
  return JSON.stringify(shown).replace(INVISIBLE, (char) => `\\u${codePoint(char).slice(2)}`);
}

/**
 * The first bidirectional control character in a text, for the warning about it (see `bidiIssue` in
 * check/bidi-fields.ts): its offset, its code point and the text as a message shows it.
 * @param text The field's text.
 */
export function findBidiControl(text: string): { offset: number; character: string; shown: string } | undefined {
  const control = BIDI_CONTROL.exec(text);
  if (!control) return undefined;
  // Long text is shown around the character, so the message shows where it is.
  const shown = control.index < 40 ? showInvisible(text) : `…${showInvisible(text.slice(control.index - 20))}`;
  return { offset: control.index, character: codePoint(control[0]), shown };
}

/**
 * Text to draw on a canvas: without direction controls, so a legend or axis label reads in the order it is stored.
 * @param text A label from the data or a directive.
 */
export function drawnText(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
