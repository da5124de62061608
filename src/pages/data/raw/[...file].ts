/**
 * The raw files a query dataset reads, published at `/data/raw/<path>` only when
 * its sidecar says `publish_raw: true`; otherwise only the query's result is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedRawFiles, rawFileType } from '../../../lib/data/raw-downloads.ts';
import { SITE_DIR } from '../../../lib/project-paths.ts';
import { soundDatasets } from '../../../site/site-datasets.ts';

export const getStaticPaths = (() =>
  publishedRawFiles(soundDatasets()).map((input) => ({
    params: { file: input.slice('data/raw/'.length) },
    props: { input },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ input: string }> = ({ props }) =>
  new Response(readFileSync(join(SITE_DIR, props.input)), { headers: { 'Content-Type': rawFileType(props.input) } });
