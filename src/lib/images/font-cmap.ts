/**
 * Which characters a WOFF2 font file has glyphs for, read from its `cmap`
 * table. Fontsource's unicode-range slices are not enough: Google's CJK slices
 * list code points the font lacks (Noto Sans SC's slice 101 lists Devanagari and
 * Thai letters it has no glyph for). Format: https://www.w3.org/TR/WOFF2/.
 */
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';

/** Index of a table in WOFF2's list of known tags (§ 4.2); 63 means the tag follows. */
const CMAP = 0;
const GLYF = 10;
const LOCA = 11;
const ARBITRARY_TAG = 63;

/**
 * The code points a WOFF2 font maps to a glyph, as sorted pairs of first and last code point.
 * @param file Path of a `.woff2` file (a single font, not a collection).
 */
export function readWoff2Coverage(file: string): Uint32Array {
  const bytes = readFileSync(file);
  if (bytes.toString('latin1', 0, 4) !== 'wOF2') throw new Error(`Internal error: ${file} is not a WOFF2 font.`);
  const tableCount = bytes.readUInt16BE(12);
  // Step 1: the table directory gives each table's length in the decompressed stream, in order.
  let position = 48;
  const readBase128 = () => {
    let value = 0;
    for (let index = 0; index < 5; index++) {
      const byte = bytes[position++]!;
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    throw new Error(`Internal error: ${file} has a malformed table directory.`);
  };
  let offset = 0;
  let cmap: { offset: number; length: number } | undefined;
  for (let table = 0; table < tableCount; table++) {
    const flags = bytes[position++]!;
    const tag = flags & 0x3f;
    if (tag === ARBITRARY_TAG) position += 4;
    const version = flags >> 6;
    const originalLength = readBase128();
    // glyf and loca are transformed unless their version is 3; every other table only when its version is not 0.
    const transformed = tag === GLYF || tag === LOCA ? version !== 3 : version !== 0;
    const length = transformed ? readBase128() : originalLength;
    if (tag === CMAP) cmap = { offset, length };
    offset += length;
  }
  const compressedLength = bytes.readUInt32BE(20);
  if (!cmap) return new Uint32Array(0);
  const data = brotliDecompressSync(bytes.subarray(position, position + compressedLength));
  return readCmap(data.subarray(cmap.offset, cmap.offset + cmap.length));
}

/** Reads a cmap table: its Unicode subtable in format 12 (all planes) or else format 4 (BMP). */
function readCmap(table: Buffer): Uint32Array {
  const records = Array.from({ length: table.readUInt16BE(2) }, (_, index) => ({
    platform: table.readUInt16BE(4 + index * 8),
    encoding: table.readUInt16BE(6 + index * 8),
    offset: table.readUInt32BE(8 + index * 8),
  })).filter(({ platform, encoding }) => platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)));
  const format12 = records.find(({ offset }) => table.readUInt16BE(offset) === 12);
  const format4 = records.find(({ offset }) => table.readUInt16BE(offset) === 4);
  const ranges: number[] = [];
  const add = (first: number, last: number) => {
    if (ranges.length > 0 && first <= ranges.at(-1)! + 1) ranges[ranges.length - 1] = Math.max(ranges.at(-1)!, last);
    else ranges.push(first, last);
  };
  if (format12) {
    const groups = table.readUInt32BE(format12.offset + 12);
    for (let index = 0; index < groups; index++) {
      const group = format12.offset + 16 + index * 12;
      // A group mapping to glyph 0 maps to "missing glyph" for its first character only.
      const first = table.readUInt32BE(group) + (table.readUInt32BE(group + 8) === 0 ? 1 : 0);
      const last = table.readUInt32BE(group + 4);
      if (first <= last) add(first, last);
    }
  } else if (format4) {
    const start = format4.offset;
    const segments = table.readUInt16BE(start + 6) / 2;
    const ends = start + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    for (let segment = 0; segment < segments; segment++) {
      const first = table.readUInt16BE(starts + segment * 2);
      const last = table.readUInt16BE(ends + segment * 2);
      const delta = table.readUInt16BE(deltas + segment * 2);
      const rangeOffset = table.readUInt16BE(rangeOffsets + segment * 2);
      for (let code = first; code <= last && code !== 0xffff; code++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
        else {
          const index = table.readUInt16BE(rangeOffsets + segment * 2 + rangeOffset + (code - first) * 2);
          glyph = index === 0 ? 0 : (index + delta) & 0xffff;
        }
        if (glyph !== 0) add(code, code);
      }
    }
  }
  // Groups and segments come sorted by code point, so `add` has merged neighbours already.
  return Uint32Array.from(ranges);
}
