/**
 * The one Markdown pipeline for reports. The check (`npm run check`), the images it pre-draws, and every
 * test render a report through `createReportProcessor()`; Astro's build renders it through
 * `astroReportProcessor()`, which hands Astro the same settings and the same plugin list. Both come from
 * `reportMarkdownSettings()`, so the check and the build cannot differ.
 *
 * Astro's renderer runs the stages below in this order (see `createMarkdownProcessor` in
 * `@astrojs/markdown-remark`): remark-parse, remark-gfm, remark-smartypants, our plugins, remark-rehype
 * (raw HTML allowed), rehype-raw, rehype-stringify. Its image stages (which only collect local image
 * paths for Astro's optimiser) are left out here.
 */
import { unified as astroUnified, type RemarkPlugins, rehypeHeadingIds } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { type PluggableList, unified } from 'unified';
import type { TrendbookRemarkOptions } from './context.ts';
import { trendbookRemarkPlugins } from './index.ts';

/** Options of the report pipeline. */
export interface ReportProcessorOptions extends TrendbookRemarkOptions {
  /** Throw a ReportError at the end of a file with problems (default: `true`, as the build does). The check collects them instead. */
  failOnProblems?: boolean | undefined;
}

/**
 * The Markdown settings of a report: GitHub-flavoured Markdown, SmartyPants typography and Trendbook's plugins.
 * @param options Project root, site settings and whether problems end the file.
 */
export function reportMarkdownSettings(options: ReportProcessorOptions): {
  gfm: true;
  smartypants: true;
  remarkPlugins: PluggableList;
} {
  const { failOnProblems = true, ...plugins } = options;
  return { gfm: true, smartypants: true, remarkPlugins: trendbookRemarkPlugins(plugins, failOnProblems) };
}

/**
 * The pipeline as a unified processor: Markdown in, the page's HTML out, with the file's charts, stats and
 * problems on the vfile (`file.data.trendbookCharts`, `file.data.trendbookStats`, `file.messages`).
 * @param options Project root, site settings and whether problems end the file.
 */
export function createReportProcessor(options: ReportProcessorOptions) {
  const settings = reportMarkdownSettings(options);
  return unified()
    .use(remarkParse)
    .use(settings.gfm ? [remarkGfm] : [])
    .use(settings.smartypants ? [remarkSmartypants] : [])
    .use(settings.remarkPlugins)
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: [] })
    .use(rehypeHeadingIds)
    .use(rehypeRaw)
    .use(rehypeStringify, { allowDangerousHtml: true });
}

/**
 * The pipeline as Astro's `markdown.processor` (astro.config.mjs): Astro's own unified renderer with the same settings.
 * @param options Project root and site settings (problems always end the file in a build).
 */
export function astroReportProcessor(options: TrendbookRemarkOptions) {
  const { remarkPlugins, ...settings } = reportMarkdownSettings({ ...options, failOnProblems: true });
  // Astro types remark plugins more narrowly than unified does.
  return astroUnified({ ...settings, remarkPlugins: remarkPlugins as RemarkPlugins });
}
