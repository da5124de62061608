/**
 * What the remark plugins share: the project root, the site settings, and how
 * they record a problem on the file (as a vfile message carrying the Problem;
 * `remarkFailOnProblems` reports them together at the end).
 */
import { relative } from 'node:path';
import type {} from 'mdast-util-to-hast';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { type Issue, isWarning, type Problem } from '../../lib/errors.ts';
import type { SiteConfig } from '../../lib/site-config.ts';
import { basePath } from '../../lib/site-url.ts';

/** Options every Trendbook remark plugin takes. */
export interface TrendbookRemarkOptions {
  /** Absolute project root; `data/` is read from here (default: the current directory). */
  root?: string | undefined;
  /** Site settings: tiers, palette, locale, dataset limits (default: DEFAULT_LIMITS) and the site's URL, whose path prefixes every link (default: a site at the root of its host). */
  config: Pick<SiteConfig, 'tiers' | 'palette' | 'locale'> & Partial<Pick<SiteConfig, 'limits' | 'url'>>;
  /**
   * `'later'` leaves a placeholder where each figure's drawings go, for `fillDrawings()` (the check, whose
   * HTML the build keeps, draws none itself: the build draws them on every core). Default: drawn in place.
   */
  drawings?: 'later' | undefined;
}

/**
 * The path the site is published under, for links the plugins write.
 * @param options The plugins' options.
 */
export function siteBase(options: TrendbookRemarkOptions): string {
  return options.config.url === undefined ? '' : basePath(options.config.url);
}

declare module 'vfile' {
  interface DataMap {
    /** Charts built from this file, by id (used by pages, downloads and checks). */
    trendbookCharts: import('../../lib/chart/chart-spec.ts').ChartSpec[];
    /** Stats computed in this file, in order, without their rows' lines (the sources section lists their datasets). */
    trendbookStats: import('../../lib/stat/compute-stat.ts').PageStat[];
  }
}

/** The file's path relative to the root, with forward slashes. */
export function relativePath(file: VFile, root: string): string {
  return file.path ? relative(root, file.path).split('\\').join('/') : '(markdown)';
}

/** A vfile message from Trendbook's plugins: `ruleId` is the problem's code, and `problem` the whole of it. */
export interface ProblemMessage {
  /** The problem, with its project-relative path, line and column. */
  problem: Problem;
}

/**
 * Records a problem on the file as a vfile message (`source: 'trendbook'`, `ruleId`: its code).
 * @param file The file being processed.
 * @param problem The problem; its path may name another file (a dataset the report uses).
 */
export function addProblem(file: VFile, problem: Problem): void {
  const message = file.message(problem.what, {
    place: { line: problem.line, column: problem.column },
    ruleId: problem.code,
    source: 'trendbook',
  });
  // vfile calls an error `fatal: true` and a warning `fatal: false`; the file still runs to remarkFailOnProblems.
  message.fatal = !isWarning(problem);
  Object.assign(message, { problem } satisfies ProblemMessage);
}

/**
 * The problems Trendbook's plugins recorded on a file, in the order found.
 * @param file A processed file.
 */
export function problemsOf(file: VFile): Problem[] {
  return file.messages.flatMap((message) => {
    const { problem } = message as Partial<ProblemMessage>;
    return message.source === 'trendbook' && problem ? [problem] : [];
  });
}

/**
 * Records a problem at a node (or at an offset inside the node's source).
 * @param file The file being processed.
 * @param root Project root, for the relative path.
 * @param node The node the problem is about.
 * @param issue What is wrong.
 * @param offset Characters from the node's start where the problem is (default: 0).
 */
export function recordProblem(file: VFile, root: string, node: Node, issue: Issue, offset = 0): void {
  const start = node.position?.start ?? { line: 1, column: 1, offset: 0 };
  let { line, column } = start;
  if (offset > 0 && typeof file.value === 'string' && start.offset !== undefined) {
    const before = file.value.slice(start.offset, start.offset + offset);
    const breaks = before.split('\n');
    line += breaks.length - 1;
    column = breaks.length > 1 ? breaks.at(-1)!.length + 1 : column + offset;
  }
  addProblem(file, { path: relativePath(file, root), line, column, ...issue });
}

/** The Markdown source of a node, exactly as written. */
export function sourceOf(file: VFile, node: Node): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (typeof file.value !== 'string' || start === undefined || end === undefined) return '';
  return file.value.slice(start, end);
}
