/**
 * A fast PNG encoder for opaque build-time images. Skia's encoder (what
 * `canvas.toBuffer('image/png')` uses) spent about 85 of the 100 ms a wide
 * chart image took. zlib with no row filter suits charts (mostly flat colour):
 * on a 1200×630 card, level 6 writes 19% fewer bytes than level 1 in about the
 * same time (55 against 63 ms), and row filters only made files larger. Now
 * that a report draws a handful of rasters rather than dozens, bytes matter
 * more than milliseconds. Output is deterministic: the same pixels always give
 * the same bytes.
 */
import { constants, crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/**
 * Encodes RGBA pixels as an 8-bit RGBA PNG.
 * @param pixels Width × height × 4 bytes, row by row (as `canvas.data()` gives them; opaque, so premultiplying changes nothing).
 * @param width Width in pixels.
 * @param height Height in pixels.
 */
export function encodePng(pixels: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 4;
  if (pixels.length !== stride * height)
    throw new RangeError(
      `Internal error: expected ${stride * height} bytes of pixels for ${width}×${height}, received ${pixels.length}.`,
    );
  // Each row starts with its filter type: 0, none.
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 6, strategy: constants.Z_DEFAULT_STRATEGY })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, body: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, checksum]);
}
