/**
 * Build-time images are cached between builds, keyed by a hash of everything
 * they depend on, so an unchanged chart or card is not drawn again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Returns the cached image for these inputs, drawing and storing it when absent.
 * @param cacheDir Folder for cached images.
 * @param inputs Everything the image depends on (plain JSON).
 * @param extension The cached file's extension (`png`, `svg`).
 * @param render Draws the image.
 * @returns The file's bytes, and whether they had to be drawn.
 */
export async function cachedImage(
  cacheDir: string,
  inputs: unknown,
  extension: string,
  render: () => Buffer | string | Promise<Buffer>,
): Promise<{ bytes: Buffer; drawn: boolean }> {
  const file = join(cacheDir, `${imageKey(inputs)}.${extension}`);
  if (existsSync(file)) return { bytes: readFileSync(file), drawn: false };
  const drawn = await render();
  const bytes = typeof drawn === 'string' ? Buffer.from(drawn) : drawn;
  store(file, bytes);
  return { bytes, drawn: true };
}

/**
 * Returns the cached text for these inputs (an SVG drawing, a drawing's tree as JSON), writing it when absent.
 * Synchronous, for code that renders as Markdown is processed.
 * @param cacheDir Folder for cached images.
 * @param inputs Everything the text depends on (plain JSON).
 * @param extension The cached file's extension (`json`, `svg`).
 * @param render Makes the text.
 */
export function cachedText(cacheDir: string, inputs: unknown, extension: string, render: () => string): string {
  const file = join(cacheDir, `${imageKey(inputs)}.${extension}`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // Not cached yet: made below.
  }
  const text = render();
  try {
    store(file, text);
  } catch {
    // A cache that cannot be written only means making the text again next time.
  }
  return text;
}

/** Writes a cache file, then renames it into place, so a build killed mid-write never leaves half a file. */
function store(file: string, data: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${threadId}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

/** The cache key of an image's inputs. */
export function imageKey(inputs: unknown): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 32);
}
