/**
 * Runs `npm run build`'s script as a user would and measures it: wall time,
 * peak memory of the whole process tree (the build, Astro and their threads,
 * sampled from /proc every 100 ms), images drawn and the size of the output.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** One build's figures. */
export interface BuildRun {
  seconds: number;
  /** Peak resident memory of the build's process tree, in MB. */
  peakMb: number;
  pages: number;
  imagesDrawn: number;
  /** Of those, rasters (PNG). */
  rastersDrawn: number;
  imagesCached: number;
  /** Seconds the image stage took, when images were drawn. */
  imageSeconds: number;
  threads: number;
  outBytes: number;
}

/**
 * Builds a site.
 * @param projectRoot The Trendbook checkout.
 * @param env TRENDBOOK_SITE, TRENDBOOK_OUT, TRENDBOOK_CACHE.
 */
export async function measureBuild(projectRoot: string, env: Record<string, string>): Promise<BuildRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(projectRoot, 'scripts/build.ts')], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`Internal error: the benchmark site did not build (exit ${code}):\n${stderr}`);
  const summary = stdout.trim().split('\n').at(-1) ?? '';
  const images = /images: (\d+) drawn(?: \((\d+) PNG, \d+ SVG\))?(?: on (\d+) cores)?, (\d+) from cache/.exec(summary);
  const imageStage = /^Images: (\d+) of \1 drawn \((\d+\.\d) s\)$/m.exec(stdout);
  return {
    seconds,
    peakMb: peak / 1024,
    pages: Number(/and (\d+) pages?/.exec(summary)?.[1] ?? 0),
    imagesDrawn: Number(images?.[1] ?? 0),
    rastersDrawn: Number(images?.[2] ?? 0),
    imagesCached: Number(images?.[4] ?? 0),
    imageSeconds: Number(imageStage?.[2] ?? 0),
    threads: Number(images?.[3] ?? (Number(images?.[1] ?? 0) > 0 ? 1 : 0)),
    outBytes: folderBytes(env.TRENDBOOK_OUT!),
  };
}

/** Resident memory (KB) of a process and all its descendants. */
function treeRss(pid: number): number {
  try {
    const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    const children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
    return rss + children.reduce((total, child) => total + treeRss(child), 0);
  } catch {
    return 0;
  }
}

/** Total bytes of the files in a folder. */
function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}
