/**
 * Raw HTML in a report never reaches the page (Hugo's `unsafe = false`).
 *
 * Astro passes raw HTML through rehype-raw, so `<script>`, `<img onerror>` or
 * `<iframe>` in a report would run on the site. This plugin removes every HTML
 * node before that: closed comments silently (authors leave notes), anything
 * else with a warning naming the line. An HTML comment that never closes is a
 * problem: CommonMark would hide everything after it.
 */
import type { Html, Paragraph, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { issue } from '../../lib/error-codes/define.ts';
import { TB125, TB126 } from '../../lib/error-codes/directives.ts';
import { countWords } from '../../lib/word-count.ts';
import { recordProblem, type TrendbookRemarkOptions } from './context.ts';

const CLOSED_COMMENT = /^\s*<!--[\s\S]*?-->\s*$/;

/**
 * Removes raw HTML from the tree.
 * @param options Project root (site settings are not used here).
 */
export function remarkRawHtml(options: Pick<TrendbookRemarkOptions, 'root'> = {}) {
  const root = options.root ?? process.cwd();
  return (tree: Root, file: VFile) => {
    const removed = new Map<number, { node: Html; values: string[] }>();
    const emptied = new Set<Paragraph>();
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return;
      parent.children.splice(index, 1);
      const value = node.value.trim();
      const words = countWords(
        value.startsWith('<!--') ? value.replace(/<!--|-->/g, ' ') : value.replace(/<[^>]*>/g, ' '),
      );
      if (words > 0) (file.data.trendbookHiddenHtml ??= []).push({ node, words });
      if (value.startsWith('<!--') && !value.includes('-->')) {
        recordProblem(file, root, node, issue(TB125, { value }));
      } else if (!CLOSED_COMMENT.test(value)) {
        const line = node.position?.start.line ?? 1;
        const entry = removed.get(line) ?? { node, values: [] };
        entry.values.push(value);
        removed.set(line, entry);
      }
      // A paragraph that held only HTML (`<svg …></svg>`) would stay behind as an empty <p>.
      if (
        parent.type === 'paragraph' &&
        parent.children.every((child) => child.type === 'text' && child.value.trim() === '')
      )
        emptied.add(parent);
      return [SKIP, index];
    });
    if (emptied.size > 0) {
      visit(tree, 'paragraph', (node, index, parent) => {
        if (!emptied.has(node) || !parent || index === undefined) return;
        parent.children.splice(index, 1);
        return [SKIP, index];
      });
    }
    for (const { node, values } of removed.values()) {
      recordProblem(file, root, node, issue(TB126, { values }));
    }
  };
}
