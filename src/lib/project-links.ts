/**
 * The one rule for symbolic links in the project's inputs: a link may point
 * anywhere inside the project, never outside it. A link out of the project
 * would publish or compile a file nobody reviewed with the project (a
 * credentials file on a CI that builds previews of pull requests).
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { issue } from './error-codes/define.ts';
import { TB201 } from './error-codes/project.ts';
import type { Issue } from './errors.ts';

/**
 * Where a path really leads when it, or a folder on its way, links outside `root`.
 * @param root The folder the path must stay in (absolute).
 * @param path The file or folder (absolute).
 * @returns The real target when it lies outside `root`; `undefined` when it stays inside or cannot be resolved.
 */
export function linkedOutside(root: string, path: string): string | undefined {
  try {
    const target = realpathSync(path);
    return isInside(realpathSync(root), target) ? undefined : target;
  } catch {
    return undefined;
  }
}

/**
 * Whether `path` is `root` or lies under it (both real, absolute paths).
 * @param root The folder.
 * @param path The path to test.
 */
export function isInside(root: string, path: string): boolean {
  const inside = relative(root, path);
  return inside === '' || (inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside));
}

/**
 * The problem with a link that leaves the project, worded the same wherever it is found.
 * @param kind Whether the link stands for a file or a folder.
 * @param target Where it really leads (absolute).
 * @param folder The input folder it is in (`data`, `public`, …), named in the fix.
 */
export function outsideLinkIssue(kind: 'file' | 'folder', target: string, folder: string): Issue {
  return issue(TB201, { kind, target, folder });
}
