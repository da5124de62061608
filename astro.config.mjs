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
    processor: unified({ remarkPlugins: trendbookRemarkPlugins({ root: SITE_DIR, config: SITE }) }),
  },
  integrations: [trendbookIntegration()],
});
