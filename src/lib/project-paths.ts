/**
 * Where the content lives. Normally the project root; `TRENDBOOK_SITE` points a
 * build at another folder with `data/` and `content/reports/` (the build tests
 * use it for their fixture sites), `TRENDBOOK_OUT` sets the output folder and
 * `TRENDBOOK_CACHE` the image cache (the benchmark measures cold builds with it).
 */
import { resolve } from 'node:path';

/** Absolute folder holding `data/` and `content/reports/`. */
export const SITE_DIR = resolve(process.env.TRENDBOOK_SITE ?? '.');

/** Output folder for `astro build` (default: `dist`). */
export const OUT_DIR = resolve(process.env.TRENDBOOK_OUT ?? 'dist');

/** Rendered chart images, kept between builds and keyed by what they depend on. */
export const IMAGE_CACHE_DIR = resolve(process.env.TRENDBOOK_CACHE ?? 'node_modules/.cache/trendbook/images');
