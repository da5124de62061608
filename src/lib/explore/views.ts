/**
 * Explorer views named in `content/views.yml`, resolved at build time: each
 * query is read exactly as the explorer reads it, and drawn with the same
 * ChartSpec builder, so the page, its social card and the live explorer agree.
 * A query the explorer would change or could not draw is a problem at its line, and
 * so is a title that names other years than the chart plots.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ChartSpec } from '../chart/chart-spec.ts';
import { datasetNameIssue, isPlainDatasetName, listDatasets, readDataset } from '../data/load-dataset.ts';
import { TB024 } from '../error-codes/csv.ts';
import { TB057, TB058, TB059 } from '../error-codes/dataset-use.ts';
import { problem } from '../error-codes/define.ts';
import { TB207 } from '../error-codes/project.ts';
import type { Problem } from '../errors.ts';
import type { SiteConfig } from '../site-config.ts';
import { parseYamlWithSchema } from '../yaml-with-positions.ts';
import { exploreSpec } from './explore-spec.ts';
import { readState, writeState } from './explore-state.ts';
import { explorerDataset } from './explorer-datasets.ts';
import { titleYearsMismatch } from './title-years.ts';

/** A named view, ready to publish. */
export interface ExploreView {
  id: string;
  title: string;
  /** The query string as the explorer writes it. */
  query: string;
  spec: ChartSpec;
}

/** Where views are named, relative to the site folder. */
const VIEWS_PATH = 'content/views.yml';

const ViewsSchema = z.array(
  z.strictObject({
    id: z
      .string()
      .regex(
        /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
        'ids are lowercase letters, digits and single hyphens, like micro-vs-mega-cost',
      ),
    title: z.string().min(1).max(120),
    query: z.string().regex(/^\?/, 'expected the query string of an explorer link, starting with "?"').max(500),
  }),
);

/**
 * Resolves the views in `content/views.yml` (none when the file is absent).
 * @param config Site settings (tiers, palette, locale, limits).
 * @param root The site folder.
 */
export function resolveViews(
  config: Pick<SiteConfig, 'tiers' | 'palette' | 'locale'> & Partial<Pick<SiteConfig, 'limits'>>,
  root: string,
): { views: ExploreView[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const views: ExploreView[] = [];
  let text: string;
  try {
    text = readFileSync(join(root, VIEWS_PATH), 'utf8');
  } catch {
    return { views, problems };
  }
  const parsed = parseYamlWithSchema(text, {
    path: VIEWS_PATH,
    schema: ViewsSchema,
    subject: 'the views file',
    syntaxCode: TB024,
    schemaCode: TB057,
    empty: [],
  });
  if (parsed.value === undefined) return { views, problems: parsed.problems };
  const { locate } = parsed;
  const ids = new Map<string, number>();

  const tierOrder = config.tiers.map((tier) => tier.id);
  const datasets = new Map(
    listDatasets(root).flatMap((name) => {
      const { dataset } = readDataset(root, name, config.limits);
      return dataset ? [[name, dataset] as const] : [];
    }),
  );
  const catalog = [...datasets.values()].flatMap((dataset) => explorerDataset(dataset, tierOrder) ?? []);
  parsed.value.forEach((view, index) => {
    const at = { path: VIEWS_PATH, ...locate([index, 'query']) };
    if (ids.has(view.id)) {
      problems.push(
        problem(TB058, { id: view.id, other: ids.get(view.id)! + 1 }, { path: VIEWS_PATH, ...locate([index, 'id']) }),
      );
      return;
    }
    ids.set(view.id, index);
    // A path in place of a name gets the same message as in a report, not "no dataset; showing …".
    const named = new URLSearchParams(view.query).get('dataset');
    if (named !== null && !isPlainDatasetName(named)) {
      problems.push({ ...at, ...datasetNameIssue(root, named, (name) => `dataset=${name}`)! });
      return;
    }
    if (catalog.length === 0) return;
    const { state, notices } = readState(view.query, catalog);
    for (const notice of notices) {
      problems.push(problem(TB059, { notice, query: view.query }, at));
    }
    const entry = catalog.find((item) => item.name === state.dataset)!;
    const { spec, issues } = exploreSpec(datasets.get(state.dataset)!, state, entry, config, {
      id: view.id,
      title: view.title,
    });
    for (const issue of issues)
      problems.push({
        ...at,
        code: issue.code,
        what: issue.what,
        expected: issue.expected,
        received: issue.received,
        fix: issue.fix,
      });
    if (!spec || notices.length > 0) return;
    // The title is the page's heading and its card's: it may not name years the chart does not show.
    const mismatch = titleYearsMismatch(view.title, spec);
    if (mismatch) {
      const { named, plotted, suggestion } = mismatch;
      problems.push(
        problem(
          TB207,
          { named: named.text, first: plotted.first, last: plotted.last, suggestion },
          { path: VIEWS_PATH, ...locate([index, 'title']) },
        ),
      );
      return;
    }
    views.push({ id: view.id, title: view.title, query: `?${writeState(state, entry)}`, spec });
  });
  return { views, problems };
}
