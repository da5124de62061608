/**
 * Reads a ZIP archive back the way an unzipper does, from its central
 * directory, for tests of the XLSX download: every entry's name, its bytes
 * (inflated, CRC-checked) and the date and time both of its headers record.
 */
import { crc32, inflateRawSync } from 'node:zlib';

/** One entry as both its headers describe it. */
export interface ReadEntry {
  name: string;
  data: Buffer;
  /** MS-DOS time and date, from the local header and from the central directory. */
  local: { time: number; date: number };
  central: { time: number; date: number };
  /** Extra field lengths (where timestamps of other kinds would live). */
  extraLengths: [local: number, central: number];
}

/**
 * Reads every entry, in central-directory order; throws on anything malformed.
 * @param zip The archive's bytes.
 */
export function readZip(zip: Uint8Array): ReadEntry[] {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = bytes.length - 22;
  if (bytes.readUInt32LE(end) !== 0x06054b50) throw new Error('no end-of-central-directory record at the end');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ReadEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error(`entry ${index}: no central directory header`);
    const method = bytes.readUInt16LE(at + 10);
    const central = { time: bytes.readUInt16LE(at + 12), date: bytes.readUInt16LE(at + 14) };
    const crc = bytes.readUInt32LE(at + 16);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const offset = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('latin1');
    at += 46 + nameLength + extraLength + commentLength;

    if (bytes.readUInt32LE(offset) !== 0x04034b50) throw new Error(`${name}: no local header at ${offset}`);
    const local = { time: bytes.readUInt16LE(offset + 10), date: bytes.readUInt16LE(offset + 12) };
    const localNameLength = bytes.readUInt16LE(offset + 26);
    const localExtraLength = bytes.readUInt16LE(offset + 28);
    const start = offset + 30 + localNameLength + localExtraLength;
    if (method !== 8) throw new Error(`${name}: method ${method}, expected 8 (deflate)`);
    const data = inflateRawSync(bytes.subarray(start, start + compressedSize));
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, the header says ${size}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC-32 does not match`);
    entries.push({ name, data, local, central, extraLengths: [localExtraLength, extraLength] });
  }
  return entries;
}
