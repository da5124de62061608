import { describe, expect, it } from 'vitest';
import { zip } from '../../../../src/lib/data/downloads/zip.ts';
import { readZip } from './read-zip.ts';

/** 1980-01-01 as an MS-DOS date; 00:00:00 is 0. */
const DOS_1980_01_01 = 0x21;

describe('the ZIP writer', () => {
  const entries = () => [
    { name: '[Content_Types].xml', parts: ['<Types/>'] },
    { name: 'xl/empty.xml', parts: [] },
    { name: 'xl/text.xml', parts: ['Zürich ', new Uint8Array([0xe2, 0x80, 0xae]), ' & more'] },
    {
      name: 'xl/large.xml',
      parts: (function* () {
        for (let index = 0; index < 5_000; index++) yield `<row r="${index}"/>`;
      })(),
    },
  ];

  it('writes every entry in order, with its exact bytes', async () => {
    const read = readZip(await zip(entries()));
    expect(read.map((entry) => entry.name)).toEqual([
      '[Content_Types].xml',
      'xl/empty.xml',
      'xl/text.xml',
      'xl/large.xml',
    ]);
    expect(read.map((entry) => entry.data.toString('utf8')).slice(0, 3)).toEqual([
      '<Types/>',
      '',
      'Zürich \u202E & more',
    ]);
    const large = read[3]!.data.toString('utf8');
    expect(large.length).toBe(Array.from({ length: 5_000 }, (_, index) => `<row r="${index}"/>`).join('').length);
    expect(large.endsWith('<row r="4999"/>')).toBe(true);
  });

  it('dates every entry 1980-01-01 00:00 in its local header and in the central directory, with no extra fields', async () => {
    const read = readZip(await zip(entries()));
    expect(read).toHaveLength(4);
    for (const entry of read) {
      expect(entry.local, entry.name).toEqual({ time: 0, date: DOS_1980_01_01 });
      expect(entry.central, entry.name).toEqual({ time: 0, date: DOS_1980_01_01 });
      expect(entry.extraLengths, entry.name).toEqual([0, 0]);
    }
  });

  it('gives the same bytes for the same entries, however their parts are cut', async () => {
    const first = Buffer.from(await zip(entries()));
    const second = Buffer.from(await zip(entries()));
    expect(second.equals(first)).toBe(true);
    const whole = entries().map((entry) => ({
      name: entry.name,
      parts: [Buffer.concat([...entry.parts].map((part) => (typeof part === 'string' ? Buffer.from(part) : part)))],
    }));
    expect(Buffer.from(await zip(whole)).equals(first)).toBe(true);
  });

  it('refuses a name used twice or one that is not printable ASCII', async () => {
    await expect(
      zip([
        { name: 'a.xml', parts: [] },
        { name: 'a.xml', parts: [] },
      ]),
    ).rejects.toThrow('zip: the entry name "a.xml" is empty, not printable ASCII or used twice');
    await expect(zip([{ name: 'ä.xml', parts: [] }])).rejects.toThrow('not printable ASCII');
    await expect(zip([{ name: '', parts: [] }])).rejects.toThrow('is empty');
  });

  it('passes on an error from an entry’s parts instead of writing a short file', async () => {
    const failing = (function* () {
      yield '<a>';
      throw new Error('no such value');
    })();
    await expect(zip([{ name: 'a.xml', parts: failing }])).rejects.toThrow('no such value');
  });
});
