/**
 * The rows the explorer fetches when a reader picks a dataset, and the budget
 * they must fit. A reader on a phone downloads the whole file, so a dataset
 * whose data is over the budget is left out of the explorer (the check warns
 * at the dataset and says how to offer it). Shipping aggregates instead would
 * mean choosing, for the reader, whether a measure is summed or averaged and
 * which filters still work: the author knows that, the build does not.
 */
import { gzipSync } from 'node:zlib';
import type { Dataset } from '../data/load-dataset.ts';
import type { Problem } from '../errors.ts';

/** Most bytes a dataset's explorer data may take gzip-compressed (what a CDN sends): 2 MB. */
export const EXPLORE_BUDGET_BYTES = 2 * 1024 * 1024;

/** Rows serialised at a time: a dataset of millions is never one string. */
const ROWS_PER_CHUNK = 20_000;

/**
 * The explorer's data for a dataset as pieces of one JSON document
 * (`{name, path, metaPath, meta, columns, rows, info}`), so it can be measured
 * and compressed without building a string of hundreds of megabytes.
 * @param dataset The dataset.
 */
export function* exploreDataChunks(dataset: Dataset): Generator<string> {
  for (const piece of pieces(dataset)) yield piece.text;
}

/**
 * The explorer's data for a dataset, as the JSON text served at `/explore/data/<name>.json`.
 * @param dataset The dataset (one that fits the budget: see `exploreDataSize`).
 */
export function exploreDataJson(dataset: Dataset): string {
  return [...exploreDataChunks(dataset)].join('');
}

const sizes = new WeakMap<Dataset, { bytes: number; exact: boolean }>();

/**
 * How many bytes the explorer's data for a dataset takes gzip-compressed.
 * Each piece of about a megabyte is compressed on its own, so memory stays
 * bounded; that measures slightly more than compressing the file whole (a
 * header and a fresh dictionary per megabyte, well under 1%), so a dataset
 * measured within the budget is within it. Past the budget, measuring stops
 * and the rest is estimated from the rows so far (`exact: false`): a dataset
 * of millions of rows costs the check a moment, not the time to compress it
 * all. Remembered per dataset.
 * @param dataset The dataset.
 */
export function exploreDataSize(dataset: Dataset): { bytes: number; exact: boolean } {
  const known = sizes.get(dataset);
  if (known !== undefined) return known;
  const items = dataset.rows.length + dataset.info.length;
  let bytes = 0;
  let done = 0;
  let pending = '';
  let size: { bytes: number; exact: boolean } | undefined;
  for (const piece of pieces(dataset)) {
    pending += piece.text;
    done += piece.items;
    if (pending.length >= 1024 * 1024) {
      bytes += gzipSync(pending).length;
      pending = '';
      if (bytes > EXPLORE_BUDGET_BYTES && done < items) {
        size = { bytes: Math.round((bytes * items) / done), exact: false };
        break;
      }
    }
  }
  if (pending !== '') bytes += gzipSync(pending).length;
  size ??= { bytes, exact: true };
  sizes.set(dataset, size);
  return size;
}

/**
 * Whether the explorer offers a dataset: its data fits the budget.
 * @param dataset The dataset.
 * @param budget Most gzip bytes (default: `EXPLORE_BUDGET_BYTES`).
 */
export function fitsExplorer(dataset: Dataset, budget = EXPLORE_BUDGET_BYTES): boolean {
  return exploreDataSize(dataset).bytes <= budget;
}

/**
 * The warning for a dataset the explorer leaves out, or undefined when it fits.
 * @param dataset The dataset.
 * @param budget Most gzip bytes (default: `EXPLORE_BUDGET_BYTES`).
 */
export function exploreBudgetProblem(dataset: Dataset, budget = EXPLORE_BUDGET_BYTES): Problem | undefined {
  const { bytes: size, exact } = exploreDataSize(dataset);
  if (size <= budget) return undefined;
  const about = exact ? '' : 'about ';
  const rows = dataset.rows.length.toLocaleString('en-US');
  return {
    path: dataset.path,
    line: 1,
    column: 1,
    severity: 'warning',
    what: `the explorer leaves out ${dataset.name}: its ${rows} rows are ${about}${megabytes(size)} to download gzip-compressed, too much for a reader on a phone who picks it (reports still chart it and cite it)`,
    expected: `at most ${megabytes(budget)} gzip per dataset`,
    received: `${about}${megabytes(size)} gzip`,
    fix: `To offer it in the explorer, publish a smaller dataset beside it for exploring, aggregated upstream to the points readers compare (for example one row per year and tier, from a DuckDB or warehouse query)`,
  };
}

/** The JSON document in pieces, each with the number of rows (or row infos) in it. */
function* pieces(dataset: Dataset): Generator<{ text: string; items: number }> {
  const { name, path, metaPath, meta, columns, rows, info } = dataset;
  yield { text: `${JSON.stringify({ name, path, metaPath, meta, columns }).slice(0, -1)},"rows":[`, items: 0 };
  yield* listPieces(rows);
  yield { text: '],"info":[', items: 0 };
  yield* listPieces(info);
  yield { text: ']}', items: 0 };
}

/** Items of a list as JSON, without the brackets, a chunk at a time, with the commas between chunks. */
function* listPieces(items: readonly unknown[]): Generator<{ text: string; items: number }> {
  for (let start = 0; start < items.length; start += ROWS_PER_CHUNK) {
    const chunk = items.slice(start, start + ROWS_PER_CHUNK);
    yield { text: `${start > 0 ? ',' : ''}${JSON.stringify(chunk).slice(1, -1)}`, items: chunk.length };
  }
}

function megabytes(bytes: number): string {
  // Number() drops a trailing ".0": the budget reads "2 MB".
  return bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toFixed(1))} MB` : `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;
}
