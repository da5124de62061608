/**
 * The summary of each dataset that the datasets page (`/data/`) shows: its
 * description, columns, size, years, sources and licence, and which charts use it.
 */
import { extentOf } from '../extent.ts';
import type { Dataset } from './load-dataset.ts';

/** What the datasets page says about one dataset. */
export interface DatasetSummary {
  name: string;
  title: string;
  description?: string | undefined;
  licence?: string | undefined;
  notes: string[];
  rows: number;
  /** First and last year, when the dataset has a year column. */
  years?: [number, number] | undefined;
  columns: { name: string; label: string; type: string; unit?: string | undefined; description?: string | undefined }[];
  sources: { title: string; publisher?: string | undefined; year?: number | undefined; url?: string | undefined }[];
  /** For a query dataset: its SQL, how many raw files it reads, and those it publishes (`publish_raw`). */
  query?: { text: string; inputs: number; published: string[]; datasets: string[] } | undefined;
  /** Charts drawn from it, with their report. */
  usedBy: { reportTitle: string; reportPath: string; chartTitle: string; chartPath: string }[];
  /** Reports whose sentences quote its figures (`:stat`). */
  quotedIn: { reportTitle: string; reportPath: string }[];
}

/**
 * Summarises a dataset for the datasets page.
 * @param dataset The dataset.
 * @param usedBy Charts that draw it.
 * @param quotedIn Reports that quote it.
 */
export function datasetSummary(
  dataset: Dataset,
  usedBy: DatasetSummary['usedBy'],
  quotedIn: DatasetSummary['quotedIn'] = [],
): DatasetSummary {
  // Every year column counts: a table of first and last years spans from the one to the other.
  const yearColumns = dataset.columns.filter((column) => column.type === 'year').map((column) => column.name);
  const years = yearColumns.length > 0 ? extentOf(numbersIn(dataset, yearColumns)) : undefined;
  return {
    name: dataset.name,
    title: dataset.meta.title,
    description: dataset.meta.description,
    licence: dataset.meta.licence,
    notes: dataset.meta.notes ?? [],
    rows: dataset.rows.length,
    years,
    columns: dataset.columns.map((column) => ({
      name: column.name,
      label: column.label,
      type: column.type,
      unit: column.unit,
      description: dataset.meta.columns[column.name]?.description,
    })),
    sources: dataset.meta.sources.map(({ title, publisher, year: published, url }) => ({
      title,
      publisher,
      year: published,
      url,
    })),
    query: dataset.query && {
      text: dataset.query.text,
      inputs: dataset.query.inputs.length,
      published: dataset.meta.publish_raw === true ? dataset.query.inputs : [],
      datasets: dataset.query.datasets,
    },
    usedBy,
    quotedIn,
  };
}

/** The numbers in some columns, read one by one so a column of millions is never copied. */
function* numbersIn(dataset: Dataset, columns: readonly string[]): Generator<number> {
  for (const row of dataset.rows) {
    for (const column of columns) {
      const value = row[column];
      if (typeof value === 'number') yield value;
    }
  }
}
