/**
 * A fingerprint of the code that draws build-time images, for their cache key:
 * a change to how charts or cards are drawn redraws every cached image, even if
 * no one remembered to bump RENDERER_VERSION.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Folders and files, relative to the project root, whose code decides what an image looks like. */
export const RENDERER_SOURCES = [
  'src/lib/chart',
  'src/lib/og',
  'src/lib/images',
  'src/lib/format.ts',
  'src/lib/theme-tokens.ts',
] as const;

/**
 * Hashes the renderer's source files.
 * @param root The project root (default: the current folder, which every build runs in).
 * @returns 16 hex digits, or `"unavailable"` when the sources are not there (a bundled copy elsewhere).
 */
export function rendererSource(root = process.cwd()): string {
  const hash = createHash('sha256');
  try {
    for (const source of RENDERER_SOURCES) {
      const path = resolve(root, source);
      const files = source.endsWith('.ts')
        ? [path]
        : readdirSync(path)
            .filter((file) => file.endsWith('.ts'))
            .sort()
            .map((file) => join(path, file));
      for (const file of files)
        hash
          .update(`${file.slice(root.length)}\0`)
          .update(readFileSync(file))
          .update('\0');
    }
  } catch {
    return 'unavailable';
  }
  return hash.digest('hex').slice(0, 16);
}
