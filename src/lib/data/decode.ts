/**
 * Turns the bytes of a CSV file into text, refusing what spreadsheets export
 * in encodings other than UTF-8 instead of guessing (A2, A3 in tests/checklist/README.md).
 */

import { TB017, TB018 } from '../error-codes/csv.ts';
import { problem } from '../error-codes/define.ts';
import type { Problem } from '../errors.ts';

/** Windows-1252 characters for bytes 0x80–0x9F, to show what a stray byte probably meant. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Result of decoding: the text, or the one problem that stopped it. */
export type Decoded = { text: string; problem?: undefined } | { text?: undefined; problem: Problem };

/**
 * Decodes UTF-8 bytes strictly, dropping a leading byte order mark.
 * @param bytes The file's contents.
 * @param path The file's path relative to the project root, for messages.
 */
export function decodeUtf8(bytes: Uint8Array, path: string): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || hasNulByte(bytes)) {
    const endian = bytes[0] === 0xfe ? 'UTF-16 big-endian' : 'UTF-16';
    return {
      problem: problem(TB017, { endian, bom: bytes[0] === 0xff || bytes[0] === 0xfe }, { path, line: 1, column: 1 }),
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    // Only now find where and why: the scan is slow, the decoder is not.
  }
  const offset = Math.max(0, firstInvalidUtf8(bytes));
  const { line, column } = positionOfByte(bytes, offset);
  const byte = bytes[offset]!;
  return { problem: problem(TB018, { offset: offset + 1, byte, guess: cp1252(byte) }, { path, line, column }) };
}

function hasNulByte(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

function cp1252(byte: number): string | undefined {
  if (byte >= 0xa0) return String.fromCharCode(byte);
  if (byte >= 0x80) {
    const char = CP1252_HIGH[byte - 0x80]!;
    return char.charCodeAt(0) >= 0x80 && char.charCodeAt(0) <= 0x9f ? undefined : char;
  }
  return undefined;
}

/** Index of the first byte that breaks UTF-8, or -1 when the bytes are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) [length, min] = [2, 0x80];
    else if (byte >= 0xe0 && byte <= 0xef) [length, min] = [3, 0x800];
    else if (byte >= 0xf0 && byte <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    let codePoint = byte & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}

function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    // LF, CRLF and a lone CR (old Mac exports) each end a line.
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: [...prefix].length + 1 };
}
