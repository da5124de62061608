import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { SITE_DIR } from './lib/project-paths.ts';
import { REPORT_PATTERN, reportSlug } from './lib/report/file-names.ts';
import { ReportFrontmatterSchema } from './lib/report/frontmatter-schema.ts';

// Rendering is deferred to page build time, so an edited CSV shows up in the next
// build and an error in a remark plugin fails it (the eager cache does neither).
// Files and addresses follow the check's naming rule, not Astro's own slugging,
// so a report is published exactly where the check expects it.
const reports = defineCollection({
  loader: glob({
    pattern: REPORT_PATTERN,
    base: `${SITE_DIR}/content/reports`,
    deferRender: true,
    generateId: ({ entry }) => reportSlug(entry),
  }),
  schema: ReportFrontmatterSchema,
});

export const collections = { reports };
