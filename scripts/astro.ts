/**
 * `npm run dev`, `npm run preview`, `npm run astro -- …`: Astro's CLI with its update check and
 * telemetry off (scripts/lib/astro-env.ts), then the command line as given (`node scripts/astro.ts dev`).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { QUIET_ASTRO_ENV } from './lib/astro-env.ts';

Object.assign(process.env, QUIET_ASTRO_ENV);
const projectRoot = dirname(dirname(fileURLToPath(import.meta.url)));
// Astro's own launcher (it checks the Node version), by path: the package does not export it.
await import(pathToFileURL(join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs')).href);
