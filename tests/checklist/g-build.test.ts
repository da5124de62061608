/**
 * Row G5 of tests/checklist/README.md (a dangerous output folder): `scripts/build.ts` refuses
 * TRENDBOOK_OUT set to the filesystem root, the home folder, the site's
 * content/ or data/ folder, or a parent of the site, before building anything.
 * The site is a temporary copy, so a broken guard could only touch the copy.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const temp = realpathSync(mkdtempSync(join(tmpdir(), 'trendbook-checklist-g5-')));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const site = join(temp, 'projects', 'site');
cpSync(join(ROOT, 'tests/fixtures/site'), site, { recursive: true });
const home = join(temp, 'home');
mkdirSync(home);
writeFileSync(join(home, '.profile'), 'keep me\n');

/** Runs the build with this output folder; returns exit status, stdout and stderr. */
function buildInto(out: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    env: { ...process.env, HOME: home, TRENDBOOK_SITE: site, TRENDBOOK_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The refusal build.ts prints for `out`, which would replace `guarded`. */
function refusal(out: string, guarded: string): string {
  return `TRENDBOOK_OUT=${out}: the output folder would replace ${guarded}, deleting source files. Expected a folder of its own such as dist/. Set TRENDBOOK_OUT to an empty or build-only folder. [TB256]\n`;
}

describe('G5: the output folder is never a folder that holds sources', () => {
  const cases: [name: string, out: string, guarded: string][] = [
    ['the filesystem root', '/', '/'],
    ['the home folder', home, home],
    ["the site's content/ folder", join(site, 'content'), join(site, 'content')],
    ["the site's data/ folder", join(site, 'data'), join(site, 'data')],
    ['a parent of the site', join(temp, 'projects'), site],
    ['the site folder itself', site, site],
    ['the checkout', ROOT, ROOT],
  ];

  for (const [name, out, guarded] of cases) {
    it(`G5: refuses ${name} before building`, () => {
      const result = buildInto(out);
      expect(result.stderr).toBe(refusal(out, guarded));
      expect(result.status).toBe(1);
      // Before building: no image was drawn and no page built, each of which prints a line. (Not timed: on a busy machine loading the build script alone can take seconds.)
      expect(result.stdout).toBe('');
    });
  }

  it('G5: refuses a "~" that no shell expanded, instead of building into a folder named "~"', () => {
    const result = buildInto('~/site');
    expect(result.stderr).toBe(
      'TRENDBOOK_OUT=~/site: "~" is not expanded to your home folder here, so this would build into a folder named "~". Expected an absolute path or one relative to the project. Write the full path, for example TRENDBOOK_OUT=$HOME/site. [TB255]\n',
    );
    expect(result.status).toBe(1);
    expect(existsSync(join(ROOT, '~'))).toBe(false);
  });

  it('G5: leaves the sources, the home folder and the parent as they were', () => {
    expect(readdirSync(join(site, 'content', 'reports')).sort()).toEqual(
      readdirSync(join(ROOT, 'tests/fixtures/site/content/reports')).sort(),
    );
    expect(readdirSync(join(site, 'data')).sort()).toEqual(readdirSync(join(ROOT, 'tests/fixtures/site/data')).sort());
    expect(readdirSync(home)).toEqual(['.profile']);
    expect(readdirSync(join(temp, 'projects'))).toEqual(['site']);
  });
});
