/**
 * Astro's CLI, as the project's scripts start it: no upgrade prompt in `npm run dev` and no
 * telemetry, for anyone who runs them (Astro's own `astro telemetry disable` holds for one user only).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts;

describe('Astro’s CLI in the project’s scripts', () => {
  it('starts Astro only through scripts/astro.ts', () => {
    const astroScripts = Object.entries(scripts).filter(([, command]) => /\bastro\b/.test(command));
    // dev, preview, typecheck (astro check) and the `astro` passthrough.
    expect(astroScripts.map(([name]) => name).sort()).toEqual(['astro', 'dev', 'preview', 'typecheck']);
    for (const [name, command] of astroScripts) {
      const starts = command.split('&&').map((part) => part.trim());
      expect(
        starts.filter((part) => /^astro\b/.test(part)),
        name,
      ).toEqual([]);
      expect(command, name).toMatch(/^node scripts\/astro\.ts(\s|$)/);
    }
  });

  it('runs the CLI with its update check and telemetry off', () => {
    // A preload that reports, as the CLI exits, what the CLI saw in its environment.
    const report = `data:text/javascript,process.on('exit',()=>console.error('ENV '+JSON.stringify({telemetry:process.env.ASTRO_TELEMETRY_DISABLED,updates:process.env.ASTRO_DISABLE_UPDATE_CHECK})))`;
    const { ASTRO_TELEMETRY_DISABLED: _telemetry, ASTRO_DISABLE_UPDATE_CHECK: _updates, ...env } = process.env;
    const run = spawnSync(process.execPath, ['--import', report, 'scripts/astro.ts', '--version'], {
      env,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\d+\.\d+\.\d+/);
    expect(/ENV (.*)/.exec(run.stderr)?.[1]).toBe(JSON.stringify({ telemetry: '1', updates: 'true' }));
  });
});
