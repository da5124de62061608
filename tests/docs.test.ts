/**
 * The repository explains itself: comments, tests and documents point only at
 * files inside it, every relative link in README.md and docs/ leads somewhere,
 * and every test docs/security.md names exists. Anyone who clones the project
 * must be able to follow each reference.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** Where the project's own text lives: folders (their text files) and single files. */
const SCANNED = [
  'src',
  'scripts',
  'tests',
  'docs',
  'content',
  'data',
  'public',
  'README.md',
  'BENCHMARKS.md',
  'astro.config.mjs',
  'package.json',
  '.ci/run',
];
const TEXT_EXTENSIONS = new Set([
  '.ts',
  '.mjs',
  '.js',
  '.astro',
  '.md',
  '.json',
  '.txt',
  '.yml',
  '.yaml',
  '.csv',
  '.html',
  '.css',
]);

/**
 * Names of notes that were never part of the repository. Each is built from
 * pieces, so this file does not contain what it looks for.
 */
const OUTSIDE_NAMES = [
  ['DES', 'IGN.md'],
  ['STY', 'LE.md'],
  ['CHECK', 'LIST'],
  ['/work/', 'shared'],
].map((parts) => parts.join(''));
const OUTSIDE = new RegExp(OUTSIDE_NAMES.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'));

/** Every text file under the given project paths (and each path that is a file), as project-relative paths. */
function textFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (path: string, named: boolean) => {
    const full = join(ROOT, path);
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) if (entry !== 'node_modules') visit(join(path, entry), false);
    } else if (named || TEXT_EXTENSIONS.has(extname(path))) files.push(path);
  };
  for (const path of paths) visit(path, true);
  return files;
}

/** Lines that mention a note outside the repository, as `file:line: text`. */
function outsideReferences(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((line, index) => (OUTSIDE.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
  );
}

/** Markdown without code: links written inside code are examples, not links. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The anchor a heading gets on GitHub: lowercase, punctuation dropped, spaces as hyphens, repeats numbered. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, text = ''] of withoutCodeBlocks(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Markdown without fenced code blocks (a `#` line inside one is not a heading). */
function withoutCodeBlocks(markdown: string): string {
  return markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
}

/** Relative links of a Markdown file that lead to no file, or to no heading of it, as `file: target`. */
function brokenLinks(file: string): { checked: number; broken: string[] } {
  const markdown = readFileSync(join(ROOT, file), 'utf8');
  const broken: string[] = [];
  let checked = 0;
  for (const [, target = ''] of withoutCode(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    checked++;
    const [path = '', anchor] = target.split('#');
    const linked = path === '' ? join(ROOT, file) : resolve(dirname(join(ROOT, file)), decodeURIComponent(path));
    if (!linked.startsWith(`${ROOT}/`) || !existsSync(linked)) {
      broken.push(`${file}: ${target} (no such file)`);
    } else if (
      anchor !== undefined &&
      linked.endsWith('.md') &&
      !headingAnchors(readFileSync(linked, 'utf8')).has(anchor)
    ) {
      broken.push(`${file}: ${target} (no such heading in ${relative(ROOT, linked)})`);
    }
  }
  return { checked, broken };
}

describe('the repository explains itself', () => {
  const files = textFiles(SCANNED);

  it('finds the notes it looks for when a line names one', () => {
    expect(OUTSIDE_NAMES).toHaveLength(4);
    for (const name of OUTSIDE_NAMES) expect(OUTSIDE.test(`see ${name} A9`)).toBe(true);
    expect(OUTSIDE.test('see tests/checklist/README.md, row A9')).toBe(false);
  });

  it('has no comment, test or document that points to notes outside the repository', () => {
    // The sources, the tests with their fixtures, and the documents: hundreds of files.
    expect(files.length).toBeGreaterThan(400);
    expect(files).toContain('tests/docs.test.ts');
    expect(files).toContain('docs/security.md');
    expect(files).toContain('.ci/run');
    expect(outsideReferences(files)).toEqual([]);
  });

  it('has a relative link in README.md and docs/ only where a file (and heading) exists', () => {
    const documents = [
      'README.md',
      'tests/checklist/README.md',
      ...readdirSync(join(ROOT, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => `docs/${name}`),
    ];
    expect(documents).toEqual(
      expect.arrayContaining(['docs/architecture.md', 'docs/authoring.md', 'docs/security.md']),
    );
    const results = documents.map(brokenLinks);
    // README.md links the three documents and the checklist; the documents link each other and their sections.
    expect(results.reduce((sum, result) => sum + result.checked, 0)).toBeGreaterThan(20);
    expect(results.flatMap((result) => result.broken)).toEqual([]);
  });

  it('names in docs/security.md only tests that exist', () => {
    const security = readFileSync(join(ROOT, 'docs/security.md'), 'utf8');
    const named = [...security.matchAll(/`(tests\/[^`]+\.ts)` › `([^`]+)`/g)].map(([, file = '', name = '']) => ({
      file,
      name,
    }));
    expect(named.length).toBeGreaterThan(50);
    const fixtureFolders = new Set(textFiles(['tests/fixtures']).flatMap((path) => path.split('/').slice(2, -1)));
    expect(fixtureFolders.has('raw-html-and-unsafe-links')).toBe(true);
    const missing = named.filter(({ file, name }) => {
      if (!existsSync(join(ROOT, file))) return true;
      // A test's name is in its file, or is the fixture folder its file runs by name.
      return !readFileSync(join(ROOT, file), 'utf8').includes(name) && !fixtureFolders.has(name);
    });
    expect(missing).toEqual([]);
  });
});
