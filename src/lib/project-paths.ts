/**
 * Where the content lives. Normally the project root; `TRENDBOOK_SITE` points a
 * build at another folder with `data/` and `content/reports/` (the build tests
 * use it for their fixture sites), `TRENDBOOK_OUT` sets the output folder and
 * `TRENDBOOK_CACHE` the image cache (the benchmark measures cold builds with it).
 * `TRENDBOOK_OUTPUT` is the folder `npm run build` finally writes (Astro itself
 * writes a working folder, so `TRENDBOOK_OUT` is not it), and `TRENDBOOK_RENDERED`
 * the folder where it hands Astro the reports its check rendered.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/** Absolute folder holding `data/` and `content/reports/`. */
export const SITE_DIR = resolve(process.env.TRENDBOOK_SITE ?? '.');

/** Output folder for `astro build` (default: `dist`). */
export const OUT_DIR = resolve(process.env.TRENDBOOK_OUT ?? 'dist');

/** Rendered chart images, kept between builds and keyed by what they depend on. */
export const IMAGE_CACHE_DIR = resolve(process.env.TRENDBOOK_CACHE ?? 'node_modules/.cache/trendbook/images');

/** Reports `npm run build` rendered in its check, for Astro's pages; unset when Astro runs alone (`astro dev`). */
export const RENDERED_DIR = process.env.TRENDBOOK_RENDERED ? resolve(process.env.TRENDBOOK_RENDERED) : undefined;

/**
 * Astro's own cache folder (the content store) for one site and output folder:
 * builds of other sites or into other folders may run at the same time and must
 * not read or overwrite each other's store.
 * @param siteDir Absolute folder with `data/` and `content/`.
 * @param outputDir Absolute folder the build finally writes.
 */
export function astroCacheDir(siteDir: string, outputDir: string): string {
  const key = createHash('sha256').update(`${siteDir}\0${outputDir}`).digest('hex').slice(0, 16);
  return resolve('node_modules/.cache/trendbook/astro', key);
}

/** Astro's cache folder for this build. */
export const ASTRO_CACHE_DIR = astroCacheDir(SITE_DIR, resolve(process.env.TRENDBOOK_OUTPUT ?? OUT_DIR));
