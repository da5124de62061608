/**
 * A whole dataset as a spreadsheet-safe CSV download: every column and row as
 * read, numbers as numbers, missing values empty.
 */
import { writeCsv } from '../csv-write.ts';
import type { Dataset } from './load-dataset.ts';

/**
 * Builds the CSV text (with BOM) of a dataset.
 * @param dataset The dataset.
 */
export function datasetCsv(dataset: Dataset): string {
  const names = dataset.columns.map((column) => column.name);
  return writeCsv(
    names,
    dataset.rows.map((row) => names.map((name) => row[name] ?? null)),
  );
}
