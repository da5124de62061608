/**
 * The site's datasets for routes that list files (getStaticPaths), which must
 * not throw: a broken dataset is reported by the check, and by the report that
 * uses it with that report's own line and every problem of the dataset. A
 * throw while Astro collects paths would come first and hide the report's line.
 */
import { type Dataset, listDatasets, readDataset } from '../lib/data/load-dataset.ts';
import { SITE_DIR } from '../lib/project-paths.ts';
import { SITE } from '../site.config.ts';

/** Every dataset of the site that loads without problems, in name order. */
export function soundDatasets(): Dataset[] {
  return listDatasets(SITE_DIR).flatMap((name) => {
    const { dataset, problems } = readDataset(SITE_DIR, name, SITE.limits);
    return dataset && problems.length === 0 ? [dataset] : [];
  });
}
