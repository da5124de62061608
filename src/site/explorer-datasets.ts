/**
 * The explorer's catalog for pages and endpoints: every dataset with something
 * to measure, the one behind the newest report's first chart first (the
 * default view).
 */

import { listDatasets, loadDataset } from '../lib/data/load-dataset.ts';
import { type ExplorerDataset, explorerDataset } from '../lib/explore/explorer-datasets.ts';
import { SITE_DIR } from '../lib/project-paths.ts';
import { SITE } from '../site.config.ts';
import { getAllCharts } from './report-collection.ts';

/** The datasets on offer, default first. */
export async function explorerDatasets(): Promise<ExplorerDataset[]> {
  const tierOrder = SITE.tiers.map((tier) => tier.id);
  const entries = listDatasets(SITE_DIR).flatMap(
    (name) => explorerDataset(loadDataset(SITE_DIR, name, SITE.limits), tierOrder) ?? [],
  );
  const lead = (await getAllCharts())[0]?.spec.dataset.name;
  return [...entries.filter((entry) => entry.name === lead), ...entries.filter((entry) => entry.name !== lead)];
}
