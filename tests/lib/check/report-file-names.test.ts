/**
 * A report's file name is its address. A name that is not
 * lowercase letters, digits and single hyphens fails the check at the file with
 * the name to use; a file skipped on purpose (a leading `_` or `.`) is listed as
 * skipped and not counted as a report.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/lib/check/check-project.ts';
import { formatProblems } from '../../../src/lib/errors.ts';
import { classifyReportFile } from '../../../src/lib/report/file-names.ts';
import { SITE } from '../../../src/site.config.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const temp = mkdtempSync(join(tmpdir(), 'trendbook-reports-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const REPORT = '---\ntitle: A report\ndescription: A report.\ndate: 2025-01-01\n---\n\nText.\n';

/** A site folder whose content/reports/ holds these files, each a valid report. */
function site(name: string, files: readonly string[]): string {
  const root = join(temp, name);
  mkdirSync(join(root, 'content', 'reports'), { recursive: true });
  for (const file of files) writeFileSync(join(root, 'content', 'reports', file), REPORT);
  return root;
}

describe('report file names', () => {
  it('fails every name that is not its address, at the file, with the name to use', async () => {
    const root = site('misnamed', ['fine.md', 'my report.md', 'UPPER.md', 'a..b.md', 'x.MD', 'notes.markdown']);
    const result = await checkProject(root, SITE);
    const rule =
      'Expected lowercase letters, digits and single hyphens, ending in .md (the name is the address: x.md is published at /reports/x/)';
    expect(formatProblems(result.problems)).toBe(
      [
        `content/reports/a..b.md:1:1: the file name "a..b.md" cannot be the report's address. ${rule}, received "a..b.md". Rename it to a-b.md. [TB170]`,
        `content/reports/my report.md:1:1: the file name "my report.md" cannot be the report's address. ${rule}, received "my report.md". Rename it to my-report.md. [TB170]`,
        `content/reports/notes.markdown:1:1: the file name "notes.markdown" cannot be the report's address. ${rule}, received "notes.markdown". Rename it to notes.md. [TB170]`,
        `content/reports/UPPER.md:1:1: the file name "UPPER.md" cannot be the report's address. ${rule}, received "UPPER.md". Rename it to upper.md. [TB170]`,
        `content/reports/x.MD:1:1: the file name "x.MD" cannot be the report's address. ${rule}, received "x.MD". Rename it to x.md. [TB170]`,
        '5 problems found.',
      ].join('\n'),
    );
  });

  it('lists _draft.md, .hidden.md, ..md and a file that is not Markdown as skipped, and does not count them', async () => {
    const root = site('skipped', ['fine.md', '_draft.md', '.hidden.md', '..md', 'notes.txt', '.DS_Store']);
    const result = await checkProject(root, SITE);
    expect(result.problems).toEqual([]);
    expect(result.reports.map((report) => report.slug)).toEqual(['fine']);
    expect(result.skipped).toEqual([
      'content/reports/..md',
      'content/reports/.hidden.md',
      'content/reports/_draft.md',
      'content/reports/notes.txt',
    ]);
  });

  it('npm run check names the skipped files in its summary', () => {
    const root = site('summary', ['fine.md', '_draft.md']);
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts')], {
      cwd: ROOT,
      env: { ...process.env, TRENDBOOK_SITE: root },
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(
      /^Checked 0 datasets, 1 report and 0 charts in \d+\.\d s: no problems; skipped content\/reports\/_draft\.md \(not published: a leading _ or \. or a name not ending in \.md\)\.\n$/,
    );
  });

  it('gives Astro the same rule: the loader reads reports, never a skipped file', () => {
    // src/site/report-loader.ts sorts the folder with classifyReportFile, as the check does.
    expect(classifyReportFile('micro-2024.md')).toEqual({ kind: 'report', slug: 'micro-2024' });
    expect(classifyReportFile('_draft.md')).toEqual({ kind: 'skipped' });
  });
});
