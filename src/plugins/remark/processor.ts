/**
 * The one Markdown pipeline for reports. The check (`npm run check`), the build and every test render a
 * report through `createReportProcessor()`: `npm run build` keeps what its check rendered and hands it to
 * Astro's pages (src/lib/report/rendered-report.ts), and `astro dev` renders a report with it when a page
 * asks for one (src/site/report-collection.ts). Astro's own Markdown renderer never sees a report.
 *
 * The stages are those of Astro's renderer (`createMarkdownProcessor` in `@astrojs/markdown-remark`), in its
 * order: remark-parse, remark-gfm, remark-smartypants, our plugins, remark-rehype (raw HTML allowed), heading
 * ids, rehype-raw, rehype-stringify. Its image stages (which only collect local image paths for Astro's
 * optimiser) are left out.
 */
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { type PluggableList, unified } from 'unified';
import type { VFile } from 'vfile';
import type { RenderedReport, ReportHeading } from '../../lib/report/rendered-report.ts';
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
 * What a processed report file holds for its pages: the HTML, headings, charts and stats.
 * @param file A file the report processor has run on.
 */
export function renderedReportOf(file: VFile): RenderedReport {
  const astro = file.data.astro as { headings?: ReportHeading[] } | undefined;
  return {
    html: String(file.value),
    headings: (astro?.headings ?? []).map(({ depth, slug, text }) => ({ depth, slug, text })),
    charts: file.data.trendbookCharts ?? [],
    stats: file.data.trendbookStats ?? [],
  };
}
