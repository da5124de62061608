/**
 * Astro's loader follows the
 * check's naming rule, so a skipped file is never published, and a name that is
 * not an address stops the build at the file instead of an internal error.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'trendbook-report-names-build-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const report = (title: string) =>
  `---\ntitle: ${title}\ndescription: A report.\ndate: 2025-01-01\n---\n\n::chart{dataset="creators" y="avg_engagement" x="Year" series="tier" title="Engagement"}\n`;

/** A site with the fixture site's data and these reports. */
function site(name: string, reports: Record<string, string>): string {
  const root = join(temp, name);
  cpSync(join(ROOT, 'tests/fixtures/site/data'), join(root, 'data'), { recursive: true });
  mkdirSync(join(root, 'content', 'reports'), { recursive: true });
  for (const [file, text] of Object.entries(reports)) writeFileSync(join(root, 'content', 'reports', file), text);
  return root;
}

function build(root: string, out: string) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    env: { ...process.env, TRENDBOOK_SITE: root, TRENDBOOK_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
}

describe('report file names in a build', () => {
  it('does not publish _draft.md and names it as skipped in the summary', () => {
    const out = join(temp, 'skipped-out');
    const result = build(site('skipped', { 'fine.md': report('Fine'), '_draft.md': report('Draft') }), out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(
      /^Built 1 report, 1 chart and .+; skipped content\/reports\/_draft\.md \(not published: a leading _ or \. or a name not ending in \.md\)$/,
    );
    expect(readdirSync(join(out, 'reports')).sort()).toEqual(['fine']);
    expect(existsSync(join(out, 'reports/fine/index.html'))).toBe(true);
  });

  it('stops at a report named "My Report.md", with the name to use, before Astro runs', () => {
    const out = join(temp, 'misnamed-out');
    const result = build(site('misnamed', { 'My Report.md': report('Mine') }), out);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      [
        'content/reports/My Report.md:1:1: the file name "My Report.md" cannot be the report\'s address. Expected lowercase letters, digits and single hyphens, ending in .md (the name is the address: x.md is published at /reports/x/), received "My Report.md". Rename it to my-report.md. [TB170]',
        '1 problem found.',
        `Build stopped; ${out}/ is unchanged.`,
        '',
      ].join('\n'),
    );
  });
});
