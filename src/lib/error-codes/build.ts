/**
 * Problems the build meets: the output folder, writing files, fonts (TB250–TB299).
 * Codes are permanent: never reuse or renumber one; retire a kind by leaving its code out.
 *
 * These messages have no line in a file: the output folder's guards are placed
 * at `TRENDBOOK_OUT=<folder>` or the lock file (line 0), and the write and font
 * errors print as the message alone.
 */
import type { ErrorCode } from '../errors.ts';
import { type AnyErrorKind, type ErrorKind, kind } from './define.ts';

/** What every write error's message needs: the path that could not be written. */
interface WriteArgs {
  path: string;
}

/** A write that failed with one errno: `Could not write <path>: <what> (<errno>). <fix>.` */
interface WriteFailure {
  errno: string;
  title: string;
  /** The errno in words, inside the message. */
  what: string;
  fix: string;
  /** When it happens, for docs/errors.md. */
  about: string;
}

/** The catalogue entry of a failed write. */
function writeError(code: ErrorCode, { errno, title, what, fix, about }: WriteFailure): ErrorKind<WriteArgs> {
  return kind(code, {
    title,
    about: `${about} The build stops before it replaces the output folder, which is left as it was.`,
    exampleAt: '',
    example: { path: '/srv/site/.dist-staging-4242/index.html' },
    message: ({ path }: WriteArgs) => ({ what: `Could not write ${path}: ${what} (${errno})`, fix }),
  });
}

const WRITABLE_FIX = 'Make the folder writable for this user, or set TRENDBOOK_OUT to a folder you own';

export const TB250 = /* @__PURE__ */ writeError('TB250', {
  errno: 'ENOSPC',
  title: 'No space left on the disk',
  what: 'no space left on the disk',
  fix: 'Free some disk space, or set TRENDBOOK_OUT to a folder on a disk with room',
  about: 'The disk the build writes to is full (ENOSPC).',
});

export const TB251 = /* @__PURE__ */ writeError('TB251', {
  errno: 'EDQUOT',
  title: 'Disk quota used up',
  what: 'the disk quota is used up',
  fix: 'Free some space in your quota, or set TRENDBOOK_OUT to another disk',
  about: 'Your share of the disk is used up (EDQUOT).',
});

export const TB252 = /* @__PURE__ */ writeError('TB252', {
  errno: 'EACCES',
  title: 'Permission denied',
  what: 'permission denied',
  fix: WRITABLE_FIX,
  about: 'This user may not write to the output folder or the folder beside it (EACCES).',
});

export const TB253 = /* @__PURE__ */ writeError('TB253', {
  errno: 'EPERM',
  title: 'Operation not permitted',
  what: 'the operation is not permitted',
  fix: WRITABLE_FIX,
  about:
    'The system refused to create, rename or delete a file (EPERM), ' +
    'often because the folder or file is locked or owned by another user.',
});

export const TB254 = /* @__PURE__ */ writeError('TB254', {
  errno: 'EROFS',
  title: 'Read-only file system',
  what: 'the file system is read-only',
  fix: 'Set TRENDBOOK_OUT to a folder on a writable disk',
  about: 'The output folder is on a disk mounted read-only (EROFS).',
});

export const TB255 = /* @__PURE__ */ kind('TB255', {
  title: 'Home folder "~" in TRENDBOOK_OUT',
  about:
    'TRENDBOOK_OUT starts with "~". Only a shell turns "~" into the home folder, and not when it is quoted or set ' +
    'in a CI file, so the build receives it as written and would build into a folder named "~".',
  exampleAt: 'TRENDBOOK_OUT=~/site',
  example: { written: '~/site' },
  message: ({ written }: { written: string }) => ({
    what: '"~" is not expanded to your home folder here, so this would build into a folder named "~"',
    expected: 'an absolute path or one relative to the project',
    fix: `Write the full path, for example TRENDBOOK_OUT=$HOME/${written.slice(2) || 'site'}`,
  }),
});

export const TB256 = /* @__PURE__ */ kind('TB256', {
  title: 'Output folder would replace sources',
  about:
    'The build replaces its output folder as a whole, so an output folder that is, or holds, the project, its ' +
    'data, content or src/, the home folder or the root of a disk would delete source files. ' +
    'The build refuses before it writes anything.',
  exampleAt: 'TRENDBOOK_OUT=/srv/site',
  example: { replaced: '/srv/site' },
  message: ({ replaced }: { replaced: string }) => ({
    what: `the output folder would replace ${replaced}, deleting source files`,
    expected: 'a folder of its own such as dist/',
    fix: 'Set TRENDBOOK_OUT to an empty or build-only folder',
  }),
});

export const TB257 = /* @__PURE__ */ kind('TB257', {
  title: 'Output folder not made by Trendbook',
  about:
    'The output folder exists, is not empty and has no marker file of an earlier Trendbook build. Replacing it ' +
    'could delete files that exist nowhere else (uploads beside an old site), so the build refuses.',
  exampleAt: 'TRENDBOOK_OUT=/srv/www',
  example: { marker: '.trendbook-output' },
  message: ({ marker }: { marker: string }) => ({
    what: `the folder exists and was not made by a Trendbook build (it has no ${marker} file), so replacing it could delete files`,
    expected: "an empty folder or an earlier build's output",
    fix: 'Move its contents away, or choose another folder',
  }),
});

export const TB258 = /* @__PURE__ */ kind('TB258', {
  title: 'Build already running',
  about:
    'Another build holds the lock beside the output folder. Two builds into one folder would replace each ' +
    "other's output halfway, so the second is refused. A lock whose process has ended, or now belongs to another " +
    'program, is taken over.',
  exampleAt: '.dist.lock',
  example: { pid: '4242', since: '2026-11-26T10:00:00.000Z', out: 'dist', lock: '.dist.lock' },
  message: ({ pid, since, out, lock }: { pid: string; since: string; out: string; lock: string }) => ({
    what: `a build is already running (pid ${pid}, started ${since}) for ${out}/`,
    expected: 'one build at a time per output folder',
    received: 'a second',
    fix: `Wait for it to finish or stop it; if pid ${pid} is not a Trendbook build, delete ${lock}`,
  }),
});

export const TB259 = /* @__PURE__ */ kind('TB259', {
  title: 'Astro build failed',
  about:
    'Astro stopped with an error after the check passed, so the pages could not be built. ' +
    'Its own messages are printed above this line; the output folder is left as it was.',
  exampleAt: '',
  example: { exit: 1 as number | null },
  message: ({ exit }: { exit: number | null }) => ({
    what: `astro build failed (exit ${exit})`,
    fix: "Astro's messages above say why; if they name no file of the project, report them as a bug in Trendbook",
  }),
});

export const TB260 = /* @__PURE__ */ kind('TB260', {
  title: 'Image font not installed',
  about:
    'A font package that chart images and social cards are drawn with is missing from node_modules, ' +
    'usually after an install that skipped dependencies.',
  exampleAt: '',
  example: { fontPackage: '@fontsource/inter', family: 'Inter' },
  message: ({ fontPackage, family }: { fontPackage: string; family: string }) => ({
    what: `${fontPackage} is not installed, so images cannot draw ${family}`,
    expected: 'it in node_modules (it is a dependency in package.json)',
    fix: 'Run npm ci',
  }),
});

/** Every kind of this area, by code. */
export const buildErrors = {
  TB250,
  TB251,
  TB252,
  TB253,
  TB254,
  TB255,
  TB256,
  TB257,
  TB258,
  TB259,
  TB260,
} satisfies Record<ErrorCode, AnyErrorKind>;
