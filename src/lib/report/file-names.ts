/**
 * The one rule for report file names, shared by the check and by Astro's
 * content loader: a report's file name is its address, so `content/reports/x.md`
 * is published at `/reports/x/`. A name is lowercase letters, digits and single
 * hyphens; anything else would be published under an address the author did
 * not write (Astro slugs `my report.md` to `my-report`), so it is refused. A
 * file whose name starts with `_` or `.` is skipped on purpose and listed.
 */
import { issue } from '../error-codes/define.ts';
import { TB170 } from '../error-codes/reports.ts';
import type { Issue } from '../errors.ts';

const REPORT_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a file in `content/reports/` is. */
export type ReportFile =
  | { kind: 'report'; slug: string }
  | { kind: 'skipped' }
  | { kind: 'misnamed'; slug: string; issue: Issue }
  | { kind: 'other' };

/**
 * The end of the check's and the build's summary line naming the files in
 * `content/reports/` that are not published, so none is left out without a word.
 * @param skipped Their paths (`content/reports/_draft.md`).
 * @returns `''` when nothing was skipped.
 */
export function skippedNote(skipped: readonly string[]): string {
  return skipped.length === 0
    ? ''
    : `; skipped ${skipped.join(', ')} (not published: a leading _ or . or a name not ending in .md)`;
}

/**
 * Sorts a file in `content/reports/` by the naming rule.
 * @param file The file name.
 * @returns A report and its address; a file that is not published (a leading `_` or `.`,
 *   or not Markdown), to be listed as skipped; a Markdown file whose name cannot be an
 *   address, with the problem and the name to use; or a hidden system file.
 */
export function classifyReportFile(file: string): ReportFile {
  const markdown = /\.(md|markdown)$/i.test(file);
  // Hidden files that are not Markdown (.DS_Store, .gitkeep) are the system's, not the author's.
  if (file.startsWith('.') && !markdown) return { kind: 'other' };
  if (file.startsWith('_') || file.startsWith('.') || !markdown) return { kind: 'skipped' };
  const stem = file.replace(/\.(md|markdown)$/i, '');
  if (file.endsWith('.md') && REPORT_NAME.test(stem)) return { kind: 'report', slug: stem };
  const suggested = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return { kind: 'misnamed', slug: stem, issue: issue(TB170, { file, suggested }) };
}
