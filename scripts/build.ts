/**
 * `npm run build`: checks every dataset and report (all problems at once),
 * builds into a staging folder, verifies it, then swaps it in for `dist/`, so a
 * failed build never leaves a half-built or empty site behind. Prints a
 * one-line summary.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { checkProject } from '../src/lib/check/check-project.ts';
import { formatProblems, ReportError } from '../src/lib/errors.ts';
import { OUT_DIR, SITE_DIR } from '../src/lib/project-paths.ts';

const started = performance.now();
const projectRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const astroBin = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
const staging = join(dirname(OUT_DIR), `.${basename(OUT_DIR)}-staging-${process.pid}`);
const previous = join(dirname(OUT_DIR), `.${basename(OUT_DIR)}-previous-${process.pid}`);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

// Step 1: stale staging folders from interrupted builds go first.
for (const entry of readdirSync(dirname(OUT_DIR))) {
  if (entry.startsWith(`.${basename(OUT_DIR)}-staging-`) || entry.startsWith(`.${basename(OUT_DIR)}-previous-`)) {
    rmSync(join(dirname(OUT_DIR), entry), { recursive: true, force: true });
  }
}

// Step 2: every problem in data and content, before anything is built.
let site;
try {
  site = (await import('../src/site.config.ts')).SITE;
} catch (error) {
  if (error instanceof ReportError) fail(`${error.message}\nBuild stopped; dist/ is unchanged.`);
  throw error;
}
const check = await checkProject(SITE_DIR, site);
if (check.problems.length > 0) fail(`${formatProblems(check.problems)}\nBuild stopped; dist/ is unchanged.`);

// Step 3: Astro builds into the staging folder.
const astro = spawnSync(process.execPath, [astroBin, 'build', '--silent'], {
  cwd: projectRoot,
  env: { ...process.env, TRENDBOOK_OUT: staging, TRENDBOOK_SITE: SITE_DIR },
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (astro.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  fail(`astro build failed (exit ${astro.status ?? astro.signal}); dist/ is unchanged.`);
}

// Step 4: every chart the check found is a figure with a canvas in its page.
const published = check.reports.filter((report) => !report.draft);
const missingCharts: string[] = [];
for (const report of published) {
  const page = join(staging, 'reports', report.slug, 'index.html');
  const html = existsSync(page) ? readFileSync(page, 'utf8') : '';
  for (const chart of report.charts) {
    const figure = new RegExp(`<figure class="chart" id="${chart.id}"[^>]*>[\\s\\S]*?<canvas`).test(html);
    if (!figure) missingCharts.push(`/reports/${report.slug}/#${chart.id}`);
  }
}
if (missingCharts.length > 0) {
  rmSync(staging, { recursive: true, force: true });
  fail(`Internal error: ${missingCharts.length} charts are missing from the built pages: ${missingCharts.join(', ')}. dist/ is unchanged.`);
}

// Step 5: swap the new site in.
if (existsSync(OUT_DIR)) renameSync(OUT_DIR, previous);
renameSync(staging, OUT_DIR);
rmSync(previous, { recursive: true, force: true });

// Step 6: one line for humans.
const pages = countFiles(OUT_DIR, (file) => file.endsWith('.html'));
const charts = published.reduce((total, report) => total + report.charts.length, 0);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const missing = check.missing.reduce((total, entry) => total + entry.cells, 0);
const missingNote = missing > 0 ? `; ${missing} missing ${missing === 1 ? 'value' : 'values'} in number columns, left as gaps (${check.missing.map((entry) => `${entry.dataset}: ${entry.cells}`).join(', ')})` : '';
console.log(
  `Built ${plural(published.length, 'report')}, ${plural(charts, 'chart')} and ${plural(pages, 'page')} from ${plural(check.datasets, 'dataset')} in ${seconds} s → ${relative(process.cwd(), OUT_DIR) || '.'}/${missingNote}`,
);

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function countFiles(dir: string, keep: (file: string) => boolean): number {
  let count = 0;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) count += countFiles(path, keep);
    else if (keep(entry)) count++;
  }
  return count;
}
