/**
 * The Markdown pipeline on fixture folders: `tests/fixtures/markdown/cases/<case>/input.md`
 * against the datasets in `tests/fixtures/markdown/data/`, expecting `output.html`
 * or `error.txt` (every problem, exactly as printed), and `warnings.txt` when
 * the case has warnings. Raw HTML is let through to the output, as Astro does,
 * so a case shows what would reach the page. `UPDATE=1 npm test` rewrites the
 * expected files; CI never does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { fromHtml } from 'hast-util-from-html';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { formatProblems, isWarning, ReportError } from '../../../src/lib/errors.ts';
import { trendbookRemarkPlugins } from '../../../src/plugins/remark/index.ts';
import { SITE } from '../../../src/site.config.ts';
import { expectFile } from '../../golden.ts';

const ROOT = resolve(import.meta.dirname, '../../fixtures/markdown');
const CASES = join(ROOT, 'cases');

/** Renders a case's Markdown, or returns the text of its problems. */
async function renderCase(name: string): Promise<{ html?: string; error?: string; warnings?: string }> {
  const path = join(CASES, name, 'input.md');
  const file = new VFile({ value: readFileSync(path, 'utf8'), path });
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(trendbookRemarkPlugins({ root: ROOT, config: SITE }))
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true });
  try {
    const html = `${String(await processor.process(file))}\n`;
    const warnings = (file.data.trendbookProblems ?? []).filter(isWarning);
    return { html, ...(warnings.length > 0 ? { warnings: `${formatProblems(warnings)}\n` } : {}) };
  } catch (error) {
    // Messages name resolved paths; the fixture files hold them as <root>, whatever folder the checkout is in.
    if (error instanceof ReportError) return { error: `${error.message.replaceAll(ROOT, '<root>')}\n` };
    throw error;
  }
}

describe('Markdown fixtures', () => {
  for (const name of readdirSync(CASES).sort()) {
    it(name.replace(/-/g, ' '), async () => {
      const { html, error, warnings } = await renderCase(name);
      const outputFile = join(CASES, name, 'output.html');
      const errorFile = join(CASES, name, 'error.txt');
      const warningsFile = join(CASES, name, 'warnings.txt');
      expectFile(warningsFile, warnings);
      if (error !== undefined) expectFile(errorFile, error, { stale: [outputFile] });
      else expectFile(outputFile, html, { stale: [errorFile] });
    });
  }
});

describe('text from data stays text', () => {
  it('escapes markup in data cells and titles, in the table and in the inline JSON', async () => {
    const { html } = await renderCase('markup-in-data-is-escaped');
    const tags: string[] = [];
    visit(fromHtml(html!, { fragment: true }), 'element', (element) => {
      tags.push(element.tagName);
    });
    // One image (the static chart), one script (the JSON spec), no <b>: the data's markup made no elements.
    expect(tags.filter((tag) => tag === 'img')).toHaveLength(1);
    expect(tags.filter((tag) => tag === 'script')).toHaveLength(1);
    expect(tags).not.toContain('b');
    expect(html).toContain('<th scope="col">&#x3C;img src=x onerror=alert(1)></th>');
    expect(html).toContain('"key":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"');
  });

  it('copies no unknown attribute into the page', async () => {
    const { error } = await renderCase('unknown-and-unsafe-attributes');
    expect(error).toContain('::chart has no attribute "onmouseover"');
  });
});
