/** One dataset's typed rows for the explorer, fetched when a reader picks it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDataset } from '../../../lib/data/load-dataset.ts';
import { exploreDataJson } from '../../../lib/explore/explore-data.ts';
import { explorerDataset } from '../../../lib/explore/explorer-datasets.ts';
import { SITE_DIR } from '../../../lib/project-paths.ts';
import { soundDatasets } from '../../../site/site-datasets.ts';
import { SITE } from '../../../site.config.ts';

export const getStaticPaths = (() =>
  soundDatasets()
    .filter((dataset) => explorerDataset(dataset, []) !== undefined)
    .map(({ name }) => ({ params: { name }, props: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string }> = ({ props }) => {
  return new Response(exploreDataJson(loadDataset(SITE_DIR, props.name, SITE.limits)), {
    headers: { 'Content-Type': 'application/json' },
  });
};
