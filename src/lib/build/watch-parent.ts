/**
 * Notices that the process which started this one has gone. A signal sent to
 * `npm run build` alone stops npm, but not the build it started: the build is
 * handed to another parent and would go on to replace the output long after
 * whoever asked for it stopped waiting. Watching the parent closes that gap.
 */
import { readFileSync } from 'node:fs';

/**
 * The parent process id of `pid`, read from `/proc` (Linux).
 * @param pid The process to look up.
 * @param procDir Where the process table is mounted (default: `/proc`).
 * @returns The parent's id, or `undefined` when the process is gone, a zombie or unreadable.
 */
export function readParentPid(pid: number, procDir = '/proc'): number | undefined {
  try {
    // `pid (name) state ppid …`: the name may hold spaces and brackets, so read after the last ')'.
    const stat = readFileSync(`${procDir}/${pid}/stat`, 'utf8');
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return state === 'Z' || state === 'X' ? undefined : Number(ppid);
  } catch {
    return undefined;
  }
}

/**
 * The command line of `pid`, one entry per argument, read from `/proc` (Linux).
 * @param pid The process to look up.
 * @param procDir Where the process table is mounted (default: `/proc`).
 * @returns The arguments, or `undefined` when they cannot be read.
 */
export function readCommandLine(pid: number, procDir = '/proc'): string[] | undefined {
  try {
    return readFileSync(`${procDir}/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter((arg) => arg !== '');
  } catch {
    return undefined;
  }
}

/**
 * Calls `onGone` once, as soon as the process that started this one exits.
 * `npm run` starts a script through a shell (`sh -c "node …"`) that outlives
 * npm, so when the parent is such a shell, the shell's own parent is watched
 * too. The timer never keeps the process alive.
 * @param onGone Called when the parent (or the parent of a `-c` shell) has exited.
 * @param options.parent The parent's id as the parent knows it; a process that may start after its parent died
 *   cannot learn it from `process.ppid` (default: `process.ppid` now).
 * @param options.intervalMs How often to look (default: `250`).
 * @returns A function that stops watching.
 */
export function watchParent(
  onGone: () => void,
  { parent = process.ppid, intervalMs = 250 }: { parent?: number; intervalMs?: number } = {},
): () => void {
  // Without /proc (macOS) only the direct parent is watched.
  const grandparent = readCommandLine(parent)?.includes('-c') ? readParentPid(parent) : undefined;
  const timer = setInterval(() => {
    const gone = process.ppid !== parent || (grandparent !== undefined && readParentPid(parent) !== grandparent);
    if (!gone) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
