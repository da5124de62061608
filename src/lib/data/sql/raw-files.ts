/**
 * The files a query may read: everything under `data/raw/`, listed once with
 * what the query cache needs (size and modification stamp) and where each
 * symbolic link really leads. Paths in queries are matched against this list,
 * so a query never learns of a file elsewhere.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { linkedOutside } from '../../project-links.ts';

/** The folder a query may read, relative to the project root. */
export const RAW_DIR = 'data/raw';

/** One file under `data/raw/`. */
export interface RawFile {
  /** Path from the project root, with forward slashes (`data/raw/posts/year=2024/part-0.parquet`). */
  path: string;
  /** Size and modification time, for the cache key. */
  stamp: string;
  /** For a link that leads out of `data/raw/`: where it leads. */
  outside?: string | undefined;
}

/**
 * Every file under `<root>/data/raw/`, sorted by path. Folders are walked; a
 * link to a folder inside the project is followed once (a loop is not).
 * @param root The project root (absolute).
 */
export function listRawFiles(root: string): RawFile[] {
  const files: RawFile[] = [];
  const rawRoot = join(root, RAW_DIR);
  const walk = (folder: string, relativePath: string, depth: number) => {
    let entries: string[];
    try {
      entries = readdirSync(folder).sort();
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = join(folder, entry);
      const path = `${relativePath}/${entry}`;
      let stats: ReturnType<typeof lstatSync>;
      try {
        stats = lstatSync(full);
      } catch {
        continue;
      }
      if (stats.isSymbolicLink()) {
        const outside = linkedOutside(rawRoot, full);
        if (outside !== undefined) {
          files.push({ path, stamp: 'link', outside });
          continue;
        }
        try {
          stats = statSync(full);
        } catch {
          continue;
        }
      }
      if (stats.isDirectory()) {
        if (depth < 32) walk(full, path, depth + 1);
      } else if (stats.isFile()) {
        files.push({ path, stamp: `${stats.size}:${stats.mtimeMs}` });
      }
    }
  };
  walk(rawRoot, RAW_DIR, 0);
  return files;
}

/**
 * A glob of DuckDB's kind (`*` within a folder, `**` across folders, `?`, `[…]`) as a regular expression.
 * @param pattern The path pattern, with forward slashes.
 */
function globPattern(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      // `**/` matches no folder or any number of them.
      source += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) source += '\\[';
      else {
        const body = pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * The listed files a path or pattern names: the file itself, every file a glob
 * matches, or every file under a folder.
 * @param files The files under `data/raw/`.
 * @param path A normalised path under `data/raw/`.
 */
export function matchRawFiles(files: readonly RawFile[], path: string): RawFile[] {
  const trimmed = path.replace(/\/+$/, '');
  if (/[*?[]/.test(trimmed)) {
    const pattern = globPattern(trimmed);
    return files.filter((file) => pattern.test(file.path));
  }
  return files.filter((file) => file.path === trimmed || file.path.startsWith(`${trimmed}/`));
}
