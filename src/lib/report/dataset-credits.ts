/**
 * The "Sources and notes" section that ends every report: each dataset the
 * report uses (by its charts, stats or key figures), its sources, licence and
 * notes, and how many of the values drawn are illustrative.
 */
import type { ChartSpec } from '../chart/chart-spec.ts';
import type { Dataset } from '../data/load-dataset.ts';
import type { Source } from '../data/metadata.ts';

/** One dataset's entry in the section. */
export interface DatasetCredit {
  name: string;
  title: string;
  description?: string | undefined;
  /** Sources the report's rows cite (all the dataset's sources when rows cite none). */
  sources: Source[];
  licence?: string | undefined;
  notes: string[];
  /** Illustrative values among the points this report's charts draw from the dataset. */
  illustrative: number;
  points: number;
  /** Charts of this report drawn from the dataset (ids and titles). */
  charts: { id: string; title: string }[];
}

/**
 * Lists the datasets a report uses, in order of first use.
 * @param names Dataset names in order of use (duplicates allowed).
 * @param charts The report's charts.
 * @param load Reads a dataset by name.
 */
export function creditDatasets(
  names: readonly string[],
  charts: readonly ChartSpec[],
  load: (name: string) => Dataset,
): DatasetCredit[] {
  return [...new Set(names)].map((name) => {
    const dataset = load(name);
    const own = charts.filter((chart) => chart.dataset.name === name);
    const cited = new Set(own.flatMap((chart) => chart.sources.map((source) => source.id)));
    const hasSourceColumn = dataset.columns.some((column) => column.name === 'source_id');
    const citedRows = hasSourceColumn
      ? new Set(dataset.rows.map((row) => row.source_id).filter((id): id is string => typeof id === 'string'))
      : undefined;
    const sources =
      own.length > 0 && hasSourceColumn
        ? dataset.meta.sources.filter((source) => cited.has(source.id))
        : dataset.meta.sources.filter((source) => !citedRows || citedRows.has(source.id));
    return {
      name,
      title: dataset.meta.title,
      description: dataset.meta.description,
      sources,
      licence: dataset.meta.licence,
      notes: dataset.meta.notes ?? [],
      illustrative: own.reduce((total, chart) => total + chart.counts.illustrative, 0),
      points: own.reduce((total, chart) => total + chart.counts.points, 0),
      charts: own.map((chart) => ({ id: chart.id, title: chart.title })),
    };
  });
}
