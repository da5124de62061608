/**
 * Serves the built example site (`dist/`, from `npm run build`) and builds and
 * serves a second site no one on the team wrote (`tests/fixtures/site`: spreadsheet
 * quirks and hostile labels), so every browser test runs against both.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/lib/static-server.ts';

export default async function setup(project: TestProject) {
  const dist = resolve(process.env.TRENDBOOK_DIST ?? 'dist');
  if (!existsSync(`${dist}/index.html`)) {
    throw new Error(`${dist}/index.html does not exist. Run npm run build before npm run test:e2e.`);
  }
  const fixtureOut = join(mkdtempSync(join(tmpdir(), 'trendbook-e2e-')), 'dist');
  const build = spawnSync(process.execPath, [resolve('scripts/build.ts')], {
    env: { ...process.env, TRENDBOOK_SITE: resolve('tests/fixtures/site'), TRENDBOOK_OUT: fixtureOut },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`The fixture site did not build:\n${build.stderr}`);
  const example = await serveStatic(dist);
  const fixture = await serveStatic(fixtureOut);
  project.provide('baseUrl', example.url);
  project.provide('sites', [example.url, fixture.url]);
  return async () => {
    await Promise.all([example, fixture].map(({ server }) => new Promise<void>((done) => server.close(() => done()))));
    rmSync(dirname(fixtureOut), { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The example site. */
    baseUrl: string;
    /** The example site and the fixture site no one on the team wrote. */
    sites: string[];
  }
}
