// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { trendbookRemarkPlugins } from './src/plugins/remark/index.ts';
import { trendbookIntegration } from './src/integrations/trendbook.ts';
import { OUT_DIR, SITE_DIR } from './src/lib/project-paths.ts';
import { SITE } from './src/site.config.ts';

export default defineConfig({
  site: SITE.url,
  outDir: OUT_DIR,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // The plugin list is typed for unified; Astro types remark plugins more narrowly.
    processor: unified({ remarkPlugins: /** @type {any[]} */ (trendbookRemarkPlugins({ root: SITE_DIR, config: SITE })) }),
  },
  integrations: [trendbookIntegration()],
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
