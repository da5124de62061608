/** One dataset's typed rows for the explorer, fetched when a reader picks it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { listDatasets, loadDataset } from '../../../lib/data/load-dataset.ts';
import { exploreDataJson } from '../../../lib/explore/explore-data.ts';
import { explorerDataset } from '../../../lib/explore/explorer-datasets.ts';
import { SITE_DIR } from '../../../lib/project-paths.ts';
import { SITE } from '../../../site.config.ts';

export const getStaticPaths = (() =>
  listDatasets(SITE_DIR)
    .filter((name) => explorerDataset(loadDataset(SITE_DIR, name, SITE.limits), []) !== undefined)
    .map((name) => ({ params: { name }, props: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string }> = ({ props }) => {
  return new Response(exploreDataJson(loadDataset(SITE_DIR, props.name, SITE.limits)), {
    headers: { 'Content-Type': 'application/json' },
  });
};
