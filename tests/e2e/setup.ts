/**
 * Serves the built site for the browser tests. The site must be built first
 * (`npm run build`); an old or missing `dist/` is a setup error, not a skip.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './static-server.ts';

export default async function setup(project: TestProject) {
  const dist = resolve(process.env.TRENDBOOK_DIST ?? 'dist');
  if (!existsSync(`${dist}/index.html`)) {
    throw new Error(`${dist}/index.html does not exist. Run npm run build before npm run test:e2e.`);
  }
  const { server, url } = await serveStatic(dist);
  project.provide('baseUrl', url);
  return () => new Promise<void>((done) => server.close(() => done()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
