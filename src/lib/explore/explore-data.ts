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
import { problem } from '../error-codes/define.ts';
import { TB206 } from '../error-codes/project.ts';
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
 * bounded; that measures within 1% of compressing the file whole (a header
 * and a fresh dictionary per megabyte). Past the budget, measuring stops
 * and the rest is estimated from what each list (rows, row infos) took so far
 * (`exact: false`): a dataset of millions of rows costs the check a moment,
 * not the time to compress it all. Remembered per dataset.
 * @param dataset The dataset.
 */
export function exploreDataSize(dataset: Dataset): { bytes: number; exact: boolean } {
  const known = sizes.get(dataset);
  if (known !== undefined) return known;
  const measured: Record<Piece['list'], { bytes: number; items: number }> = {
    rows: { bytes: 0, items: 0 },
    info: { bytes: 0, items: 0 },
    frame: { bytes: 0, items: 0 },
  };
  let pending: { text: string; list: Piece['list']; items: number } = { text: '', list: 'frame', items: 0 };
  const flush = () => {
    if (pending.text !== '') {
      measured[pending.list].bytes += gzipSync(pending.text).length;
      measured[pending.list].items += pending.items;
    }
    pending = { ...pending, text: '', items: 0 };
  };
  const total = () => measured.rows.bytes + measured.info.bytes + measured.frame.bytes;
  let over = false;
  for (const piece of pieces(dataset)) {
    // Each list is compressed apart, so what it took so far says what all of it takes.
    if (piece.list !== pending.list) {
      flush();
      pending.list = piece.list;
    }
    pending.text += piece.text;
    pending.items += piece.items;
    if (pending.text.length >= 1024 * 1024) {
      flush();
      if (total() > EXPLORE_BUDGET_BYTES) {
        over = true;
        break;
      }
    }
  }
  flush();
  let size = { bytes: total(), exact: true };
  if (over) {
    const estimate = (list: 'rows' | 'info', items: readonly unknown[]) => {
      const { bytes, items: done } = measured[list];
      if (done === items.length) return bytes;
      // A list not reached yet: a first chunk of it stands for the rest.
      const sample =
        done > 0
          ? { bytes, items: done }
          : {
              bytes: gzipSync(JSON.stringify(items.slice(0, ROWS_PER_CHUNK))).length,
              items: Math.min(items.length, ROWS_PER_CHUNK),
            };
      return (sample.bytes * items.length) / sample.items;
    };
    size = {
      bytes: Math.round(measured.frame.bytes + estimate('rows', dataset.rows) + estimate('info', dataset.info)),
      exact: false,
    };
  }
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
  const { bytes, exact } = exploreDataSize(dataset);
  if (bytes <= budget) return undefined;
  const args = { name: dataset.name, rows: dataset.rows.length, bytes, budget, exact };
  return problem(TB206, args, { path: dataset.path, line: 1, column: 1 });
}

/** A piece of the JSON document: its text, which list it belongs to, and how many items of that list it holds. */
interface Piece {
  text: string;
  list: 'rows' | 'info' | 'frame';
  items: number;
}

/** The JSON document in pieces. */
function* pieces(dataset: Dataset): Generator<Piece> {
  const { name, path, metaPath, meta, columns, rows, info } = dataset;
  yield {
    text: `${JSON.stringify({ name, path, metaPath, meta, columns }).slice(0, -1)},"rows":[`,
    list: 'frame',
    items: 0,
  };
  yield* listPieces(rows, 'rows');
  yield { text: '],"info":[', list: 'frame', items: 0 };
  yield* listPieces(info, 'info');
  yield { text: ']}', list: 'frame', items: 0 };
}

/** Items of a list as JSON, without the brackets, a chunk at a time, with the commas between chunks. */
function* listPieces(items: readonly unknown[], list: 'rows' | 'info'): Generator<Piece> {
  for (let start = 0; start < items.length; start += ROWS_PER_CHUNK) {
    const chunk = items.slice(start, start + ROWS_PER_CHUNK);
    yield { text: `${start > 0 ? ',' : ''}${JSON.stringify(chunk).slice(1, -1)}`, list, items: chunk.length };
  }
}
