/**
 * `npm run build`: checks every dataset and report (all problems at once),
 * draws every image on all cores, builds into a staging folder, verifies it,
 * then swaps it in for `dist/`, so a failed, interrupted or out-of-space build
 * never leaves a half-built or empty site behind. Prints one line per long
 * stage and a one-line summary. `--strict` (or TRENDBOOK_STRICT=1) fails on
 * warnings too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, parse, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeLockHolder, isStaleHolder } from '../src/lib/build/build-lock.ts';
import { buildSearchIndex } from '../src/lib/build/search-index.ts';
import { verifyDownloads } from '../src/lib/build/verify-downloads.ts';
import { watchParent } from '../src/lib/build/watch-parent.ts';
import { describeWriteError, findWriteError } from '../src/lib/build/write-errors.ts';
import { checkProject } from '../src/lib/check/check-project.ts';
import { collectAllGarbage } from '../src/lib/collect-garbage.ts';
import { queryCounts } from '../src/lib/data/sql/query-cache.ts';
import { TB255, TB256, TB257, TB258, TB259 } from '../src/lib/error-codes/build.ts';
import { issue, problem } from '../src/lib/error-codes/define.ts';
import { formatIssue, formatProblem, formatProblems, isWarning, type Place, ReportError } from '../src/lib/errors.ts';
import { drawImages } from '../src/lib/images/draw-images.ts';
import { chartJobs, reportCardJob, siteCardJob, viewCardJob } from '../src/lib/images/image-jobs.ts';
import { IMAGE_CACHE_DIR, OUT_DIR, SITE_DIR } from '../src/lib/project-paths.ts';
import { skippedNote } from '../src/lib/report/file-names.ts';
import { writeRenderedReport } from '../src/lib/report/rendered-report.ts';
import { QUIET_ASTRO_ENV } from './lib/astro-env.ts';

const started = performance.now();
const projectRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const astroBin = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
// The output folder as messages name it: relative when it is inside the current folder.
const shown = (path: string) =>
  relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path) || '.';
const outName = shown(OUT_DIR);
// Astro builds inside the project: it moves files from its own working folder into the output with
// rename(), which fails across disks (EXDEV). The result is then moved or copied beside the output.
const buildsDir = join(projectRoot, 'node_modules', '.cache', 'trendbook', 'builds');
const astroOut = join(buildsDir, String(process.pid));
// The reports the check rendered, for Astro's pages (src/lib/report/rendered-report.ts).
const renderedDir = join(projectRoot, 'node_modules', '.cache', 'trendbook', 'rendered', String(process.pid));
// Whose turn it is to run Astro in this checkout (see takeAstroTurn).
const astroTurn = join(projectRoot, 'node_modules', '.cache', 'trendbook', 'astro-turn.lock');
const staging = join(dirname(OUT_DIR), `.${basename(OUT_DIR)}-staging-${process.pid}`);
const previous = join(dirname(OUT_DIR), `.${basename(OUT_DIR)}-previous-${process.pid}`);
const interactive = Boolean(process.stdout.isTTY) && !process.env.CI;
let astro: ChildProcess | undefined;
// `kill` sent to npm alone stops npm but not this process, which would go on and replace the output
// later: stop as on a hang-up when whoever started the build goes away (looked at from the first await on).
watchParent(() => stop('because the process that started it has exited', 129));

function fail(message: string): never {
  removeStaging();
  console.error(message);
  process.exit(1);
}

/** Runs a file operation; a full disk or a locked folder stops the build with the path and errno. */
function write<T>(path: string, operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    const described = describeWriteError(error, path);
    if (described) fail(`${described} ${outName}/ is unchanged.`);
    throw error;
  }
}

const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
// Where a refusal about a setting or a lock is: named, without a line (`TRENDBOOK_OUT=/srv: …`).
const at = (path: string): Place => ({ path, line: 0, column: 0 });

// Step 1: refuse an output folder whose replacement would delete sources.
const written = process.env.TRENDBOOK_OUT ?? '';
if (written.startsWith('~')) fail(formatProblem(problem(TB255, { written }, at(`TRENDBOOK_OUT=${written}`))));
const guarded = [
  projectRoot,
  SITE_DIR,
  join(SITE_DIR, 'data'),
  join(SITE_DIR, 'content'),
  join(projectRoot, 'src'),
  homedir(),
  parse(OUT_DIR).root,
];
const unsafe = guarded.find((path) => OUT_DIR === path || path.startsWith(`${OUT_DIR}${sep}`));
if (unsafe) fail(formatProblem(problem(TB256, { replaced: unsafe }, at(`TRENDBOOK_OUT=${OUT_DIR}`))));
// Any other folder is replaced only if it is empty or a Trendbook build made it, which every build's output
// records in the marker file. What it looks like proves nothing: any Astro site's output has _astro/ and
// index.html, and may sit beside uploads that exist nowhere else.
const MARKER = '.trendbook-output';
const replaceable = (dir: string) =>
  statSync(dir).isDirectory() && (readdirSync(dir).length === 0 || existsSync(join(dir, MARKER)));
if (existsSync(OUT_DIR) && !replaceable(OUT_DIR)) {
  fail(formatProblem(problem(TB257, { marker: MARKER }, at(`TRENDBOOK_OUT=${OUT_DIR}`))));
}

// Step 2: one build at a time per output folder.
const lock = join(dirname(OUT_DIR), `.${basename(OUT_DIR)}.lock`);
write(dirname(OUT_DIR), () => mkdirSync(dirname(OUT_DIR), { recursive: true }));
try {
  writeFileSync(lock, `${process.pid} ${new Date().toISOString()}\n`, { flag: 'wx' });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
    write(lock, () => {
      throw error;
    });
  const [pid = '0', since = ''] = readFileSync(lock, 'utf8').trim().split(' ');
  // A lock is stale once its process is gone or the id now belongs to another program; when what runs
  // under the id cannot be read, it is taken for a build (refusing is safe, a second build is not).
  const holder = describeLockHolder(Number(pid));
  if (holder === 'build' || holder === 'unknown') {
    fail(formatProblem(problem(TB258, { pid, since, out: outName, lock: shown(lock) }, at(shown(lock)))));
  }
  if (holder === 'other')
    console.error(
      `${shown(lock)}: taken over from pid ${pid} (started ${since}), which is now another program, not a build.`,
    );
  write(lock, () => writeFileSync(lock, `${process.pid} ${new Date().toISOString()}\n`));
}
process.on('exit', () => {
  rmSync(lock, { force: true });
  releaseAstroTurn();
});
// Ctrl-C, a CI timeout or `kill`: stop Astro, drop the staging folder, leave the output alone.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.on(signal, () => stop(`by ${signal}`, code));
}

// Test-only: TRENDBOOK_TEST_HOLD=<file> makes the build, once it holds the lock, write its pid to <file>
// and wait until the file is deleted, so tests meet the build at a known point instead of racing it.
const hold = process.env.TRENDBOOK_TEST_HOLD;
if (hold) {
  writeFileSync(hold, `${process.pid}\n`);
  while (existsSync(hold)) await new Promise((resolve) => setTimeout(resolve, 20));
}

// Step 3: repair a swap a killed build left half-done, then clear stale staging folders.
for (const entry of readdirSync(dirname(OUT_DIR))) {
  const path = join(dirname(OUT_DIR), entry);
  if (entry.startsWith(`.${basename(OUT_DIR)}-previous-`) && !existsSync(OUT_DIR))
    write(OUT_DIR, () => renameSync(path, OUT_DIR));
  else if (entry.startsWith(`.${basename(OUT_DIR)}-staging-`) || entry.startsWith(`.${basename(OUT_DIR)}-previous-`))
    rmSync(path, { recursive: true, force: true });
}
// Builds of other output folders may be running: only a dead build's folders are removed.
for (const dir of [buildsDir, dirname(renderedDir)]) {
  for (const pid of existsSync(dir) ? readdirSync(dir) : []) {
    if (isStaleHolder(Number(pid))) rmSync(join(dir, pid), { recursive: true, force: true });
  }
}

// Step 4: every problem in data and content, before anything is built.
let site: Awaited<typeof import('../src/site.config.ts')>['SITE'];
try {
  site = (await import('../src/site.config.ts')).SITE;
} catch (error) {
  if (error instanceof ReportError) fail(`${error.message}\nBuild stopped; ${outName}/ is unchanged.`);
  throw error;
}
const strict = process.argv.includes('--strict') || process.env.TRENDBOOK_STRICT === '1';
const check = await checkProject(SITE_DIR, site, strict, projectRoot, (slug, report) =>
  write(renderedDir, () => writeRenderedReport(renderedDir, slug, report)),
);
if (check.problems.length > 0)
  fail(
    `${formatProblems(check.problems)}${check.problems.some(isWarning) ? ' --strict counts warnings as problems.' : ''}\nBuild stopped; ${outName}/ is unchanged.`,
  );
if (check.warnings.length > 0)
  console.error(`${formatProblems(check.warnings)} The build goes on; run it with --strict to fail on warnings.`);
const published = check.reports.filter((report) => !report.draft);
// The check is where datasets are first read, so it runs every query dataset (or reads its kept result);
// Astro's pages read the same results from the cache afterwards.
const queries = queryCounts();

// Step 5: every image (figure drawings, cards, downloads), on every core, into the cache Astro's pages read.
const jobs = [
  ...published.flatMap((report) => report.charts.flatMap((spec) => chartJobs(report.slug, spec, site))),
  ...published.map((report) => reportCardJob(report, site)),
  siteCardJob(published[0], site),
  ...check.views.map((view) => viewCardJob(view, site)),
];
let lastReport = performance.now();
const images = await drawImages(jobs, IMAGE_CACHE_DIR, {
  threads: process.env.TRENDBOOK_THREADS ? Number(process.env.TRENDBOOK_THREADS) : undefined,
  onProgress(done, total, seconds) {
    const line = `Images: ${done} of ${total} drawn (${seconds.toFixed(1)} s)`;
    if (interactive) process.stdout.write(`\r${line}${done === total ? '\n' : ''}`);
    else if (done === total || performance.now() - lastReport > 5_000) {
      console.log(line);
      lastReport = performance.now();
    }
  },
});

// Step 6: Astro builds the pages into the staging folder, one build of this checkout at a time.
// What the check held is garbage now: given back before Astro starts, so the two processes do not add up.
collectAllGarbage();
await takeAstroTurn();
const isImage = (file: string) => file.endsWith('.png') || file.endsWith('.svg');
const cachedBefore = {
  png: countFiles(IMAGE_CACHE_DIR, (file) => file.endsWith('.png')),
  all: countFiles(IMAGE_CACHE_DIR, isImage),
};
const astroStarted = performance.now();
const astroResult = await new Promise<{ code: number | null; output: string }>((resolve) => {
  let output = '';
  // The preload stops Astro if this process is killed outright (SIGKILL cannot be caught here).
  astro = spawn(
    process.execPath,
    [
      '--import',
      pathToFileURL(join(projectRoot, 'src/lib/build/exit-with-parent.ts')).href,
      astroBin,
      'build',
      '--silent',
    ],
    {
      cwd: projectRoot,
      // A production build whatever the caller's environment says: vitest, for one, sets NODE_ENV=test and DEV=1.
      env: {
        ...withoutViteModeVariables(process.env),
        ...QUIET_ASTRO_ENV,
        NODE_ENV: 'production',
        TRENDBOOK_OUT: astroOut,
        TRENDBOOK_OUTPUT: OUT_DIR,
        TRENDBOOK_SITE: SITE_DIR,
        TRENDBOOK_RENDERED: renderedDir,
        TRENDBOOK_BUILD_PID: String(process.pid),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  astro.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  astro.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  astro.on('close', (code) => resolve({ code, output }));
});
astro = undefined;
releaseAstroTurn();
if (astroResult.code !== 0) {
  const astroFailed = `${astroResult.output.trimEnd()}\n${formatIssue(issue(TB259, { exit: astroResult.code }))}`;
  fail(`${findWriteError(astroResult.output) ?? astroFailed} ${outName}/ is unchanged.`);
}
if (astroResult.output.trim() !== '') process.stderr.write(astroResult.output);
const astroSeconds = (performance.now() - astroStarted) / 1000;
// Every image was drawn before Astro started; should an endpoint have drawn one, the summary counts it too.
const drawnByAstro = {
  png: countFiles(IMAGE_CACHE_DIR, (file) => file.endsWith('.png')) - cachedBefore.png,
  all: countFiles(IMAGE_CACHE_DIR, isImage) - cachedBefore.all,
};
if (!interactive && astroSeconds > 5) console.log(`Pages: built by Astro in ${astroSeconds.toFixed(1)} s`);

// Step 7: every chart the check found is a figure with a canvas in its page, and every download holds the chart's data.
// Meanwhile Pagefind's own process reads the same pages into the search index (pagefind/), on the other core.
const indexing = buildSearchIndex(astroOut).then(
  () => undefined,
  (error: unknown) => error,
);
const missingCharts: string[] = [];
for (const report of published) {
  const page = join(astroOut, 'reports', report.slug, 'index.html');
  const html = existsSync(page) ? readFileSync(page, 'utf8') : '';
  for (const chart of report.charts) {
    const figure = new RegExp(`<figure class="chart" id="${chart.id}"[^>]*>[\\s\\S]*?<canvas`).test(html);
    if (!figure) missingCharts.push(`/reports/${report.slug}/#${chart.id}`);
  }
}
if (missingCharts.length > 0)
  fail(
    `Internal error: ${missingCharts.length} charts are missing from the built pages: ${missingCharts.join(', ')}. ${outName}/ is unchanged.`,
  );
const badDownloads = verifyDownloads(astroOut, published);
if (badDownloads.length > 0)
  fail(
    `Internal error: ${badDownloads.length} downloads differ from their charts' data:\n${badDownloads.join('\n')}\n${outName}/ is unchanged.`,
  );

const indexFailed = await indexing;
if (indexFailed) throw indexFailed;

write(astroOut, () =>
  writeFileSync(join(astroOut, MARKER), 'Built by Trendbook: npm run build replaces this folder.\n'),
);
// Beside the output, so the swap below is a rename on one disk.
if (statSync(dirname(OUT_DIR)).dev === statSync(buildsDir).dev) write(staging, () => renameSync(astroOut, staging));
else write(staging, () => copyTree(astroOut, staging));
rmSync(astroOut, { recursive: true, force: true });
rmSync(renderedDir, { recursive: true, force: true });

// Step 8: swap the new site in (two renames; step 3 repairs a build killed between them).
if (existsSync(OUT_DIR)) write(OUT_DIR, () => renameSync(OUT_DIR, previous));
write(OUT_DIR, () => renameSync(staging, OUT_DIR));
rmSync(previous, { recursive: true, force: true });

// Step 9: one line for humans.
const pages = countFiles(OUT_DIR, (file) => file.endsWith('.html'));
const charts = published.reduce((total, report) => total + report.charts.length, 0);
const missing = check.missing.reduce((total, entry) => total + entry.cells, 0);
const missingNote =
  missing > 0
    ? `; ${missing} missing ${missing === 1 ? 'value' : 'values'} in number columns, left as gaps (${check.missing.map((entry) => `${entry.dataset}: ${entry.cells}`).join(', ')})`
    : '';
const drawn = images.drawn + drawnByAstro.all;
const rasters = images.rasters + drawnByAstro.png;
const kinds = drawn > 0 ? ` (${rasters} PNG, ${drawn - rasters} SVG)` : '';
const queryNote =
  queries.run + queries.fromCache > 0
    ? ` (${plural(queries.run, 'query', 'queries')} run, ${queries.fromCache} from cache)`
    : '';
const imageNote = `; images: ${drawn} drawn${kinds}${images.threads > 1 ? ` on ${images.threads} cores` : ''}, ${images.cached} from cache`;
console.log(
  `Built ${plural(published.length, 'report')}, ${plural(charts, 'chart')} and ${plural(pages, 'page')} from ${plural(check.datasets, 'dataset')}${queryNote} in ${elapsed()} → ${outName}/${imageNote}${missingNote}${skippedNote(check.skipped)}`,
);

/** Copies a folder file by file (cpSync reports a full disk as EIO, without the path). */
function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) copyTree(join(from, entry.name), join(to, entry.name));
    else copyFileSync(join(from, entry.name), join(to, entry.name));
  }
}

/** The environment without the variables Vite reads as import.meta.env (DEV, PROD, MODE, SSR, BASE_URL). */
function withoutViteModeVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const {
    DEV: _dev,
    PROD: _prod,
    MODE: _mode,
    SSR: _ssr,
    BASE_URL: _base,
    TRENDBOOK_SHOW_DRAFTS: _drafts,
    ...rest
  } = env;
  return rest;
}

/** Stops the build on a signal or when its parent goes: Astro is killed, staging dropped, the output left alone. */
function stop(why: string, code: number): never {
  astro?.kill('SIGKILL');
  removeStaging();
  console.error(`Build stopped ${why}; ${outName}/ is unchanged.`);
  process.exit(code);
}

function removeStaging(): void {
  rmSync(renderedDir, { recursive: true, force: true });
  rmSync(astroOut, { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
}

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

function countFiles(dir: string, keep: (file: string) => boolean): number {
  if (!existsSync(dir)) return 0;
  let count = 0;
  // Entry types come with the listing: no stat per file (a 1,000-report site has 20,000 of them).
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += countFiles(join(dir, entry.name), keep);
    else if (keep(entry.name)) count++;
  }
  return count;
}

/**
 * Astro writes `.astro/` in the checkout whatever its cache folder is set to, and the content
 * modules there list one site's reports: a build of another site, or of this one into another
 * folder, that ran Astro at the same moment could overwrite them and fail with an unknown
 * collection entry. So builds of one checkout take turns for the Astro step (the lock is written
 * whole with link(), so no build ever reads a half-written one), and wait rather than refuse.
 */
async function takeAstroTurn(): Promise<void> {
  const claim = `${astroTurn}.${process.pid}`;
  write(claim, () => {
    mkdirSync(dirname(astroTurn), { recursive: true });
    writeFileSync(claim, `${process.pid}\n`);
  });
  let waitingFor = NaN;
  try {
    for (;;) {
      try {
        linkSync(claim, astroTurn);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
          write(astroTurn, () => {
            throw error;
          });
      }
      const holder = Number(readFileSafely(astroTurn).trim());
      if (isStaleHolder(holder)) {
        rmSync(astroTurn, { force: true });
        continue;
      }
      // One line per build waited for, so a log shows who held the turn.
      if (holder !== waitingFor)
        console.log(`Pages: waiting for another build of this checkout (pid ${holder}) to finish its pages`);
      waitingFor = holder;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    rmSync(claim, { force: true });
  }
}

/** Lets the next build of this checkout run Astro (also on exit, however the build ends). */
function releaseAstroTurn(): void {
  if (readFileSafely(astroTurn).trim() === String(process.pid)) rmSync(astroTurn, { force: true });
}

function readFileSafely(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
