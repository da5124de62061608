/** Reading which characters a WOFF2 font has glyphs for. */
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWoff2Coverage } from '../../../src/lib/images/font-cmap.ts';

const files = (name: string) =>
  join(dirname(createRequire(import.meta.url).resolve(`@fontsource/${name}/package.json`)), 'files');

function toPairs(coverage: Uint32Array): [number, number][] {
  return Array.from({ length: coverage.length / 2 }, (_, index) => [coverage[2 * index]!, coverage[2 * index + 1]!]);
}

describe('readWoff2Coverage', () => {
  it('reads Inter’s Latin slice: printable ASCII and Latin-1 but the soft hyphen, no control characters', () => {
    const pairs = toPairs(readWoff2Coverage(join(files('inter'), 'inter-latin-400-normal.woff2')));
    // U+0000 maps to an empty glyph in Inter; callers treat control characters as never drawn.
    expect(pairs.slice(0, 4)).toEqual([
      [0x00, 0x00],
      [0x20, 0x7e],
      [0xa0, 0xac],
      [0xae, 0xff],
    ]);
  });

  it('reads the cmap of a CJK slice, which lacks some characters its unicode-range lists', () => {
    const coverage = toPairs(readWoff2Coverage(join(files('noto-sans-sc'), 'noto-sans-sc-101-400-normal.woff2')));
    const has = (code: number) => coverage.some(([first, last]) => first <= code && code <= last);
    expect([0x4e4d, 0x3016, 0x25c7].map(has)).toEqual([true, true, true]);
    expect([0x0939, 0x0e44, 0x0161].map(has)).toEqual([false, false, false]);
  });

  it('refuses a file that is not WOFF2', () => {
    const file = join(tmpdir(), 'trendbook-not-a-font.woff2');
    writeFileSync(file, 'wOFF and more bytes');
    try {
      expect(() => readWoff2Coverage(file)).toThrow(`Internal error: ${file} is not a WOFF2 font.`);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
