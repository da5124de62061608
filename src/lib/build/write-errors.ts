/**
 * Turns a failed write (a full disk, a read-only or locked folder) into one
 * sentence that names the path, the errno and what to do (TB250–TB254).
 */

import { TB250, TB251, TB252, TB253, TB254 } from '../error-codes/build.ts';
import { issue } from '../error-codes/define.ts';
import { formatIssue } from '../errors.ts';

/** The catalogue's code for each errno a write can fail with. */
const WRITE_ERRORS = { ENOSPC: TB250, EDQUOT: TB251, EACCES: TB252, EPERM: TB253, EROFS: TB254 } as const;

type WriteErrno = keyof typeof WRITE_ERRORS;

const CODES = Object.keys(WRITE_ERRORS).join('|');

/**
 * Describes an error thrown by a file operation, or returns undefined when it is not a write error.
 * @param error What was thrown.
 * @param fallbackPath The path to name when the error does not carry one.
 */
export function describeWriteError(error: unknown, fallbackPath: string): string | undefined {
  // A failed copy carries the file it read as `path` and the one it wrote as `dest`.
  const { code, path, dest } = (error ?? {}) as NodeJS.ErrnoException & { dest?: string };
  return isWriteErrno(code) ? sentence(dest ?? path ?? fallbackPath, code) : undefined;
}

/**
 * Finds a write error in another program's output (Astro prints `ENOSPC: no space left on device, write '/path'`).
 * @param output The program's stderr and stdout.
 */
export function findWriteError(output: string): string | undefined {
  const match = new RegExp(`\\b(${CODES})\\b[^\\n]*?'([^'\\n]+)'`).exec(output);
  return match && isWriteErrno(match[1]) ? sentence(match[2]!, match[1]) : undefined;
}

function isWriteErrno(code: string | undefined): code is WriteErrno {
  return code !== undefined && Object.hasOwn(WRITE_ERRORS, code);
}

function sentence(path: string, errno: WriteErrno): string {
  return formatIssue(issue(WRITE_ERRORS[errno], { path }));
}
