/**
 * Expected files ("goldens") for every suite that compares output with a
 * file in the repository. `UPDATE=1 npm test` rewrites them (review the diff
 * before committing it); without UPDATE, and always under CI, nothing is
 * written and a missing or different file fails the test.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/** True when this run may rewrite expected files: UPDATE=1 and not under CI. */
const UPDATE = process.env.UPDATE === '1' && !process.env.CI;

/** What else `expectFile` checks. */
export interface ExpectFileOptions {
  /** Expected files of the other outcome (say error.txt when output.html is written): they must not exist. */
  stale?: string[];
  /** Said when the text differs, e.g. the command that rewrites a generated file. */
  message?: string;
}

/**
 * Compares `actual` with the file at `path`; under UPDATE writes it first and removes the `stale` files.
 * `actual` undefined means the file must not exist (under UPDATE it is removed).
 * @param path Absolute path of the expected file.
 * @param actual The text the code under test produced, or undefined when it produced none.
 * @param options Stale files of the other outcome and the message for a difference.
 */
export function expectFile(path: string, actual: string | undefined, options: ExpectFileOptions = {}): void {
  const stale = options.stale ?? [];
  if (UPDATE) {
    if (actual === undefined) rmSync(path, { force: true });
    else writeFileSync(path, actual);
    for (const file of stale) rmSync(file, { force: true });
  }
  for (const file of stale) expect(existsSync(file), `${file} should not exist for this case`).toBe(false);
  if (actual === undefined) {
    expect(existsSync(path), `${path} should not exist: run UPDATE=1 npm test, then review it`).toBe(false);
    return;
  }
  expect(existsSync(path), `${path} is missing: run UPDATE=1 npm test, then review it`).toBe(true);
  expect(actual, options.message ?? `${path} differs: run UPDATE=1 npm test, then review the diff`).toBe(
    readFileSync(path, 'utf8'),
  );
}
