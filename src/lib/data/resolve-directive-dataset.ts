/**
 * The one way a report resolves the dataset a directive or a key figure names: the name is checked
 * first (a plain name of a file in data/), then the dataset is read with the site's limits.
 */
import type { Issue, Problem } from '../errors.ts';
import type { DatasetLimits } from './limits.ts';
import { type Dataset, datasetNameIssue, readDataset } from './load-dataset.ts';

/** A resolved dataset, or why there is none: a name that names no dataset, or the dataset's own problems. */
export type DirectiveDataset =
  | { dataset: Dataset; nameIssue?: undefined; problems?: undefined }
  | { dataset?: undefined; nameIssue: Issue; problems?: undefined }
  | { dataset?: undefined; nameIssue?: undefined; problems: Problem[] };

/**
 * Resolves the dataset a directive (or a key figure) names.
 * @param root The project root (absolute).
 * @param name The name as written.
 * @param writeAs How a suggested name is written (`dataset="tiers"` in a directive, `dataset: tiers` in YAML).
 * @param limits Dataset size limits (default: DEFAULT_LIMITS).
 */
export function resolveDirectiveDataset(
  root: string,
  name: string,
  writeAs: (name: string) => string,
  limits?: DatasetLimits,
): DirectiveDataset {
  const nameIssue = datasetNameIssue(root, name, writeAs);
  if (nameIssue) return { nameIssue };
  const { dataset, problems } = readDataset(root, name, limits);
  if (!dataset || problems.length > 0) return { problems };
  return { dataset };
}
