/**
 * The search index, built with Pagefind into `<site>/pagefind/` after the pages
 * are written: only what is marked `data-pagefind-body` (report articles, with
 * their chart titles) is indexed, and everything runs locally (no server).
 */
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';

/**
 * Indexes a built site.
 * @param outDir The built site.
 * @returns How many pages were indexed.
 */
export async function buildSearchIndex(outDir: string): Promise<number> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Internal error: the search index could not be created: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0)
      throw new Error(`Internal error: the search index could not read the site: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0)
      throw new Error(`Internal error: the search index could not be written: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await close();
  }
}
