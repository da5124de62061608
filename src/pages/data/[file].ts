/**
 * Every dataset as files to download, regenerated at build time from the parsed
 * rows: `/data/<name>.csv` (spreadsheet-safe CSV), `/data/<name>.xlsx` (an Excel
 * workbook with a Sources sheet) and `/data/<name>.parquet` (typed columns for
 * data tools). The same data gives the same bytes on every build.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetCsv } from '../../lib/data/dataset-csv.ts';
import { DATASET_FILES, type DatasetFile } from '../../lib/data/downloads/dataset-files.ts';
import { datasetParquet } from '../../lib/data/downloads/dataset-parquet.ts';
import { datasetXlsx } from '../../lib/data/downloads/dataset-xlsx.ts';
import { type Dataset, listDatasets, loadDataset } from '../../lib/data/load-dataset.ts';
import { SITE_DIR } from '../../lib/project-paths.ts';
import { SITE } from '../../site.config.ts';

/** Each kind of file's writer. */
const WRITERS: Record<DatasetFile['extension'], (dataset: Dataset) => string | Promise<Uint8Array<ArrayBuffer>>> = {
  csv: datasetCsv,
  // A dataset without a licence of its own is under the site's, as the datasets page says.
  xlsx: (dataset) => datasetXlsx(dataset, { licence: SITE.licence?.name }),
  parquet: (dataset) => datasetParquet(dataset, { licence: SITE.licence?.name }),
};

export const getStaticPaths = (() =>
  listDatasets(SITE_DIR).flatMap((name) =>
    DATASET_FILES.map((file) => ({
      params: { file: `${name}.${file.extension}` },
      props: { name, file },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; file: DatasetFile }> = async ({ props }) => {
  const dataset = loadDataset(SITE_DIR, props.name, SITE.limits);
  const body = await WRITERS[props.file.extension](dataset);
  return new Response(body, { headers: { 'Content-Type': props.file.contentType } });
};
