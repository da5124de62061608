import { defineCollection } from 'astro:content';
import { SITE_DIR } from './lib/project-paths.ts';
import { ReportFrontmatterSchema } from './lib/report/frontmatter-schema.ts';
import { reportLoader } from './site/report-loader.ts';

// Reports are read by Trendbook's own loader: file names follow the check's naming rule (a
// report is published exactly where the check expects it), and their Markdown is rendered by
// the check's pipeline, not by Astro (src/site/report-loader.ts says why).
// The loader validates with this schema itself (splitReport); here it types `report.data`.
const reports = defineCollection({ loader: reportLoader(SITE_DIR), schema: ReportFrontmatterSchema });

export const collections = { reports };
