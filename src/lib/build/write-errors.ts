/**
 * Turns a failed write (a full disk, a read-only or locked folder) into one
 * sentence that names the path, the errno and what to do.
 */

const WRITE_ERRORS: Record<string, { what: string; fix: string }> = {
  ENOSPC: { what: 'no space left on the disk', fix: 'Free some disk space, or set TRENDBOOK_OUT to a folder on a disk with room' },
  EDQUOT: { what: 'the disk quota is used up', fix: 'Free some space in your quota, or set TRENDBOOK_OUT to another disk' },
  EACCES: { what: 'permission denied', fix: 'Make the folder writable for this user, or set TRENDBOOK_OUT to a folder you own' },
  EPERM: { what: 'the operation is not permitted', fix: 'Make the folder writable for this user, or set TRENDBOOK_OUT to a folder you own' },
  EROFS: { what: 'the file system is read-only', fix: 'Set TRENDBOOK_OUT to a folder on a writable disk' },
};

const CODES = Object.keys(WRITE_ERRORS).join('|');

/**
 * Describes an error thrown by a file operation, or returns undefined when it is not a write error.
 * @param error What was thrown.
 * @param fallbackPath The path to name when the error does not carry one.
 */
export function describeWriteError(error: unknown, fallbackPath: string): string | undefined {
  // A failed copy carries the file it read as `path` and the one it wrote as `dest`.
  const { code, path, dest } = (error ?? {}) as NodeJS.ErrnoException & { dest?: string };
  const known = code ? WRITE_ERRORS[code] : undefined;
  return known ? sentence(dest ?? path ?? fallbackPath, code!, known) : undefined;
}

/**
 * Finds a write error in another program's output (Astro prints `ENOSPC: no space left on device, write '/path'`).
 * @param output The program's stderr and stdout.
 */
export function findWriteError(output: string): string | undefined {
  const match = new RegExp(`\\b(${CODES})\\b[^\\n]*?'([^'\\n]+)'`).exec(output);
  return match ? sentence(match[2]!, match[1]!, WRITE_ERRORS[match[1]!]!) : undefined;
}

function sentence(path: string, code: string, { what, fix }: { what: string; fix: string }): string {
  return `Could not write ${path}: ${what} (${code}). ${fix}.`;
}
