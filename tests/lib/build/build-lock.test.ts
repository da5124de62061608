/**
 * A build lock names a process id. Only a running build keeps the lock; an id
 * that now belongs to another program (ids are reused after a crash) or to no
 * process leaves it stale, and what cannot be read counts as a build.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeLockHolder } from '../../../src/lib/build/build-lock.ts';
import { readParentPid, watchParent } from '../../../src/lib/build/watch-parent.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const temp = mkdtempSync(join(tmpdir(), 'trendbook-lock-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(temp, { recursive: true, force: true });
});

/** A process that idles for a minute with these extra arguments on its command line. */
async function idle(...args: string[]): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)', ...args], { stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  return child.pid!;
}

describe.skipIf(process.platform !== 'linux')('the holder of a build lock', () => {
  it('is a build when its command line runs scripts/build.ts', async () => {
    expect(describeLockHolder(await idle(join(ROOT, 'scripts/build.ts')))).toBe('build');
    expect(describeLockHolder(await idle('scripts/build.ts', '--strict'))).toBe('build');
  });

  it('is another program when the id was reused by one', async () => {
    expect(describeLockHolder(await idle())).toBe('other');
    expect(describeLockHolder(await idle('scripts/build.ts.bak'))).toBe('other');
  });

  it('is gone when no process has the id, or it has exited and waits to be collected', () => {
    expect(describeLockHolder(0)).toBe('gone');
    expect(describeLockHolder(Number.NaN)).toBe('gone');
    // Above the kernel's largest process id (2^22).
    expect(describeLockHolder(4_194_305)).toBe('gone');
    const proc = join(temp, 'zombie');
    mkdirSync(join(proc, String(process.pid)), { recursive: true });
    mkdirSync(join(proc, String(process.ppid)), { recursive: true });
    writeFileSync(join(proc, String(process.ppid), 'stat'), `${process.ppid} (node (x)) Z 1 1 1 0`);
    writeFileSync(join(proc, String(process.ppid), 'cmdline'), '');
    expect(describeLockHolder(process.ppid, proc)).toBe('gone');
  });

  it('counts as a build when the process table cannot be read, so a running build is never taken over', () => {
    expect(describeLockHolder(process.pid, join(temp, 'no-proc'))).toBe('unknown');
    const proc = join(temp, 'hidden');
    mkdirSync(join(proc, String(process.pid)), { recursive: true });
    expect(describeLockHolder(process.ppid, proc)).toBe('unknown');
  });
});

describe.skipIf(process.platform !== 'linux')('the parent of a process', () => {
  it('is read from the process table, names with spaces and brackets included', () => {
    expect(readParentPid(process.pid)).toBe(process.ppid);
    const proc = join(temp, 'names');
    mkdirSync(join(proc, '42'), { recursive: true });
    writeFileSync(join(proc, '42', 'stat'), '42 (a) b (c) S 7 42 42 0');
    expect(readParentPid(42, proc)).toBe(7);
    expect(readParentPid(43, proc)).toBeUndefined();
  });

  it('is not reported gone while it runs', async () => {
    let gone = false;
    const stop = watchParent(() => (gone = true), { intervalMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    stop();
    expect(gone).toBe(false);
  });

  it('is reported gone when the process was handed to another parent before it started watching', async () => {
    let gone = 0;
    // As if the parent that started this process had died before it looked: process.ppid already names another.
    watchParent(() => gone++, { parent: process.ppid + 1, intervalMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(gone).toBe(1);
  });
});
