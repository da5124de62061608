/**
 * Validates a whole project without building it: every dataset, every
 * report's frontmatter, every directive and claim. The build runs this first,
 * so all problems are reported at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { problemsOf } from '../../plugins/remark/context.ts';
import { createReportProcessor, renderedReportOf } from '../../plugins/remark/processor.ts';
import { uniqueProblems } from '../../plugins/remark/remark-fail-on-problems.ts';
import type { ChartSpec } from '../chart/chart-spec.ts';
import { listDatasets, readDataset } from '../data/load-dataset.ts';
import { problem } from '../error-codes/define.ts';
import { TB204 } from '../error-codes/project.ts';
import { TB154 } from '../error-codes/reports.ts';
import { isWarning, type Problem } from '../errors.ts';
import { exploreBudgetProblem } from '../explore/explore-data.ts';
import { hasMeasures } from '../explore/explorer-datasets.ts';
import { type ExploreView, resolveViews } from '../explore/views.ts';
import type { CardReport } from '../images/image-jobs.ts';
import { cardOverflows } from '../og/render-card.ts';
import { classifyReportFile } from '../report/file-names.ts';
import { cardFigure, computeFigures } from '../report/key-figures.ts';
import { publishedReports } from '../report/published-reports.ts';
import type { RenderedReport } from '../report/rendered-report.ts';
import type { SiteConfig } from '../site-config.ts';
import { datasetBidiWarnings } from './bidi-fields.ts';
import { splitReport } from './frontmatter.ts';
import { findOutsideLinks } from './outside-links.ts';

/** What a check found. */
export interface CheckResult {
  /** What stops a build (in strict mode, warnings too). */
  problems: Problem[];
  /** What the build reports and goes on (raw HTML removed, an unsafe link target dropped). */
  warnings: Problem[];
  datasets: number;
  /** Every report, newest first, with what its social card shows (drafts included, marked). */
  reports: (CardReport & { draft: boolean; date: Date; charts: ChartSpec[] })[];
  /** Explorer views from the site config, resolved (their pages and cards are built). */
  views: ExploreView[];
  /** Missing cells per dataset, for the build summary. */
  missing: { dataset: string; cells: number }[];
  /** Files in content/reports/ that are not published (`_draft.md`, `.hidden.md`, `notes.txt`), for the summary. */
  skipped: string[];
}

/**
 * Checks every dataset and report under `root`.
 * @param root Absolute project root (holds `data/` and `content/reports/`).
 * @param config Site settings.
 * @param strict Count warnings as problems (`--strict`, for CI).
 * @param projectRoot Absolute folder holding `public/` and `src/` (default: `root`).
 * @param rendered Receives each report as the pipeline rendered it (the build hands it to Astro's pages).
 */
export async function checkProject(
  root: string,
  config: Pick<SiteConfig, 'tiers' | 'palette' | 'locale'> & Partial<Pick<SiteConfig, 'limits'>>,
  strict = false,
  projectRoot = root,
  rendered?: (slug: string, report: RenderedReport) => void,
): Promise<CheckResult> {
  const problems: Problem[] = [];

  // Step 0: no input folder links out of the project (what the build publishes or compiles).
  const links = findOutsideLinks([
    { root, folder: 'data' },
    { root, folder: 'content' },
    { root: projectRoot, folder: 'public' },
    { root: projectRoot, folder: 'src' },
  ]);
  problems.push(...links);

  // Step 1: datasets.
  const names = listDatasets(root);
  const missing: CheckResult['missing'] = [];
  for (const name of names) {
    const { dataset, problems: found } = readDataset(root, name, config.limits);
    for (const problem of found) problems.push(problem);
    if (dataset) {
      problems.push(...datasetBidiWarnings(root, dataset));
      // Gaps in numbers are what readers see in charts; empty text cells are not gaps.
      // Range bounds are often half-empty by design ("$10,000+"); the value column counts the gap.
      const bounds = new Set(
        dataset.columns.flatMap((column) => (column.range ? [column.range.low, column.range.high] : [])),
      );
      const cells = dataset.columns
        .filter((column) => column.type !== 'category' && !bounds.has(column.name))
        .reduce((total, column) => total + column.missing, 0);
      if (cells > 0) missing.push({ dataset: name, cells });
      // A dataset the explorer could offer but leaves out for its size: say so, and how to offer it.
      const tooBig = found.length === 0 && hasMeasures(dataset) ? exploreBudgetProblem(dataset) : undefined;
      if (tooBig) problems.push(tooBig);
    }
  }

  // Step 2: reports, through the same remark plugins as the build.
  const reportsDir = join(root, 'content', 'reports');
  let entries: string[] = [];
  try {
    entries = readdirSync(reportsDir).sort();
  } catch {
    entries = [];
  }
  // One naming rule with the content loader: a bad name fails here, at the file, with the name to use.
  const files: string[] = [];
  const skipped: string[] = [];
  for (const entry of entries) {
    const sorted = classifyReportFile(entry);
    if (sorted.kind === 'skipped') skipped.push(`content/reports/${entry}`);
    if (sorted.kind === 'misnamed')
      problems.push({ path: `content/reports/${entry}`, line: 1, column: 1, ...sorted.issue });
    if (sorted.kind === 'report' || sorted.kind === 'misnamed') files.push(entry);
  }
  // The build's pipeline (the same factory), collecting every problem instead of stopping at a file's first.
  // Figures get placeholders for their drawings: the build draws them on every core (fillDrawings() puts them in).
  const processor = createReportProcessor({ root, config, failOnProblems: false, drawings: 'later' });
  const reports: CheckResult['reports'] = [];
  for (const file of files) {
    const path = `content/reports/${file}`;
    // A report that links out of the project is not read at all; the scan above names it.
    if (links.some((link) => path === link.path || path.startsWith(`${link.path}/`))) continue;
    let text: string;
    try {
      text = readFileSync(join(reportsDir, file), 'utf8');
    } catch (error) {
      problems.push(problem(TB204, { errno: (error as NodeJS.ErrnoException).code }, { path, line: 1, column: 1 }));
      continue;
    }
    const split = splitReport(text, path);
    problems.push(...split.problems);
    let figure: CardReport['figure'];
    let figureIndex = 0;
    if (split.frontmatter) {
      const { figures, issues } = computeFigures(
        split.frontmatter.figures,
        root,
        config.locale,
        config.limits,
        config.tiers,
      );
      for (const { index, attribute, issue } of issues)
        problems.push({ path, ...split.locate(['figures', index, attribute]), ...issue });
      const shown = cardFigure(figures);
      if (shown) {
        figure = { value: shown.result.text, label: shown.label };
        figureIndex = shown.index;
      }
    }
    const vfile = new VFile({ value: split.body, path: join(reportsDir, file) });
    await processor.process(vfile);
    problems.push(...problemsOf(vfile));
    const charts = vfile.data.trendbookCharts ?? [];
    const slug = file.replace(/\.(md|markdown)$/i, '');
    rendered?.(slug, renderedReportOf(vfile));
    const { title = '', description = '', date = new Date(0), draft = false } = split.frontmatter ?? {};
    const cardTitle = split.frontmatter?.card_title;
    // The report's card gives each text its lines and never ends one in "…" in a strict build.
    if (split.frontmatter) {
      const titleField = cardTitle === undefined ? 'title' : 'card_title';
      const overflows = cardOverflows({ title: cardTitle ?? title, description, figure, chart: charts[0] });
      for (const { text, lines, max } of overflows) {
        const field = text === 'title' ? titleField : text === 'figureLabel' ? 'label' : 'description';
        const at =
          text === 'title'
            ? [titleField]
            : text === 'figureLabel'
              ? ['figures', figureIndex, 'label']
              : ['description'];
        problems.push(problem(TB154, { field, lines, max }, { path, ...split.locate(at) }));
      }
    }
    reports.push({
      slug,
      title,
      cardTitle,
      description,
      figure,
      chart: charts[0],
      date,
      draft,
      charts,
    });
  }
  // Step 3: explorer views named in content/views.yml.
  const resolved = resolveViews(config, root);
  problems.push(...resolved.problems);

  const found = uniqueProblems(problems);
  const warnings = found.filter(isWarning);
  // The site's order (newest first), so the build's pre-render knows which report leads the site card.
  const ordered = publishedReports(
    reports.map((report) => ({ id: report.slug, data: report })),
    true,
  ).map((entry) => entry.data);
  return {
    reports: ordered,
    problems: strict ? found : found.filter((problem) => !isWarning(problem)),
    warnings: strict ? [] : warnings,
    datasets: names.length,
    views: resolved.views,
    missing,
    skipped,
  };
}
