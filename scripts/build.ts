/**
 * `npm run build`: checks every dataset and report (all problems at once),
 * builds into a staging folder, verifies it, then swaps it in for `dist/`, so a
 * failed build never leaves a half-built or empty site behind. Prints a
 * one-line summary. `--strict` (or TRENDBOOK_STRICT=1) fails on warnings too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, parse, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { checkProject } from '../src/lib/check/check-project.ts';
import { formatProblems, isWarning, ReportError } from '../src/lib/errors.ts';
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

// Step 1: refuse an output folder whose replacement would delete sources.
const guarded = [projectRoot, SITE_DIR, join(SITE_DIR, 'data'), join(SITE_DIR, 'content'), join(projectRoot, 'src'), homedir(), parse(OUT_DIR).root];
const unsafe = guarded.find((path) => OUT_DIR === path || path.startsWith(`${OUT_DIR}${sep}`));
if (unsafe) fail(`TRENDBOOK_OUT=${OUT_DIR}: the output folder would replace ${unsafe}, deleting source files. Expected a folder of its own such as dist/. Set TRENDBOOK_OUT to an empty or build-only folder.`);
// Any other folder is replaced only if a Trendbook build made it (it holds the marker) or it is empty.
const MARKER = '.trendbook-output';
const madeByBuild = (dir: string) => existsSync(join(dir, MARKER)) || (existsSync(join(dir, '_astro')) && existsSync(join(dir, 'index.html')));
if (existsSync(OUT_DIR) && readdirSync(OUT_DIR).length > 0 && !madeByBuild(OUT_DIR)) {
  fail(`TRENDBOOK_OUT=${OUT_DIR}: the folder exists and was not made by a Trendbook build, so replacing it could delete files. Expected an empty folder or an earlier build's output. Move its contents away, or choose another folder.`);
}

// Step 2: one build at a time per output folder.
const lock = join(dirname(OUT_DIR), `.${basename(OUT_DIR)}.lock`);
mkdirSync(dirname(OUT_DIR), { recursive: true });
try {
  writeFileSync(lock, `${process.pid} ${new Date().toISOString()}\n`, { flag: 'wx' });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  const [pid = '0', started = ''] = readFileSync(lock, 'utf8').trim().split(' ');
  if (isRunning(Number(pid))) fail(`A build is already running (pid ${pid}, started ${started}); its output folder is ${relative(process.cwd(), OUT_DIR) || '.'}/. Wait for it to finish, or stop it.`);
  writeFileSync(lock, `${process.pid} ${new Date().toISOString()}\n`);
}
process.on('exit', () => rmSync(lock, { force: true }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

// Step 3: repair a swap a killed build left half-done, then clear stale staging folders.
for (const entry of readdirSync(dirname(OUT_DIR))) {
  const path = join(dirname(OUT_DIR), entry);
  if (entry.startsWith(`.${basename(OUT_DIR)}-previous-`) && !existsSync(OUT_DIR)) renameSync(path, OUT_DIR);
  else if (entry.startsWith(`.${basename(OUT_DIR)}-staging-`) || entry.startsWith(`.${basename(OUT_DIR)}-previous-`)) rmSync(path, { recursive: true, force: true });
}

// Step 4: every problem in data and content, before anything is built.
let site;
try {
  site = (await import('../src/site.config.ts')).SITE;
} catch (error) {
  if (error instanceof ReportError) fail(`${error.message}\nBuild stopped; dist/ is unchanged.`);
  throw error;
}
const strict = process.argv.includes('--strict') || process.env.TRENDBOOK_STRICT === '1';
const check = await checkProject(SITE_DIR, site, strict);
if (check.problems.length > 0) fail(`${formatProblems(check.problems)}${check.problems.some(isWarning) ? ' --strict counts warnings as problems.' : ''}\nBuild stopped; dist/ is unchanged.`);
if (check.warnings.length > 0) console.error(`${formatProblems(check.warnings)} The build goes on; run it with --strict to fail on warnings.`);

// Step 5: Astro builds into the staging folder.
const astro = spawnSync(process.execPath, [astroBin, 'build', '--silent'], {
  cwd: projectRoot,
  env: { ...process.env, TRENDBOOK_OUT: staging, TRENDBOOK_SITE: SITE_DIR },
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (astro.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  fail(`astro build failed (exit ${astro.status ?? astro.signal}); dist/ is unchanged.`);
}

// Step 6: every chart the check found is a figure with a canvas in its page.
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

writeFileSync(join(staging, MARKER), 'Built by Trendbook: npm run build replaces this folder.\n');

// Step 7: swap the new site in (two renames; step 3 repairs a build killed between them).
if (existsSync(OUT_DIR)) renameSync(OUT_DIR, previous);
renameSync(staging, OUT_DIR);
rmSync(previous, { recursive: true, force: true });

// Step 8: one line for humans.
const pages = countFiles(OUT_DIR, (file) => file.endsWith('.html'));
const charts = published.reduce((total, report) => total + report.charts.length, 0);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const missing = check.missing.reduce((total, entry) => total + entry.cells, 0);
const missingNote = missing > 0 ? `; ${missing} missing ${missing === 1 ? 'value' : 'values'} in number columns, left as gaps (${check.missing.map((entry) => `${entry.dataset}: ${entry.cells}`).join(', ')})` : '';
console.log(
  `Built ${plural(published.length, 'report')}, ${plural(charts, 'chart')} and ${plural(pages, 'page')} from ${plural(check.datasets, 'dataset')} in ${seconds} s → ${relative(process.cwd(), OUT_DIR) || '.'}/${missingNote}`,
);

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

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
