/**
 * The files every dataset is published as, beside the datasets page:
 * `/data/<name>.csv`, `/data/<name>.xlsx` and `/data/<name>.parquet`. The
 * route, the datasets page and each report's sources link them from here, so
 * they cannot drift apart.
 */

/** One kind of file: its extension, what readers call it, and the type a server sends it as. */
export interface DatasetFile {
  extension: 'csv' | 'xlsx' | 'parquet';
  /** The link's text: what a reader knows the format as. */
  label: string;
  contentType: string;
}

/** In the order they are offered: the plainest first. */
export const DATASET_FILES: readonly DatasetFile[] = [
  { extension: 'csv', label: 'CSV', contentType: 'text/csv; charset=utf-8' },
  {
    extension: 'xlsx',
    label: 'Excel',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  { extension: 'parquet', label: 'Parquet', contentType: 'application/vnd.apache.parquet' },
];

/**
 * Where a dataset's file is published: `/data/<name>.<extension>`.
 * @param name The dataset's name.
 * @param file The kind of file.
 */
export function datasetFilePath(name: string, file: DatasetFile): string {
  return `/data/${name}.${file.extension}`;
}

/**
 * The licence a downloaded file states: the dataset's own, else the site's (as
 * the datasets page says), else that none is stated.
 * @param datasetLicence The sidecar's `licence`.
 * @param siteLicence The site's licence name.
 */
export function downloadLicence(datasetLicence: string | undefined, siteLicence: string | undefined): string {
  return datasetLicence ?? siteLicence ?? 'Not stated (ask before reusing)';
}
