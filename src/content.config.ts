import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { SITE_DIR } from './lib/project-paths.ts';
import { ReportFrontmatterSchema } from './lib/report-frontmatter.ts';

// Rendering is deferred to page build time, so an edited CSV shows up in the next
// build and an error in a remark plugin fails it (the eager cache does neither).
const reports = defineCollection({
  loader: glob({ pattern: '*.md', base: `${SITE_DIR}/content/reports`, deferRender: true }),
  schema: ReportFrontmatterSchema,
});

export const collections = { reports };
