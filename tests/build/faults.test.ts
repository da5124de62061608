/**
 * Builds that go wrong part-way (CHECKLIST G2, G3, G4): stopped by a signal,
 * killed with their whole process group like a CI timeout, met by a second
 * build of the same output, or writing to a full or read-only disk. Each time
 * the previous output stays byte for byte as it was, and no staging folder,
 * lock or half-written file is left behind.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWriteError, findWriteError } from '../../src/lib/build/write-errors.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SITE = join(ROOT, 'tests/fixtures/site');
const temp = mkdtempSync(join(tmpdir(), 'trendbook-faults-'));
const mounts: string[] = [];
afterAll(() => {
  for (const mount of mounts) spawnSync('umount', [mount]);
  rmSync(temp, { recursive: true, force: true });
});

function startBuild(out: string): ChildProcess & { output: () => string } {
  let output = '';
  const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    env: { ...process.env, TRENDBOOK_SITE: SITE, TRENDBOOK_OUT: out },
    detached: true,
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

function buildSync(out: string) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], { cwd: ROOT, env: { ...process.env, TRENDBOOK_SITE: SITE, TRENDBOOK_OUT: out }, encoding: 'utf8' });
}

const exited = (child: ChildProcess) => new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));

/** Where Astro writes a build's pages before they are moved beside the output. */
const astroOut = (pid: number) => join(ROOT, 'node_modules/.cache/trendbook/builds', String(pid));

/** Waits until Astro is writing the build's pages. */
async function untilAstroWrites(pid: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (existsSync(astroOut(pid))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The build never started writing its staging folder.');
}

/** One hash over every file's path and bytes. */
function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(file.slice(dir.length)).update(readFileSync(file));
  return hash.digest('hex');
}

/** The folder's entries besides the output itself. */
const leftovers = (out: string) => readdirSync(dirname(out)).filter((entry) => entry !== 'dist');

describe('a build stopped part-way', () => {
  const out = join(temp, 'signals', 'dist');
  let before = '';
  beforeAll(() => {
    mkdirSync(dirname(out), { recursive: true });
    expect(buildSync(out).status).toBe(0);
    before = treeHash(out);
  });

  it('by SIGTERM stops Astro, removes its staging folder and lock, and leaves the output alone', async () => {
    const build = startBuild(out);
    await untilAstroWrites(build.pid!);
    process.kill(build.pid!, 'SIGTERM');
    expect(await exited(build)).toEqual({ code: 143, signal: null });
    expect(build.output()).toContain('Build stopped by SIGTERM; ');
    expect(build.output()).toMatch(/\/dist\/ is unchanged\.\n$/);
    expect(treeHash(out)).toBe(before);
    expect(leftovers(out)).toEqual([]);
    expect(existsSync(astroOut(build.pid!))).toBe(false);
  });

  it('by Ctrl-C (SIGINT) stops the same way', async () => {
    const build = startBuild(out);
    await untilAstroWrites(build.pid!);
    process.kill(build.pid!, 'SIGINT');
    expect(await exited(build)).toEqual({ code: 130, signal: null });
    expect(build.output()).toMatch(/Build stopped by SIGINT; .+\/dist\/ is unchanged\.\n$/);
    expect(treeHash(out)).toBe(before);
    expect(leftovers(out)).toEqual([]);
    expect(existsSync(astroOut(build.pid!))).toBe(false);
  });

  it('by a second build of the same output, which stops at once naming the first (G4)', async () => {
    const first = startBuild(out);
    await untilAstroWrites(first.pid!);
    const started = performance.now();
    const second = buildSync(out);
    expect(performance.now() - started, 'the second build should stop at once').toBeLessThan(10_000);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`^A build is already running \\(pid ${first.pid}, started \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\); its output folder is .+/dist/\\. Wait for it to finish, or stop it\\.\\n$`));
    // The first goes on undisturbed, and the output is its alone (the same input gives the same bytes).
    expect(await exited(first)).toEqual({ code: 0, signal: null });
    expect(treeHash(out)).toBe(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('by SIGKILL of its process group leaves the output alone, and the next build clears what it left', async () => {
    const build = startBuild(out);
    await untilAstroWrites(build.pid!);
    process.kill(-build.pid!, 'SIGKILL');
    expect(await exited(build)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(treeHash(out)).toBe(before);
    // A killed build cannot clean up: its staging folder and lock stay until the next build.
    expect(leftovers(out)).toEqual(['.dist.lock']);
    expect(existsSync(astroOut(build.pid!))).toBe(true);
    const next = buildSync(out);
    expect(next.status).toBe(0);
    expect(leftovers(out)).toEqual([]);
    expect(existsSync(astroOut(build.pid!))).toBe(false);
    expect(treeHash(out)).toBe(before);
  });
});

// Full and read-only disks are real file systems mounted for the test (root only; CI runs as root).
const canMount = (() => {
  const probe = join(temp, 'probe');
  mkdirSync(probe);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]).status === 0;
  if (mounted) spawnSync('umount', [probe]);
  return mounted;
})();

describe.skipIf(!canMount)('a build on a disk that cannot take it', () => {
  it('stops on a full disk naming the path and ENOSPC, with no staging folder and the output unchanged', () => {
    const disk = join(temp, 'full');
    mkdirSync(disk);
    // Room for the previous output (about 2.5 MB) but not for a second copy being built beside it.
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', disk]).status).toBe(0);
    mounts.push(disk);
    const out = join(disk, 'dist');
    expect(buildSync(out).status).toBe(0);
    const before = treeHash(out);
    const result = buildSync(out);
    expect(result.status).toBe(1);
    // The fixture's hostile report prints its warnings first.
    const errors = result.stderr.split('\n').filter((line) => !/: warning: |^\d+ warnings found\./.test(line)).join('\n');
    expect(errors).toMatch(new RegExp(`^Could not write ${disk}/\\.dist-staging-\\d+(/\\S*)?: no space left on the disk \\(ENOSPC\\)\\. Free some disk space, or set TRENDBOOK_OUT to a folder on a disk with room\\. ${disk}/dist/ is unchanged\\.\\n$`));
    expect(treeHash(out)).toBe(before);
    expect(readdirSync(disk)).toEqual(['dist']);
  });

  it('stops on a read-only disk naming the path and EROFS', () => {
    const disk = join(temp, 'read-only');
    mkdirSync(disk);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', disk]).status).toBe(0);
    mounts.push(disk);
    const out = join(disk, 'dist');
    const result = buildSync(out);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`Could not write ${disk}/.dist.lock: the file system is read-only (EROFS). Set TRENDBOOK_OUT to a folder on a writable disk. ${out}/ is unchanged.\n`);
  });
});

describe('write errors', () => {
  it('name the path, the errno and what to do', () => {
    const error = Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES', path: '/srv/site/dist/index.html' });
    expect(describeWriteError(error, '/srv/site')).toBe('Could not write /srv/site/dist/index.html: permission denied (EACCES). Make the folder writable for this user, or set TRENDBOOK_OUT to a folder you own.');
    expect(describeWriteError(Object.assign(new Error('x'), { code: 'EDQUOT' }), '/srv/site')).toBe('Could not write /srv/site: the disk quota is used up (EDQUOT). Free some space in your quota, or set TRENDBOOK_OUT to another disk.');
    expect(describeWriteError(new Error('something else'), '/srv/site')).toBeUndefined();
  });

  it('are found in Astro’s output', () => {
    expect(findWriteError("[ERROR] ENOSPC: no space left on device, write '/tmp/x/.dist-staging-12/charts/a.png'\n    at …")).toBe(
      'Could not write /tmp/x/.dist-staging-12/charts/a.png: no space left on the disk (ENOSPC). Free some disk space, or set TRENDBOOK_OUT to a folder on a disk with room.',
    );
    expect(findWriteError('Error: something unrelated')).toBeUndefined();
  });
});
