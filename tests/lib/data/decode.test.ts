/**
 * firstInvalidUtf8: where strict UTF-8 decoding breaks, so the message can
 * point at the byte, line and column (A2 in tests/checklist/README.md).
 */
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8 } from '../../../src/lib/data/decode.ts';
import { formatProblem } from '../../../src/lib/errors.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('firstInvalidUtf8', () => {
  it('returns -1 for valid UTF-8', () => {
    expect(firstInvalidUtf8(bytes())).toBe(-1);
    expect(firstInvalidUtf8(utf8('year,value\n2016,1\n'))).toBe(-1);
    expect(firstInvalidUtf8(utf8('café € 😀 𝕮𝖊𝖗𝖓𝖞 한국어'))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0x00))).toBe(-1);
  });

  it('accepts the boundary code points', () => {
    expect(firstInvalidUtf8(bytes(0x7f))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0xc2, 0x80))).toBe(-1); // U+0080
    expect(firstInvalidUtf8(bytes(0xdf, 0xbf))).toBe(-1); // U+07FF
    expect(firstInvalidUtf8(bytes(0xe0, 0xa0, 0x80))).toBe(-1); // U+0800
    expect(firstInvalidUtf8(bytes(0xed, 0x9f, 0xbf))).toBe(-1); // U+D7FF
    expect(firstInvalidUtf8(bytes(0xee, 0x80, 0x80))).toBe(-1); // U+E000
    expect(firstInvalidUtf8(bytes(0xef, 0xbf, 0xbf))).toBe(-1); // U+FFFF
    expect(firstInvalidUtf8(bytes(0xf0, 0x90, 0x80, 0x80))).toBe(-1); // U+10000
    expect(firstInvalidUtf8(bytes(0xf4, 0x8f, 0xbf, 0xbf))).toBe(-1); // U+10FFFF
  });

  it('finds a Windows-1252 byte after ASCII', () => {
    // "caf\xE9" then a line end: 0xE9 starts a 3-byte sequence that never continues.
    expect(firstInvalidUtf8(bytes(0x63, 0x61, 0x66, 0xe9, 0x0a))).toBe(3);
    expect(firstInvalidUtf8(bytes(0x48, 0x65, 0x72, 0x65, 0x92, 0x73))).toBe(4); // Here\x92s
    expect(firstInvalidUtf8(bytes(0x23, 0x61, 0xa0, 0x23, 0x62))).toBe(2); // #a\xA0#b
  });

  it('counts bytes, not characters, after valid multi-byte text', () => {
    const valid = utf8('ünï€,');
    expect(valid.length).toBe(9);
    expect(firstInvalidUtf8(new Uint8Array([...valid, 0xe9]))).toBe(9);
  });

  it('rejects a continuation byte with no lead byte', () => {
    expect(firstInvalidUtf8(bytes(0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0x61, 0xbf))).toBe(1);
  });

  it('rejects lead bytes that can never appear', () => {
    for (const lead of [0xc0, 0xc1, 0xf5, 0xf8, 0xfe, 0xff])
      expect(firstInvalidUtf8(bytes(0x61, lead, 0x80, 0x80, 0x80)), lead.toString(16)).toBe(1);
  });

  it('rejects overlong encodings', () => {
    expect(firstInvalidUtf8(bytes(0xe0, 0x80, 0xaf))).toBe(0); // "/" in 3 bytes
    expect(firstInvalidUtf8(bytes(0xe0, 0x9f, 0xbf))).toBe(0); // U+07FF in 3 bytes
    expect(firstInvalidUtf8(bytes(0xf0, 0x8f, 0xbf, 0xbf))).toBe(0); // U+FFFF in 4 bytes
  });

  it('rejects UTF-16 surrogates and code points above U+10FFFF', () => {
    expect(firstInvalidUtf8(bytes(0x61, 0xed, 0xa0, 0x80))).toBe(1); // U+D800
    expect(firstInvalidUtf8(bytes(0xed, 0xbf, 0xbf))).toBe(0); // U+DFFF
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // U+110000
  });

  it('rejects a sequence cut short by the end of the file or by ASCII', () => {
    expect(firstInvalidUtf8(bytes(0x61, 0xc3))).toBe(1);
    expect(firstInvalidUtf8(bytes(0x61, 0xe2, 0x82))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xf0, 0x9f, 0x98))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xe2, 0x82, 0x61))).toBe(0);
  });

  it('agrees with the strict TextDecoder on 5,000 pseudo-random byte strings', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pool = [
      0x00, 0x0a, 0x41, 0x7f, 0x80, 0x8f, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff,
    ];
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const disagreements: string[] = [];
    for (let run = 0; run < 5000; run++) {
      const sample = Uint8Array.from(
        { length: 1 + Math.floor(next() * 6) },
        () => pool[Math.floor(next() * pool.length)]!,
      );
      let valid = true;
      try {
        decoder.decode(sample);
      } catch {
        valid = false;
      }
      const found = firstInvalidUtf8(sample);
      if ((found === -1) !== valid) disagreements.push(Array.from(sample, (byte) => byte.toString(16)).join(' '));
      // The prefix before the reported byte must itself be valid.
      if (found > 0) decoder.decode(sample.subarray(0, found));
    }
    expect(disagreements).toEqual([]);
  });
});

describe('decodeUtf8', () => {
  it('drops a leading byte order mark and keeps the rest as written', () => {
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a), 'data/x.csv')).toEqual({ text: 'a\r\n' });
  });

  it('gives the column in characters and the byte offset counted from 1', () => {
    const file = new Uint8Array([...utf8('name,city\nünï,caf'), 0xe9, 0x0a]);
    const { problem } = decodeUtf8(file, 'data/x.csv');
    expect(formatProblem(problem!)).toBe(
      'data/x.csv:2:8: invalid UTF-8 at byte 20 (looks like Windows-1252 "é"). Expected UTF-8 text, received the byte 0xE9. Re-export the file from your spreadsheet as "CSV UTF-8 (Comma delimited)". [TB018]',
    );
  });

  it('gives no Windows-1252 guess for a byte that Windows-1252 leaves undefined', () => {
    const { problem } = decodeUtf8(bytes(0x61, 0x81), 'data/x.csv');
    expect(formatProblem(problem!)).toBe(
      'data/x.csv:1:2: invalid UTF-8 at byte 2. Expected UTF-8 text, received the byte 0x81. Re-export the file from your spreadsheet as "CSV UTF-8 (Comma delimited)". [TB018]',
    );
  });

  it('names UTF-16 big-endian by its byte order mark', () => {
    const { problem } = decodeUtf8(bytes(0xfe, 0xff, 0x00, 0x61), 'data/x.csv');
    expect(formatProblem(problem!)).toBe(
      'data/x.csv:1:1: the file is encoded as UTF-16 big-endian (Excel\'s "Unicode Text"), not UTF-8. Expected UTF-8 text, received a UTF-16 byte order mark. Re-export the file from your spreadsheet as "CSV UTF-8 (Comma delimited)". [TB017]',
    );
  });
});
