/**
 * The chart of an explorer view: the request a `::chart` would make (toRequest), built by the report charts'
 * builder, then indexed to its first year when the view asks for change since the first year. The explorer
 * (in the browser) and named views (at build time) both draw with this, so a view's page, its social card and
 * the live explorer agree. No Node imports: this ships to the browser.
 */
import { type AttributeIssue, buildChartSpec, type ChartRequest } from '../chart/build-chart-spec.ts';
import type { ChartSpec } from '../chart/chart-spec.ts';
import { indexToFirst } from '../chart/index-to-first.ts';
import type { Dataset } from '../data/load-dataset.ts';
import type { SiteConfig } from '../site-config.ts';
import { type ExploreState, toRequest } from './explore-state.ts';
import type { ExplorerDataset } from './explorer-datasets.ts';

/**
 * Builds a view's chart, or lists why it cannot be drawn.
 * @param dataset The view's dataset, with its rows.
 * @param state The view.
 * @param entry Its dataset's catalog entry.
 * @param config Site settings: tiers, palette, locale.
 * @param names The chart's id and title, when not the explorer's own.
 */
export function exploreSpec(
  dataset: Dataset,
  state: ExploreState,
  entry: ExplorerDataset,
  config: Pick<SiteConfig, 'tiers' | 'palette' | 'locale'>,
  names: Partial<Pick<ChartRequest, 'id' | 'title'>> = {},
): { spec?: ChartSpec; issues: AttributeIssue[] } {
  const { spec, issues } = buildChartSpec(dataset, { ...toRequest(state, entry), ...names }, config);
  if (!spec || !state.index) return { ...(spec ? { spec } : {}), issues };
  return { spec: indexToFirst(spec, { log: state.scale === 'log' }), issues };
}
