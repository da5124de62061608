/**
 * The content loader of the `reports` collection: every published-named Markdown file in
 * `content/reports/`, with its frontmatter read and validated by the same function as the
 * check's (the collection's schema, with positions in messages) and its body kept for rendering. It does not render
 * Markdown: `npm run build` hands Astro what its check rendered, and `astro dev` renders a
 * report when a page asks for it (report-collection.ts). So Astro's bundler never compiles
 * a thousand reports, and an edited CSV cannot meet a stale rendering in a content cache.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import { splitReport } from '../lib/check/frontmatter.ts';
import { isWarning, type Problem, ReportError } from '../lib/errors.ts';
import { classifyReportFile } from '../lib/report/file-names.ts';

/**
 * Loads the reports of a site.
 * @param root The site folder (holds `content/reports/`).
 */
export function reportLoader(root: string): Loader {
  const dir = join(root, 'content', 'reports');
  return {
    name: 'trendbook-reports',
    async load({ store, generateDigest, watcher }) {
      const sync = () => {
        const problems: Problem[] = [];
        const entries: Parameters<typeof store.set>[0][] = [];
        for (const file of readdirSync(dir).sort()) {
          const sorted = classifyReportFile(file);
          if (sorted.kind === 'skipped' || sorted.kind === 'other') continue;
          const path = relative(root, join(dir, file)).split('\\').join('/');
          if (sorted.kind === 'misnamed') {
            problems.push({ path, line: 1, column: 1, ...sorted.issue });
            continue;
          }
          const text = readFileSync(join(dir, file), 'utf8');
          const split = splitReport(text, path);
          problems.push(...split.problems.filter((problem) => !isWarning(problem)));
          if (!split.frontmatter) continue;
          entries.push({
            id: sorted.slug,
            data: split.frontmatter,
            // The frontmatter blanked out (newlines kept), so a rendering reports true line numbers.
            body: split.body,
            digest: generateDigest(text),
          });
        }
        // The build's check has already stopped on these; `astro dev` and a bare `astro build` stop here.
        if (problems.length > 0) throw new ReportError(problems);
        store.clear();
        for (const entry of entries) store.set(entry);
      };
      sync();
      watcher?.add(dir);
      watcher?.on('all', (_event, changed) => {
        if (changed.startsWith(dir)) sync();
      });
    },
  };
}
