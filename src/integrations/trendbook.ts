/**
 * Astro hooks for Trendbook: re-render reports when a dataset changes in
 * `astro dev`, refuse a build whose pages still show a directive as text, and
 * give `_headers` the site's base path when it is published under one.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersUnderBase } from '../lib/build/headers-file.ts';
import { findLeakedDirectives } from '../lib/check/leaked-directives.ts';
import { clearDatasetCache } from '../lib/data/load-dataset.ts';
import { issue } from '../lib/error-codes/define.ts';
import { TB141 } from '../lib/error-codes/directives.ts';
import { SITE_DIR } from '../lib/project-paths.ts';

/** The Trendbook integration. */
export function trendbookIntegration(): AstroIntegration {
  const root = SITE_DIR;
  let base = '';
  return {
    name: 'trendbook',
    hooks: {
      'astro:config:setup': ({ command }) => {
        // Drafts show in `astro dev` only; a build never publishes them, whatever the environment says.
        if (command === 'dev') process.env.TRENDBOOK_SHOW_DRAFTS = '1';
        else delete process.env.TRENDBOOK_SHOW_DRAFTS;
      },
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/+$/, '');
      },
      'astro:server:setup': ({ server, logger }) => {
        // A CSV edit changes no Markdown file, so Vite would keep the old page: drop it. A query's SQL and
        // every file under data/raw/ count too: the next read reruns a query whose inputs changed.
        const dataDir = `${root}/data/`;
        server.watcher.add(dataDir);
        const onDataChange = (file: string) => {
          if (!file.startsWith(dataDir)) return;
          if (!/\.(csv|sql|ya?ml)$/.test(file) && !file.startsWith(`${dataDir}raw/`)) return;
          clearDatasetCache();
          for (const environment of Object.values(server.environments)) {
            const graph = environment.moduleGraph;
            for (const module of graph.idToModuleMap.values()) {
              if (module.id?.includes('/content/reports/')) graph.invalidateModule(module);
            }
          }
          logger.info(`${file.slice(root.length + 1)} changed: reloading reports`);
          server.ws.send({ type: 'full-reload' });
        };
        server.watcher.on('change', onDataChange);
        server.watcher.on('add', onDataChange);
        server.watcher.on('unlink', onDataChange);
      },
      'astro:build:done': async ({ dir }) => {
        const headers = join(fileURLToPath(dir), '_headers');
        if (existsSync(headers)) writeFileSync(headers, headersUnderBase(readFileSync(headers, 'utf8'), base));
        const leaks = await findLeakedDirectives(fileURLToPath(dir));
        if (leaks.length > 0) {
          const leaked = issue(TB141, { leaks });
          throw new Error(`${leaked.what}\n${leaked.fix} [${leaked.code}]`);
        }
      },
    },
  };
}
