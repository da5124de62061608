/**
 * The Markdown pipeline on fixture folders (remark-gfm style).
 *
 * Each folder `tests/fixtures/remark/<case>/` is one project root: `input.md`
 * (a report body), `data/` with the small CSVs it needs, and either
 * `output.html` (the HTML the pipeline renders) or `error.txt` (the full text
 * of the ReportError it throws, every problem with its `input.md:line:column`).
 * `UPDATE=1 npm test` rewrites the expected files; without it nothing is written.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { formatProblems, ReportError } from '../../../src/lib/errors.ts';
import { trendbookRemarkPlugins } from '../../../src/plugins/remark/index.ts';
import { SITE } from '../../../src/site.config.ts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/remark');
const UPDATE = process.env.UPDATE === '1';

/**
 * Renders Markdown with `root` as the project root; returns the HTML, or the
 * text of every problem the pipeline reports.
 */
async function render(root: string, markdown: string): Promise<{ html?: string; error?: string }> {
  const file = new VFile({ value: markdown, path: join(root, 'input.md') });
  const processor = unified()
    .use(remarkParse)
    .use(trendbookRemarkPlugins({ root, config: SITE }, true))
    .use(remarkRehype)
    .use(rehypeStringify);
  try {
    return { html: String(await processor.process(file)) };
  } catch (error) {
    if (error instanceof ReportError) return { error: formatProblems(error.problems) };
    throw error;
  }
}

/** Renders the case folder `name`. */
async function renderCase(name: string): Promise<{ html?: string; error?: string }> {
  const root = join(FIXTURES, name);
  return render(root, readFileSync(join(root, 'input.md'), 'utf8'));
}

/** Renders a case that must succeed. */
async function htmlOf(name: string): Promise<string> {
  const { html, error } = await renderCase(name);
  if (html === undefined) throw new Error(`expected ${name} to render, got:\n${error}`);
  return html;
}

/** Renders a case that must fail. */
async function errorOf(name: string): Promise<string> {
  const { html, error } = await renderCase(name);
  if (error === undefined) throw new Error(`expected ${name} to fail, got:\n${html}`);
  return error;
}

const cases = readdirSync(FIXTURES)
  .filter((name) => statSync(join(FIXTURES, name)).isDirectory())
  .sort();

describe('remark fixtures', () => {
  it('has fixture folders', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  for (const name of cases) {
    it(name.replace(/-/g, ' '), async () => {
      const { html, error } = await renderCase(name);
      const outputFile = join(FIXTURES, name, 'output.html');
      const errorFile = join(FIXTURES, name, 'error.txt');
      const [actualFile, actual, staleFile] = error !== undefined ? [errorFile, `${error}\n`, outputFile] : [outputFile, `${html}\n`, errorFile];
      if (UPDATE) {
        writeFileSync(actualFile, actual);
        rmSync(staleFile, { force: true });
      }
      expect(existsSync(staleFile), `${name}: ${error !== undefined ? 'failed' : 'rendered'}, but has ${staleFile}`).toBe(false);
      expect(actual).toBe(readFileSync(actualFile, 'utf8'));
    });
  }
});
