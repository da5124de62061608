/**
 * `npm run bench -- --baseline <git-ref>`: builds the same synthetic site with
 * another commit of Trendbook in the same run, alternating with this checkout,
 * so both meet the same machine load. These machines are shared and noisy: the
 * figures that mean something are medians, and the ratios between the two.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildRun, measureBuild } from './measure-build.ts';

/** A checkout of the baseline commit, with its own dependencies installed. */
export interface Baseline {
  ref: string;
  commit: string;
  root: string;
  remove: () => void;
}

/**
 * Checks the baseline commit out beside the run's temporary files and installs its dependencies (`npm ci`).
 * @param projectRoot This checkout (the git repository).
 * @param ref Any git ref: a commit, a tag, a branch.
 * @param temp The run's temporary folder.
 */
export function checkOutBaseline(projectRoot: string, ref: string, temp: string): Baseline {
  const commit = execFileSync('git', ['rev-parse', '--short', `${ref}^{commit}`], {
    cwd: projectRoot,
    encoding: 'utf8',
  }).trim();
  const root = join(temp, `baseline-${commit}`);
  execFileSync('git', ['worktree', 'add', '--detach', root, commit], { cwd: projectRoot, stdio: 'ignore' });
  const remove = () => {
    execFileSync('git', ['worktree', 'remove', '--force', root], { cwd: projectRoot, stdio: 'ignore' });
  };
  try {
    execFileSync('npm', ['ci', '--no-fund', '--no-audit'], { cwd: root, stdio: 'ignore' });
  } catch (error) {
    remove();
    throw error;
  }
  return { ref, commit, root, remove };
}

/** The middle value (the upper of the two middles for an even count). */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** Medians of both checkouts for one site, cold and warm, and their ratios (this checkout ÷ baseline). */
export interface Comparison {
  reports: number;
  baseline: { cold: number; warm: number };
  current: { cold: number; warm: number };
  ratio: { cold: number; warm: number };
}

/**
 * Builds one synthetic site with both checkouts, `rounds` times each, alternating (baseline cold, this cold,
 * baseline warm, this warm), each cold build with an empty image cache and a fresh output folder.
 * @param site The synthetic site's folder.
 * @param reports Its number of reports (for the table).
 * @param checkouts This checkout's root and the baseline's.
 * @param rounds How many times each build runs.
 * @param temp The run's temporary folder.
 */
export async function compareBuilds(
  site: string,
  reports: number,
  checkouts: { current: string; baseline: string },
  rounds: number,
  temp: string,
): Promise<Comparison> {
  const seconds = { baseline: { cold: [] as number[], warm: [] as number[] }, current: { cold: [], warm: [] } } as {
    baseline: { cold: number[]; warm: number[] };
    current: { cold: number[]; warm: number[] };
  };
  for (let round = 0; round < rounds; round++) {
    for (const phase of ['cold', 'warm'] as const) {
      for (const side of ['baseline', 'current'] as const) {
        const folder = join(temp, `compare-${reports}-${side}-${round}`);
        if (phase === 'cold') {
          rmSync(folder, { recursive: true, force: true });
          mkdirSync(folder, { recursive: true });
        }
        const run: BuildRun = await measureBuild(checkouts[side], {
          TRENDBOOK_SITE: site,
          TRENDBOOK_OUT: join(folder, 'dist'),
          TRENDBOOK_CACHE: join(folder, 'cache'),
        });
        seconds[side][phase].push(run.seconds);
      }
    }
  }
  const baseline = { cold: median(seconds.baseline.cold), warm: median(seconds.baseline.warm) };
  const current = { cold: median(seconds.current.cold), warm: median(seconds.current.warm) };
  return {
    reports,
    baseline,
    current,
    ratio: { cold: current.cold / baseline.cold, warm: current.warm / baseline.warm },
  };
}
