// @ts-check

import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { trendbookIntegration } from './src/integrations/trendbook.ts';
import { sitemapOptions, sitemapReports } from './src/lib/build/sitemap.ts';
import { resolveViews } from './src/lib/explore/views.ts';
import { ASTRO_CACHE_DIR, OUT_DIR, SITE_DIR } from './src/lib/project-paths.ts';
import { basePath } from './src/lib/site-url.ts';
import { SITE } from './src/site.config.ts';

export default defineConfig({
  site: SITE.url,
  // A site published under a path (https://example.com/blog) serves every page and asset under it.
  base: `${basePath(SITE.url)}/`,
  outDir: OUT_DIR,
  cacheDir: ASTRO_CACHE_DIR,
  trailingSlash: 'always',
  // Pages are written four at a time: most of a page's cost is file I/O (mkdir, open, write), which overlaps.
  build: { format: 'directory', concurrency: 4 },
  // Astro renders no report (src/site/report-loader.ts); code blocks use the site's own styles in any case,
  // as Shiki colours code with inline style attributes, which the CSP below forbids.
  markdown: { syntaxHighlight: false },
  integrations: [
    trendbookIntegration(),
    // sitemap-index.xml and sitemap-0.xml, written when the build is done (robots.txt names the index).
    sitemap(
      sitemapOptions(SITE.url, () => ({
        reports: sitemapReports(SITE_DIR),
        views: resolveViews(SITE, SITE_DIR).views.map((view) => view.id),
      })),
    ),
  ],
  // A hash-based Content Security Policy on every page: only Astro's own bundled
  // scripts and styles run; nothing inline from data can (F6 in tests/checklist/README.md).
  security: {
    csp: {
      // Search (Pagefind) compiles WebAssembly: 'wasm-unsafe-eval' allows that and nothing else (no eval of JavaScript).
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  vite: {
    build: {
      rollupOptions: {
        // Deferred Markdown rendering marks modules with a directive the bundler reports as a warning.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
