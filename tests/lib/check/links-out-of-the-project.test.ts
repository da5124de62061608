/**
 * A symbolic link in any input folder (content/, public/,
 * data/, src/) that leads out of the project fails the check, naming the link
 * and its target; links that stay inside are fine, and a dangling link or a
 * loop of links is reported instead of crashing the scan.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/lib/check/check-project.ts';
import { findOutsideLinks } from '../../../src/lib/check/outside-links.ts';
import { formatProblems } from '../../../src/lib/errors.ts';
import { SITE } from '../../../src/site.config.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const temp = mkdtempSync(join(tmpdir(), 'trendbook-links-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const outside = join(temp, 'outside');
mkdirSync(outside);
writeFileSync(join(outside, 'hostname'), 'build-machine\n');
writeFileSync(
  join(outside, 'report.md'),
  '---\ntitle: Secret\ndescription: Not ours.\ndate: 2025-01-01\n---\n\nText.\n',
);
mkdirSync(join(outside, 'folder'));

const REPORT = '---\ntitle: Fine\ndescription: A report.\ndate: 2025-01-01\n---\n\nText.\n';

/** A project folder with the given files (text) and links (target). */
function project(name: string, files: Record<string, string>, links: Record<string, string> = {}): string {
  const root = join(temp, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    symlinkSync(target, join(root, path));
  }
  return root;
}

describe('links out of the project', () => {
  it('refuses a link out of the project in public/, src/, content/ and data/, with the link and its target', async () => {
    const root = project(
      'every-folder',
      { 'content/reports/fine.md': REPORT, 'src/pages/index.astro': '<p>Hi</p>\n', 'public/favicon.svg': '<svg/>\n' },
      {
        'public/hostname.txt': join(outside, 'hostname'),
        'src/pages/secret.astro': join(outside, 'hostname'),
        'src/linked': join(outside, 'folder'),
        'content/reports/secret.md': join(outside, 'report.md'),
        'data/notes.txt': join(outside, 'hostname'),
      },
    );
    const result = await checkProject(root, SITE, false, root);
    expect(formatProblems(result.problems)).toBe(
      [
        `content/reports/secret.md:1:1: the file links outside the project (${join(outside, 'report.md')}). Expected a regular file inside content/, received a symbolic link. Copy the file into content/ instead of linking to it. [TB201]`,
        `data/notes.txt:1:1: the file links outside the project (${join(outside, 'hostname')}). Expected a regular file inside data/, received a symbolic link. Copy the file into data/ instead of linking to it. [TB201]`,
        `public/hostname.txt:1:1: the file links outside the project (${join(outside, 'hostname')}). Expected a regular file inside public/, received a symbolic link. Copy the file into public/ instead of linking to it. [TB201]`,
        `src/linked:1:1: the folder links outside the project (${join(outside, 'folder')}). Expected a folder inside the project, received a symbolic link. Copy the folder into the project instead of linking to it. [TB201]`,
        `src/pages/secret.astro:1:1: the file links outside the project (${join(outside, 'hostname')}). Expected a regular file inside src/, received a symbolic link. Copy the file into src/ instead of linking to it. [TB201]`,
        '5 problems found.',
      ].join('\n'),
    );
    // The linked report is not read, let alone published.
    expect(result.reports.map((report) => report.slug)).toEqual(['fine']);
  });

  it('reports a dataset linked out of data/ once, in the words the dataset reader uses', async () => {
    writeFileSync(join(outside, 'secrets.csv'), 'year,value\n2024,42\n');
    const root = project('dataset', {}, { 'data/secrets.csv': join(outside, 'secrets.csv') });
    expect(formatProblems((await checkProject(root, SITE, false, root)).problems)).toBe(
      `data/secrets.csv:1:1: the file links outside the project (${join(outside, 'secrets.csv')}). Expected a regular file inside data/, received a symbolic link. Copy the file into data/ instead of linking to it. [TB201]\n1 problem found.`,
    );
  });

  it('scans public/ and src/ in the project root, data/ and content/ in the site folder', () => {
    const site = project(
      'site-folder',
      { 'content/reports/fine.md': REPORT },
      { 'public/hostname.txt': join(outside, 'hostname') },
    );
    const root = project(
      'project-root',
      {},
      { 'public/hostname.txt': join(outside, 'hostname'), 'content/ignored.md': join(outside, 'report.md') },
    );
    const problems = findOutsideLinks([
      { root: site, folder: 'data' },
      { root: site, folder: 'content' },
      { root, folder: 'public' },
      { root, folder: 'src' },
    ]);
    expect(problems.map((problem) => problem.path)).toEqual(['public/hostname.txt']);
  });

  it('accepts links that stay inside the project, and follows them to the links they hold', async () => {
    const root = project(
      'inside',
      { 'content/reports/fine.md': REPORT, 'assets/logo.svg': '<svg/>\n' },
      {
        'public/logo.svg': '../assets/logo.svg',
        'content/reports/alias.md': 'fine.md',
        'public/assets': '../assets',
        'assets/leak.txt': join(outside, 'hostname'),
        'public/self': '.',
      },
    );
    expect(formatProblems((await checkProject(root, SITE, false, root)).problems)).toBe(
      `public/assets/leak.txt:1:1: the file links outside the project (${join(outside, 'hostname')}). Expected a regular file inside public/, received a symbolic link. Copy the file into public/ instead of linking to it. [TB201]\n1 problem found.`,
    );
  });

  it('reports a dangling link and a loop of links instead of crashing', async () => {
    const root = project(
      'broken',
      { 'content/reports/fine.md': REPORT },
      {
        'public/gone.txt': 'missing.txt',
        'content/reports/loop-a.md': 'loop-b.md',
        'content/reports/loop-b.md': 'loop-a.md',
      },
    );
    const result = await checkProject(root, SITE, false, root);
    expect(formatProblems(result.problems)).toBe(
      [
        'content/reports/loop-a.md:1:1: the link never reaches a file: it is part of a loop of links (loop-b.md). Expected a link to a file or folder inside the project, received a loop of links. Remove the link, or replace it with the file itself in content/. [TB203]',
        'content/reports/loop-b.md:1:1: the link never reaches a file: it is part of a loop of links (loop-a.md). Expected a link to a file or folder inside the project, received a loop of links. Remove the link, or replace it with the file itself in content/. [TB203]',
        'public/gone.txt:1:1: the link leads to nothing: missing.txt does not exist. Expected a link to a file or folder inside the project, received a link to a missing file. Remove the link, or replace it with the file itself in public/. [TB202]',
        '3 problems found.',
      ].join('\n'),
    );
    expect(result.reports.map((report) => report.slug)).toEqual(['fine']);
  });

  it('npm run check refuses a linked report in the site folder TRENDBOOK_SITE names', () => {
    const root = project(
      'script',
      { 'content/reports/fine.md': REPORT },
      { 'content/reports/secret.md': join(outside, 'report.md') },
    );
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts')], {
      cwd: ROOT,
      env: { ...process.env, TRENDBOOK_SITE: root },
      encoding: 'utf8',
    });
    expect(check.status).toBe(1);
    expect(check.stderr).toBe(
      `content/reports/secret.md:1:1: the file links outside the project (${join(outside, 'report.md')}). Expected a regular file inside content/, received a symbolic link. Copy the file into content/ instead of linking to it. [TB201]\n1 problem found.\n`,
    );
  });
});
