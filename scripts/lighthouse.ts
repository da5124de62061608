/**
 * `npm run lighthouse`: a Lighthouse quality gate for a built site. Serves the
 * built folder (TRENDBOOK_OUT, or dist/) on 127.0.0.1 and runs Lighthouse's
 * default mobile audit on the home page, the newest report and its first chart
 * page, three times each, in a local Chromium (CHROMIUM_PATH, or
 * /usr/bin/chromium); nothing is downloaded. Fails when a category's median
 * score is under 0.95, and lists the audits that lost points so they can be
 * fixed. Medians, one run at a time: these machines are small and noisy.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { type LaunchedChrome, launch } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { serveStatic } from './lib/static-server.ts';

const RUNS = 3;
const MIN_SCORE = 0.95;
const CATEGORIES = [
  { id: 'performance', label: 'perf' },
  { id: 'accessibility', label: 'a11y' },
  { id: 'best-practices', label: 'bp' },
  { id: 'seo', label: 'seo' },
] as const;
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
/** Lighthouse score display modes that never cost points. */
const UNSCORED_MODES = new Set(['informative', 'notApplicable', 'manual', 'error']);
/** How many offending elements or resources to show per audit. */
const MAX_ITEMS = 5;

const projectRoot = dirname(dirname(fileURLToPath(import.meta.url)));

type CategoryId = (typeof CATEGORIES)[number]['id'];
interface PageResult {
  path: string;
  /** Median score per category. */
  medians: Record<CategoryId, number>;
  /** Per category, the run whose score was the median, to explain lost points. */
  medianRuns: Record<CategoryId, Result>;
}

/** Sorted names of the subfolders of `folder` that hold an index.html. */
function pageFolders(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
}

/** The paths to audit: the home page, the first report and that report's first chart page. */
function pagesToAudit(root: string): string[] {
  if (!existsSync(join(root, 'index.html')))
    throw new Error(
      `There is no built site in ${root}: run \`npm run build\` first, or set TRENDBOOK_OUT to the built folder.`,
    );
  // The home page leads with the newest report; fall back to the first report folder.
  const home = existsSync(join(root, 'index.html')) ? readFileSync(join(root, 'index.html'), 'utf8') : '';
  const report = /href="\/reports\/([^/"]+)\/"/.exec(home)?.[1] ?? pageFolders(join(root, 'reports'))[0];
  if (!report) throw new Error(`The built site in ${root} has no report page (reports/<slug>/index.html).`);
  const chart = pageFolders(join(root, 'reports', report, 'charts'))[0];
  if (!chart) throw new Error(`The report ${report} has no chart page (reports/${report}/charts/<id>/index.html).`);
  return ['/', `/reports/${report}/`, `/reports/${report}/charts/${chart}/`];
}

/** Runs Lighthouse once with its default (mobile) config on a page of the running Chrome. */
async function audit(url: string, chrome: LaunchedChrome): Promise<Result> {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: CATEGORIES.map((category) => category.id),
  });
  if (!result) throw new Error(`Lighthouse returned no result for ${url}.`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  return lhr;
}

/** A category's score in one run; a missing score (an audit that errored) counts as 0. */
function scoreOf(lhr: Result, category: CategoryId): number {
  return lhr.categories[category]?.score ?? 0;
}

/** The run whose score for `category` is the median of all runs. */
function medianRun(runs: Result[], category: CategoryId): Result {
  const sorted = [...runs].sort((a, b) => scoreOf(a, category) - scoreOf(b, category));
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Audits one page RUNS times and keeps the median per category. */
async function auditPage(baseUrl: string, path: string, chrome: LaunchedChrome): Promise<PageResult> {
  const runs: Result[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await audit(baseUrl + path, chrome));
  const medians = {} as Record<CategoryId, number>;
  const medianRuns = {} as Record<CategoryId, Result>;
  for (const { id } of CATEGORIES) {
    medianRuns[id] = medianRun(runs, id);
    medians[id] = scoreOf(medianRuns[id], id);
  }
  return { path, medians, medianRuns };
}

/** One table line: `path  perf 0.99  a11y 1.00  bp 1.00  seo 1.00`. */
function formatLine(page: PageResult, width: number): string {
  const scores = CATEGORIES.map(
    ({ id, label }) => `${label} ${page.medians[id].toFixed(2)}${page.medians[id] < MIN_SCORE ? ' ✗' : ''}`,
  );
  return `${page.path.padEnd(width)}  ${scores.join('  ')}`;
}

/** A short description of one offending element or resource from an audit's details. */
function describeItem(item: Record<string, unknown>): string | undefined {
  const node = item.node as { selector?: string; snippet?: string; nodeLabel?: string } | undefined;
  if (node?.selector || node?.snippet) return [node.selector, node.snippet].filter(Boolean).join('  ');
  const source = item.source as { url?: string; line?: number } | undefined;
  for (const value of [item.url, source?.url, item.label]) {
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

/** Offending elements or resources listed in an audit's details, if any. */
function describeItems(details: unknown): string[] {
  const items = (details as { items?: unknown[] } | undefined)?.items;
  if (!Array.isArray(items)) return [];
  return items
    .map((item) => (item && typeof item === 'object' ? describeItem(item as Record<string, unknown>) : undefined))
    .filter((text): text is string => Boolean(text))
    .slice(0, MAX_ITEMS);
}

/**
 * The audits of a category that lost points in a run: weighted audits scoring
 * under 1 and, because metric audits alone do not say what to fix, unweighted
 * audits (performance insights and diagnostics) that flag a problem.
 */
function lostPoints(lhr: Result, category: CategoryId): string[] {
  const lines: string[] = [];
  const refs = [...(lhr.categories[category]?.auditRefs ?? [])].sort((a, b) => b.weight - a.weight);
  for (const ref of refs) {
    const result = lhr.audits[ref.id];
    if (!result || UNSCORED_MODES.has(result.scoreDisplayMode)) continue;
    if (result.score === null || result.score >= 1) continue;
    if (ref.weight === 0 && result.score >= 0.9) continue;
    const value = result.displayValue ? `  ${result.displayValue}` : '';
    const weight = ref.weight > 0 ? `weight ${ref.weight}` : 'hint';
    lines.push(`    ${ref.id} (${weight}): ${result.title}  score ${result.score.toFixed(2)}${value}`);
    for (const item of describeItems(result.details)) lines.push(`      - ${item}`);
  }
  return lines;
}

/** Failure report lines for every category whose median is under the threshold. */
function failures(pages: PageResult[]): string[] {
  const lines: string[] = [];
  for (const page of pages) {
    for (const { id } of CATEGORIES) {
      if (page.medians[id] >= MIN_SCORE) continue;
      lines.push(
        `${page.path}: ${id} ${page.medians[id].toFixed(2)} is under ${MIN_SCORE} (audits from the median run):`,
      );
      lines.push(...lostPoints(page.medianRuns[id], id));
    }
  }
  return lines;
}

async function main(): Promise<number> {
  const root = resolve(process.env.TRENDBOOK_OUT ?? join(projectRoot, 'dist'));
  const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromePath)) throw new Error(`Chromium is not at ${chromePath}: install it, or set CHROMIUM_PATH.`);
  const paths = pagesToAudit(root);
  const started = performance.now();
  let server: Server | undefined;
  let chrome: LaunchedChrome | undefined;
  try {
    const served = await serveStatic(root);
    server = served.server;
    chrome = await launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'error' });
    console.log(`Lighthouse (mobile), median of ${RUNS} runs per page, minimum ${MIN_SCORE}:`);
    const width = Math.max(...paths.map((path) => path.length));
    const pages: PageResult[] = [];
    for (const path of paths) {
      const page = await auditPage(served.url, path, chrome);
      pages.push(page);
      console.log(formatLine(page, width));
    }
    console.log(`Took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    const problems = failures(pages);
    if (problems.length === 0) return 0;
    console.error(`\nLighthouse scores under ${MIN_SCORE}:`);
    for (const line of problems) console.error(line);
    return 1;
  } finally {
    chrome?.kill();
    server?.closeAllConnections();
    server?.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
