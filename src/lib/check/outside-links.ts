/**
 * Finds symbolic links in the folders a build publishes or compiles that lead
 * out of the project. Astro copies `public/` and compiles `src/` following
 * links, and the content loader reads linked reports, so one link could
 * publish a file from anywhere on the machine (`public/hostname.txt` →
 * `/etc/hostname`). Links that stay inside the project are fine.
 */
import { lstatSync, readdirSync, readlinkSync, realpathSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import { problem } from '../error-codes/define.ts';
import { TB202, TB203 } from '../error-codes/project.ts';
import type { Problem } from '../errors.ts';
import { isInside, outsideLinkIssue } from '../project-links.ts';

/** One input folder and the project it must stay in. */
export interface InputFolder {
  /** The folder its links must not leave (absolute): the site folder for `data/` and `content/`, the project root for `public/` and `src/`. */
  root: string;
  /** The folder, relative to `root` (`public`); problems name paths relative to `root`. */
  folder: string;
}

/**
 * Lists every link under the folders that leaves its project, and every link
 * that cannot be followed (its target is missing, or links form a loop), since
 * the build would fail on it with a raw error or skip it without a word.
 * @param folders The input folders; a missing one has nothing to scan.
 */
export function findOutsideLinks(folders: readonly InputFolder[]): Problem[] {
  const problems: Problem[] = [];
  for (const { root, folder } of folders) {
    let realRoot: string;
    try {
      realRoot = realpathSync(root);
    } catch {
      continue;
    }
    // Real folders already walked: a link back up the tree is walked once, not forever.
    const walked = new Set<string>();
    const visit = (path: string): void => {
      const absolute = join(root, path);
      let stats: Stats;
      try {
        stats = lstatSync(absolute);
      } catch {
        return;
      }
      if (stats.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(absolute);
        } catch (error) {
          problems.push(unfollowable(path, folder, absolute, error));
          return;
        }
        if (!isInside(realRoot, target)) {
          problems.push({
            path,
            line: 1,
            column: 1,
            ...outsideLinkIssue(statSync(absolute).isDirectory() ? 'folder' : 'file', target, folder),
          });
          return;
        }
        // Inside the project, but what it leads to is published under this name: its links count too.
        if (statSync(absolute).isDirectory()) walk(path, target);
        return;
      }
      if (stats.isDirectory()) walk(path, realpathSync(absolute));
    };
    const walk = (path: string, real: string): void => {
      if (walked.has(real)) return;
      walked.add(real);
      let entries: string[];
      try {
        entries = readdirSync(join(root, path)).sort();
      } catch {
        return;
      }
      for (const entry of entries) visit(`${path}/${entry}`);
    };
    visit(folder);
  }
  return problems;
}

function unfollowable(path: string, folder: string, absolute: string, error: unknown): Problem {
  let written = '';
  try {
    written = readlinkSync(absolute);
  } catch {
    written = '';
  }
  const loop = (error as NodeJS.ErrnoException).code === 'ELOOP';
  return problem(loop ? TB203 : TB202, { written, folder }, { path, line: 1, column: 1 });
}
