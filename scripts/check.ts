/**
 * `npm run check`: validates data and content without building, reports every
 * problem at once, and exits non-zero when there is any. Warnings are printed
 * and let it pass, unless `--strict` (or TRENDBOOK_STRICT=1) is given.
 */
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { checkProject } from '../src/lib/check/check-project.ts';
import { formatProblems, isWarning, ReportError } from '../src/lib/errors.ts';
import { skippedNote } from '../src/lib/report/file-names.ts';

const started = performance.now();
const { SITE_DIR: root } = await import('../src/lib/project-paths.ts');
// public/ and src/ belong to the project, wherever TRENDBOOK_SITE points.
const projectRoot = dirname(dirname(fileURLToPath(import.meta.url)));
try {
  const { SITE } = await import('../src/site.config.ts');
  const strict = process.argv.includes('--strict') || process.env.TRENDBOOK_STRICT === '1';
  const result = await checkProject(root, SITE, strict, projectRoot);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.problems.length > 0) {
    console.error(
      `${formatProblems(result.problems)}${result.problems.some(isWarning) ? ' --strict counts warnings as problems.' : ''}`,
    );
    process.exit(1);
  }
  if (result.warnings.length > 0)
    console.error(`${formatProblems(result.warnings)} Run with --strict to fail on warnings.`);
  const charts = result.reports.reduce((total, report) => total + report.charts.length, 0);
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  console.log(
    `Checked ${plural(result.datasets, 'dataset')}, ${plural(result.reports.length, 'report')} and ${plural(charts, 'chart')} in ${seconds} s: no problems${result.warnings.length > 0 ? `, ${result.warnings.length === 1 ? '1 warning' : `${result.warnings.length} warnings`}` : ''}${skippedNote(result.skipped)}.`,
  );
} catch (error) {
  if (error instanceof ReportError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
