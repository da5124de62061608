/**
 * Builds that go wrong part-way (G2, G3, G4 in tests/checklist/README.md): stopped by a signal,
 * left behind by npm when only npm is stopped, killed alone or with their whole
 * process group like a CI timeout, met by a second build of the same output, or
 * writing to a full or read-only disk. Each time the previous output stays byte
 * for byte as it was, and no process, staging folder, lock or half-written file
 * is left behind.
 *
 * Nothing here races a build: a test meets it at a known point, either a folder
 * it has made or the point where it holds the lock and waits (the test-only
 * TRENDBOOK_TEST_HOLD hook).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCommandLine, readParentPid } from '../../src/lib/build/watch-parent.ts';
import { describeWriteError, findWriteError } from '../../src/lib/build/write-errors.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SITE = join(ROOT, 'tests/fixtures/site');
const temp = mkdtempSync(join(tmpdir(), 'trendbook-faults-'));
const mounts: string[] = [];
// Each started build leads its own process group; one a failed test left running is stopped with it.
const groups: number[] = [];
afterAll(() => {
  for (const group of groups) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  for (const mount of mounts) spawnSync('umount', [mount]);
  rmSync(temp, { recursive: true, force: true });
});

type Started = ChildProcess & { output: () => string };

function collect(child: ChildProcess): Started {
  let output = '';
  groups.push(child.pid!);
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

function startBuild(out: string, env: NodeJS.ProcessEnv = {}): Started {
  return collect(
    spawn(process.execPath, [join(ROOT, 'scripts/build.ts')], {
      cwd: ROOT,
      env: { ...process.env, TRENDBOOK_SITE: SITE, TRENDBOOK_OUT: out, ...env },
      detached: true,
    }),
  );
}

/** `npm run build` as a user types it; npm_execpath is npm's own script when the tests run under npm. */
function startNpmBuild(out: string, env: NodeJS.ProcessEnv = {}): Started {
  const npm = process.env.npm_execpath;
  const [command, args] = npm ? [process.execPath, [npm, 'run', 'build']] : ['npm', ['run', 'build']];
  return collect(
    spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, TRENDBOOK_SITE: SITE, TRENDBOOK_OUT: out, ...env },
      detached: true,
    }),
  );
}

function buildSync(out: string) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    env: { ...process.env, TRENDBOOK_SITE: SITE, TRENDBOOK_OUT: out },
    encoding: 'utf8',
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );

/** Where Astro writes a build's pages before they are moved beside the output. */
const astroOut = (pid: number) => join(ROOT, 'node_modules/.cache/trendbook/builds', String(pid));

/** Waits until `found` returns something, polling; fails after a minute. */
async function until<T>(what: string, found: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const result = found();
    if (result !== undefined && result !== false) return result;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Waited a minute for ${what}.`);
}

/** Waits until Astro is writing the build's pages. */
const untilAstroWrites = (pid: number) =>
  until('the build to start writing its staging folder', () => existsSync(astroOut(pid)));

/** Waits until a build started with TRENDBOOK_TEST_HOLD=<hold> holds the lock; returns its pid. */
const untilHeld = (hold: string) =>
  until(
    'the build to hold the lock',
    () =>
      existsSync(hold) && Number(readFileSync(hold, 'utf8').trim()) > 0 && Number(readFileSync(hold, 'utf8').trim()),
  );

/** Running processes (zombies excluded) whose /proc/<pid>/stat field `field` (3 = parent, 4 = process group) is `value`. */
function processesWith(field: 3 | 4, value: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return fields[0] !== 'Z' && Number(fields[field - 2]) === value;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Waits until none of these processes runs any more (a minute at most); returns those still running, with their command lines. */
async function survivors(pids: () => number[]): Promise<string[]> {
  const deadline = Date.now() + 60_000;
  while (pids().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return pids().map((pid) => `${pid}: ${readCommandLine(pid)?.join(' ')}`);
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

  it('by a second build of the same output, which stops at once naming the first and its lock (G4)', async () => {
    // The first build waits, holding the lock, until the second has given up: the second cannot wait for it.
    const hold = join(temp, 'hold-g4');
    const first = startBuild(out, { TRENDBOOK_TEST_HOLD: hold });
    expect(await untilHeld(hold)).toBe(first.pid);
    const lock = join(dirname(out), '.dist.lock');
    const since = readFileSync(lock, 'utf8').trim().split(' ')[1];
    const second = buildSync(out);
    expect(second.stderr).toBe(
      `${lock}: a build is already running (pid ${first.pid}, started ${since}) for ${out}/. Expected one build at a time per output folder, received a second. Wait for it to finish or stop it; if pid ${first.pid} is not a Trendbook build, delete ${lock}. [TB258]\n`,
    );
    expect(second.status).toBe(1);
    // The first goes on undisturbed, and the output is its alone (the same input gives the same bytes).
    rmSync(hold);
    expect(await exited(first)).toEqual({ code: 0, signal: null });
    expect(treeHash(out)).toBe(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('by SIGTERM sent to npm alone (not its process group), which the build notices and stops on', async () => {
    const folder = statSync(out).ino;
    // npm starts the build through a shell that outlives npm; the build waits holding the lock until it notices.
    const hold = join(temp, 'hold-npm');
    const npm = startNpmBuild(out, { TRENDBOOK_TEST_HOLD: hold });
    const npmExited = exited(npm);
    const build = await untilHeld(hold);
    process.kill(npm.pid!, 'SIGTERM');
    // Every process npm started (the shell, the build) is gone, without the hold ever being released.
    expect(await survivors(() => processesWith(4, npm.pid!))).toEqual([]);
    await npmExited;
    expect(npm.output()).toMatch(
      /Build stopped because the process that started it has exited; .+\/dist\/ is unchanged\.\n$/,
    );
    expect(existsSync(hold), 'the build stopped where it was held').toBe(true);
    rmSync(hold);
    expect(statSync(out).ino, 'the output folder was not replaced').toBe(folder);
    expect(treeHash(out)).toBe(before);
    expect(leftovers(out)).toEqual([]);
    expect(existsSync(astroOut(build))).toBe(false);
  });

  it('by SIGKILL of the build alone stops Astro too, before it finishes the pages', async () => {
    const build = startBuild(out);
    const astro = await until('Astro to start', () =>
      processesWith(3, build.pid!).find((pid) => readCommandLine(pid)?.some((arg) => arg.endsWith('astro.mjs'))),
    );
    // Astro is paused while the build dies, so it cannot get ahead of its watch on the build.
    process.kill(astro, 'SIGSTOP');
    process.kill(build.pid!, 'SIGKILL');
    expect(await exited(build)).toEqual({ code: null, signal: 'SIGKILL' });
    process.kill(astro, 'SIGCONT');
    expect(await survivors(() => (readParentPid(astro) === undefined ? [] : [astro]))).toEqual([]);
    expect(existsSync(join(astroOut(build.pid!), 'reports/creators/index.html')), 'Astro went on building').toBe(false);
    expect(treeHash(out)).toBe(before);
    // The build could not clean up: its lock stays until the next build, which takes it over (the next test).
    expect(leftovers(out)).toEqual(['.dist.lock']);
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

  it('waits while another build of the checkout (another site or folder) runs Astro, whose .astro/ folder they share, then builds', async () => {
    // A stand-in for that other build: a process whose command line names the build script holds the turn.
    const turn = join(ROOT, 'node_modules/.cache/trendbook/astro-turn.lock');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)', 'scripts/build.ts'], {
      stdio: 'ignore',
    });
    try {
      mkdirSync(dirname(turn), { recursive: true });
      writeFileSync(turn, `${other.pid}\n`);
      const build = startBuild(out);
      await until('the build to wait for its turn', () =>
        build
          .output()
          .includes(`Pages: waiting for another build of this checkout (pid ${other.pid}) to finish its pages`),
      );
      // It waits, and Astro has not started.
      expect(existsSync(astroOut(build.pid!))).toBe(false);
      other.kill('SIGKILL');
      expect(await exited(build)).toEqual({ code: 0, signal: null });
      // Its turn is over (a build running beside the suite may have taken the next one).
      expect(existsSync(turn) ? readFileSync(turn, 'utf8').trim() : 'free').not.toBe(String(build.pid));
      expect(treeHash(out)).toBe(before);
    } finally {
      other.kill('SIGKILL');
      rmSync(turn, { force: true });
    }
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
    const errors = result.stderr
      .split('\n')
      .filter((line) => !/: warning: |^\d+ warnings found\./.test(line))
      .join('\n');
    expect(errors).toMatch(
      new RegExp(
        `^Could not write ${disk}/\\.dist-staging-\\d+(/\\S*)?: no space left on the disk \\(ENOSPC\\)\\. Free some disk space, or set TRENDBOOK_OUT to a folder on a disk with room\\. \\[TB250\\] ${disk}/dist/ is unchanged\\.\\n$`,
      ),
    );
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
    expect(result.stderr).toBe(
      `Could not write ${disk}/.dist.lock: the file system is read-only (EROFS). Set TRENDBOOK_OUT to a folder on a writable disk. [TB254] ${out}/ is unchanged.\n`,
    );
  });
});

describe('write errors', () => {
  it('name the path, the errno and what to do', () => {
    const error = Object.assign(new Error('EACCES: permission denied, open'), {
      code: 'EACCES',
      path: '/srv/site/dist/index.html',
    });
    expect(describeWriteError(error, '/srv/site')).toBe(
      'Could not write /srv/site/dist/index.html: permission denied (EACCES). Make the folder writable for this user, or set TRENDBOOK_OUT to a folder you own. [TB252]',
    );
    expect(describeWriteError(Object.assign(new Error('x'), { code: 'EDQUOT' }), '/srv/site')).toBe(
      'Could not write /srv/site: the disk quota is used up (EDQUOT). Free some space in your quota, or set TRENDBOOK_OUT to another disk. [TB251]',
    );
    expect(describeWriteError(new Error('something else'), '/srv/site')).toBeUndefined();
  });

  it('are found in Astro’s output', () => {
    expect(
      findWriteError("[ERROR] ENOSPC: no space left on device, write '/tmp/x/.dist-staging-12/charts/a.png'\n    at …"),
    ).toBe(
      'Could not write /tmp/x/.dist-staging-12/charts/a.png: no space left on the disk (ENOSPC). Free some disk space, or set TRENDBOOK_OUT to a folder on a disk with room. [TB250]',
    );
    expect(findWriteError('Error: something unrelated')).toBeUndefined();
  });
});
