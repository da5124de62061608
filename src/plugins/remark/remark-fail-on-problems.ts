/**
 * Ends a file's processing with every problem the plugins before it recorded.
 *
 * Astro's content layer only logs an error thrown while rendering an entry and
 * goes on with an empty page; the build script therefore checks every report
 * before building (`npm run check`), and this plugin makes the Markdown
 * pipeline itself refuse a file with problems, so no page is built from one.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { formatProblem, isWarning, type Problem, ReportError } from '../../lib/errors.ts';
import { problemsOf } from './context.ts';

/**
 * The one fatal check at the end of the pipeline: throws a ReportError listing every problem the plugins
 * recorded on the file as vfile messages; warnings alone let it through (the check before the build prints them).
 */
export function remarkFailOnProblems() {
  return (_tree: Root, file: VFile) => {
    const problems = uniqueProblems(problemsOf(file).filter((problem) => !isWarning(problem)));
    if (problems.length > 0) throw new ReportError(problems);
  };
}

/** Drops repeats (a broken dataset used by two charts is reported once). */
export function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = formatProblem(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
