/**
 * Who holds an output folder's build lock. The lock names a process id; after
 * a crash that id may be reused by any other program, and taking such a lock
 * for a running build would refuse every later build for as long as that
 * program runs.
 */
import { existsSync } from 'node:fs';
import { readCommandLine, readParentPid } from './watch-parent.ts';

/** `build`: a running Trendbook build; `other`: a running program that is not one; `gone`: no such process; `unknown`: running, but what it is cannot be read. */
export type LockHolder = 'build' | 'other' | 'gone' | 'unknown';

/**
 * Tells what the process a lock names is now.
 * @param pid The process id written in the lock.
 * @param procDir Where the process table is mounted (default: `/proc`).
 */
export function describeLockHolder(pid: number, procDir = '/proc'): LockHolder {
  if (!Number.isInteger(pid) || pid <= 0) return 'gone';
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, under another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return 'gone';
  }
  // Without a readable process table (macOS, a hardened /proc) a live process counts as a build: refusing is safe, taking over is not.
  if (!existsSync(`${procDir}/${process.pid}`)) return 'unknown';
  // A zombie has exited: only its exit status is left for a parent to collect.
  if (readParentPid(pid, procDir) === undefined) return existsSync(`${procDir}/${pid}`) ? 'gone' : 'unknown';
  const args = readCommandLine(pid, procDir);
  if (args === undefined) return 'unknown';
  return args.some(isBuildScript) ? 'build' : 'other';
}

/**
 * Whether a lock (or a build's working folder) named by this process id is stale: its
 * process is gone, or the id now belongs to another program. A build, or a process
 * that cannot be told apart from one, keeps it.
 * @param pid The process id written in the lock.
 */
export function isStaleHolder(pid: number): boolean {
  const holder = describeLockHolder(pid);
  return holder === 'gone' || holder === 'other';
}

/** Whether a command-line argument is this project's build script (`node scripts/build.ts`, as npm runs it, or an absolute path to it). */
function isBuildScript(arg: string): boolean {
  return arg === 'scripts/build.ts' || arg.endsWith('/scripts/build.ts');
}
