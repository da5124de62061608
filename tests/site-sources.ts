/**
 * What the built sites must hold, read from their sources: the browser and build tests
 * compare the pages they find with these counts, so a selector that stops
 * matching fails a test instead of turning its loop into nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type {} from 'mdast-util-directive';
import { splitReport } from '../src/lib/check/frontmatter.ts';
import { createReportProcessor } from '../src/plugins/remark/processor.ts';
import { SITE } from '../src/site.config.ts';

/** A published report as its source describes it. */
export interface SourceReport {
  slug: string;
  tags: string[];
  /** `::chart` directives in its body (not those shown as code). */
  charts: number;
}

const ROOT = resolve(import.meta.dirname, '..');

/** The source folders of the served sites, in the order of `inject('sites')`: the example site, then the fixture site. */
export const SITE_DIRS = [ROOT, join(ROOT, 'tests/fixtures/site')] as const;

/**
 * The reports a production build publishes (drafts left out), by slug.
 * @param siteDir Folder holding `content/reports/`.
 */
export function publishedSources(siteDir: string): SourceReport[] {
  const dir = join(siteDir, 'content/reports');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .flatMap((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const { frontmatter, body } = splitReport(text, `content/reports/${file}`);
      if (!frontmatter) throw new Error(`content/reports/${file} has no valid frontmatter; run npm run check`);
      if (frontmatter.draft) return [];
      return [{ slug: file.slice(0, -3), tags: frontmatter.tags ?? [], charts: countCharts(body) }];
    });
}

/** Charts a body holds: `::chart` directives as Markdown reads them, so examples in code do not count. */
function countCharts(body: string): number {
  const tree = createReportProcessor({ config: SITE }).parse(body);
  return tree.children.filter((node) => node.type === 'leafDirective' && node.name === 'chart').length;
}
