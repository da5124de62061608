/**
 * Heading ids for section links, made safe: every id is `section-<slug>`, so a
 * heading can never take an id the page or its scripts rely on (`main`,
 * `__proto__`, a chart's id: DOM clobbering, B7 in tests/checklist/README.md). Invisible
 * characters (zero-width spaces, bidirectional controls) are left out of the
 * slug, and bidirectional controls anywhere in the text are warned about: they
 * can make text read differently from how it is stored.
 *
 * Astro's own heading-id step keeps an id that is already set.
 */
import { slug as slugOf } from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { bidiIssue } from '../../lib/check/bidi-fields.ts';
import { recordProblem, sourceOf, type TrendbookRemarkOptions } from './context.ts';

/** The prefix of every heading id. */
export const HEADING_ID_PREFIX = 'section-';

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * Sets each heading's id and warns about bidirectional control characters.
 * @param options Project root (site settings are not used here).
 */
export function remarkHeadingIds(options: Pick<TrendbookRemarkOptions, 'root'> = {}) {
  const root = options.root ?? process.cwd();
  return (tree: Root, file: VFile) => {
    const used = new Set<string>();
    visit(tree, 'heading', (heading) => {
      // A :stat in a heading has no text yet, so its value (which changes with the data) never enters the id.
      const base = slugOf(textOf(heading).replace(INVISIBLE, '')).replace(/^-+|-+$/g, '') || 'untitled';
      let id = `${HEADING_ID_PREFIX}${base}`;
      for (let count = 1; used.has(id); count++) id = `${HEADING_ID_PREFIX}${base}-${count}`;
      used.add(id);
      const data = (heading.data ??= {});
      data.hProperties = { ...data.hProperties, id };
    });
    visit(tree, 'text', (node) => {
      const issue = bidiIssue(node.value, 'the text');
      if (issue) recordProblem(file, root, node, issue, issue.offset);
    });
    // A directive's attributes are text a reader sees too (chart titles, captions, labels);
    // its [label] is a text node of its own, warned about above.
    visit(tree, (node) => {
      if (node.type !== 'leafDirective' && node.type !== 'textDirective' && node.type !== 'containerDirective') return;
      const source = sourceOf(file, node).split('\n')[0]!;
      const open = source.lastIndexOf('{');
      if (open === -1) return;
      const issue = bidiIssue(source.slice(open), `the attributes of ${source.slice(0, open).replace(/\[.*$/, '')}`);
      if (issue) recordProblem(file, root, node, issue, open + issue.offset);
    });
  };
}

/** The ids `remarkHeadingIds` gave a tree's headings. */
export function headingIds(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'heading', (heading: Heading) => {
    const id = heading.data?.hProperties?.id;
    if (typeof id === 'string') ids.add(id);
  });
  return ids;
}
