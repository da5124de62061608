/**
 * A tiny ZIP writer, enough for an XLSX file (a spreadsheet is a ZIP of XML
 * parts). Its output depends on nothing but the entries: every entry is dated
 * 1980-01-01 00:00 (the earliest date a ZIP can hold), entries stay in the
 * order given, and each is compressed with the same zlib settings, so the same
 * entries give the same bytes on every build. Entries are compressed as they
 * are produced, part by part, so a sheet of a million rows is never held in
 * memory as one string. No ZIP64: an archive or entry past 4 GB, or past
 * 65,535 entries, is refused with an error rather than written wrong.
 */
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';

/** One file in the archive. */
export interface ZipEntry {
  /** Path inside the archive, with `/` between folders, in ASCII (`xl/workbook.xml`). */
  name: string;
  /**
   * The file's contents in order, one part at a time (strings are written as UTF-8).
   * A generator is read only when its entry's turn comes, after the entries before it.
   */
  parts: Iterable<string | Uint8Array>;
}

/** MS-DOS date of 1980-01-01 (years since 1980 << 9 | month << 5 | day); the time is 00:00:00, which is 0. */
const FIXED_DATE = (0 << 9) | (1 << 5) | 1;
const FIXED_TIME = 0;
/** Version 2.0: the first to read deflated entries. */
const VERSION = 20;
const DEFLATE = 8;
/** Sizes, offsets and counts a ZIP without ZIP64 can hold. */
const MAX_BYTES = 0xffff_ffff;
const MAX_ENTRIES = 0xffff;

/** An entry once compressed: what its headers record. */
interface Written {
  name: Buffer;
  crc: number;
  size: number;
  compressed: Buffer;
  offset: number;
}

/**
 * Builds a ZIP archive of the entries, in their order.
 * @param entries The files; names must be unique.
 * @returns The archive's bytes.
 */
export async function zip(entries: readonly ZipEntry[]): Promise<Uint8Array<ArrayBuffer>> {
  if (entries.length > MAX_ENTRIES)
    throw new Error(`zip: ${entries.length} entries, over the ${MAX_ENTRIES} a ZIP can list without ZIP64`);
  const chunks: Buffer[] = [];
  const written: Written[] = [];
  const names = new Set<string>();
  let offset = 0;
  for (const entry of entries) {
    if (!/^[\x21-\x7e]+$/.test(entry.name) || names.has(entry.name))
      throw new Error(`zip: the entry name ${JSON.stringify(entry.name)} is empty, not printable ASCII or used twice`);
    names.add(entry.name);
    const { crc, size, compressed } = await deflate(entry.name, entry.parts);
    const name = Buffer.from(entry.name, 'latin1');
    const local = localHeader(name, crc, size, compressed.length);
    written.push({ name, crc, size, compressed, offset });
    chunks.push(local, compressed);
    offset += local.length + compressed.length;
    if (offset > MAX_BYTES) throw new Error(`zip: the archive passes 4 GB at ${entry.name}, which needs ZIP64`);
  }
  const directoryStart = offset;
  for (const entry of written) {
    const header = directoryHeader(entry);
    chunks.push(header);
    offset += header.length;
  }
  if (offset > MAX_BYTES) throw new Error('zip: the archive passes 4 GB in its directory, which needs ZIP64');
  chunks.push(endOfDirectory(written.length, offset - directoryStart, directoryStart));
  return Buffer.concat(chunks);
}

/**
 * Compresses one entry's parts with raw deflate at level 6, counting its size and CRC-32 on the way.
 * zlib's output depends only on the bytes and these settings, so it is the same on every run.
 */
async function deflate(
  name: string,
  parts: Iterable<string | Uint8Array>,
): Promise<{ crc: number; size: number; compressed: Buffer }> {
  let crc = 0;
  let size = 0;
  function* counted(): Generator<Uint8Array> {
    for (const part of parts) {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (size > MAX_BYTES) throw new Error(`zip: ${name} passes 4 GB, which needs ZIP64`);
      if (bytes.length > 0) yield bytes;
    }
  }
  const deflater = createDeflateRaw({ level: 6 });
  // Read the compressed bytes while they are written, or the stream would stop once its buffer is full.
  const [compressed] = await Promise.all([buffer(deflater), pipeline(Readable.from(counted()), deflater)]);
  return { crc, size, compressed };
}

/** The local file header that comes before an entry's compressed bytes (APPNOTE 4.3.7). */
function localHeader(name: Buffer, crc: number, size: number, compressedSize: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(0, 6); // flags: sizes are known up front, names are ASCII
  header.writeUInt16LE(DEFLATE, 8);
  header.writeUInt16LE(FIXED_TIME, 10);
  header.writeUInt16LE(FIXED_DATE, 12);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(compressedSize, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28); // no extra field (no timestamps of any kind)
  return Buffer.concat([header, name]);
}

/** An entry's record in the central directory at the end of the archive (APPNOTE 4.3.12). */
function directoryHeader(entry: Written): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(VERSION, 4); // made by: MS-DOS attributes, version 2.0
  header.writeUInt16LE(VERSION, 6);
  header.writeUInt16LE(0, 8);
  header.writeUInt16LE(DEFLATE, 10);
  header.writeUInt16LE(FIXED_TIME, 12);
  header.writeUInt16LE(FIXED_DATE, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.compressed.length, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  // Extra field, comment, disk number, internal and external attributes: all empty.
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, entry.name]);
}

/** The end-of-central-directory record, which readers look for first (APPNOTE 4.3.16). */
function endOfDirectory(count: number, size: number, start: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(size, 12);
  record.writeUInt32LE(start, 16);
  return record;
}
