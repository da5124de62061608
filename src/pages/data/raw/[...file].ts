/**
 * The raw files a query dataset reads, published at `/data/raw/<path>` only when
 * its sidecar says `publish_raw: true`; otherwise only the query's result is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { type Dataset, listDatasets, readDataset } from '../../../lib/data/load-dataset.ts';
import { publishedRawFiles, rawFileType } from '../../../lib/data/raw-downloads.ts';
import { SITE_DIR } from '../../../lib/project-paths.ts';
import { SITE } from '../../../site.config.ts';

/**
 * Only datasets without problems publish raw files. A broken dataset is not
 * thrown here: the report that uses it fails the build with its own line and
 * every problem of the dataset, which a throw from this route would hide.
 */
function soundDatasets(): Dataset[] {
  return listDatasets(SITE_DIR).flatMap((name) => {
    const { dataset, problems } = readDataset(SITE_DIR, name, SITE.limits);
    return dataset && problems.length === 0 ? [dataset] : [];
  });
}

export const getStaticPaths = (() =>
  publishedRawFiles(soundDatasets()).map((input) => ({
    params: { file: input.slice('data/raw/'.length) },
    props: { input },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ input: string }> = ({ props }) =>
  new Response(readFileSync(join(SITE_DIR, props.input)), { headers: { 'Content-Type': rawFileType(props.input) } });
