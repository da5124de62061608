/**
 * Every dataset as a CSV download at `/data/<name>.csv`, regenerated from the
 * parsed rows so it is spreadsheet-safe.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetCsv } from '../../lib/data/dataset-csv.ts';
import { listDatasets, loadDataset } from '../../lib/data/load-dataset.ts';
import { SITE_DIR } from '../../lib/project-paths.ts';
import { SITE } from '../../site.config.ts';

export const getStaticPaths = (() =>
  listDatasets(SITE_DIR).map((name) => ({
    params: { file: `${name}.csv` },
    props: { name },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string }> = ({ props }) =>
  new Response(datasetCsv(loadDataset(SITE_DIR, props.name, SITE.limits)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
