/** The PNG encoder's output decodes to exactly the pixels it was given, the same bytes every time. */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../../src/lib/images/encode-png.ts';

describe('encodePng', () => {
  it('round-trips every pixel of an opaque image through a PNG decoder', async () => {
    const canvas = createCanvas(37, 11);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, 37, 11);
    context.fillStyle = '#1d4ed8';
    context.fillRect(3, 2, 20, 5);
    context.fillStyle = '#be123c';
    context.fillRect(30, 0, 7, 11);
    const pixels = canvas.data();
    const png = encodePng(pixels, 37, 11);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Colour type 2: RGB, three bytes a pixel (the images are opaque).
    expect(png[25]).toBe(2);
    const image = await loadImage(png);
    const decoded = createCanvas(37, 11);
    decoded.getContext('2d').drawImage(image, 0, 0);
    expect(Buffer.from(decoded.data()).equals(Buffer.from(pixels))).toBe(true);
    expect(encodePng(pixels, 37, 11).equals(png)).toBe(true);
  });

  it('refuses pixels that do not match the size', () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow(
      'Internal error: expected 16 bytes of pixels for 2×2, received 10.',
    );
  });
});
