/**
 * A last guard against text that silently disappears (B3 in tests/checklist/README.md): when the
 * page would show less than half of the words in the report's source, a
 * warning says so and points at the HTML that hid the most of them (a comment
 * closed far too late, for one). `--strict` turns it into a failure.
 */

import type { Root } from 'mdast';
import type { Node } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { issue } from '../../lib/error-codes/define.ts';
import { TB130 } from '../../lib/error-codes/directives.ts';
import { isWarning } from '../../lib/errors.ts';
import { countWords, markdownProse } from '../../lib/word-count.ts';
import { problemsOf, recordProblem, type TrendbookRemarkOptions } from './context.ts';

/** Shorter reports are left alone: a few missing words there are no sign of anything. */
export const MIN_SOURCE_WORDS = 40;
/** The share of the source's words the page must show. */
export const MIN_SHOWN_SHARE = 0.5;

/**
 * Compares the words the page shows with the words in the source.
 * @param options Project root (site settings are not used here).
 */
export function remarkWordCount(options: Pick<TrendbookRemarkOptions, 'root'> = {}) {
  const root = options.root ?? process.cwd();
  return (tree: Root, file: VFile) => {
    // An error already stops this file; a second message about the same text would only repeat it.
    if (typeof file.value !== 'string' || problemsOf(file).some((problem) => !isWarning(problem))) return;
    const source = countWords(markdownProse(file.value));
    if (source < MIN_SOURCE_WORDS) return;
    let shown = 0;
    visit(tree, (node) => {
      if (node.type === 'code') return SKIP;
      if (node.type === 'text' || node.type === 'inlineCode') shown += countWords(node.value);
      if (node.type === 'image') shown += countWords(node.alt ?? '');
      return undefined;
    });
    if (shown >= source * MIN_SHOWN_SHARE) return;
    const hidden = [...(file.data.trendbookHiddenHtml ?? [])].sort((a, b) => b.words - a.words)[0];
    const minPercent = Math.round(MIN_SHOWN_SHARE * 100);
    recordProblem(
      file,
      root,
      hidden?.node ?? tree,
      issue(TB130, { shown, source, minPercent, hiddenWords: hidden?.words }),
    );
  };
}

declare module 'vfile' {
  interface DataMap {
    /** HTML removed from the page, with the words it held (set by remarkRawHtml). */
    trendbookHiddenHtml: { node: Node; words: number }[];
  }
}
