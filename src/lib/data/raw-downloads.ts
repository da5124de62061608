/**
 * Which raw files a site publishes: the inputs of every query dataset whose
 * sidecar says `publish_raw: true`, each once, and the type each is served as.
 */
import type { Dataset } from './load-dataset.ts';

/**
 * The raw files to publish, sorted, each once.
 * @param datasets Every dataset of the site.
 */
export function publishedRawFiles(datasets: readonly Dataset[]): string[] {
  const inputs = new Set<string>();
  for (const dataset of datasets) {
    if (dataset.meta.publish_raw === true && dataset.query) for (const input of dataset.query.inputs) inputs.add(input);
  }
  return [...inputs].sort();
}

const TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  jsonl: 'application/x-ndjson',
  parquet: 'application/vnd.apache.parquet',
};

/**
 * The content type a raw file is served with, from its extension.
 * @param path The file's path.
 */
export function rawFileType(path: string): string {
  return TYPES[/\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}
