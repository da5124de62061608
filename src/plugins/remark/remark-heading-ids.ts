/**
 * Heading ids for section links, made safe: every id is `section-<slug>`, so a
 * heading can never take an id the page or its scripts rely on (`main`,
 * `__proto__`, a chart's id: DOM clobbering, CHECKLIST B7). Invisible
 * characters (zero-width spaces, bidirectional controls) are left out of the
 * slug, and bidirectional controls anywhere in the text are warned about: they
 * can make text read differently from how it is stored.
 *
 * Astro's own heading-id step keeps an id that is already set.
 */
import { slug as slugOf } from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report, type TrendbookRemarkOptions } from './context.ts';

/** The prefix of every heading id. */
export const HEADING_ID_PREFIX = 'section-';

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
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
      const base = slugOf(toString(heading).replace(INVISIBLE, '')).replace(/^-+|-+$/g, '') || 'untitled';
      let id = `${HEADING_ID_PREFIX}${base}`;
      for (let count = 1; used.has(id); count++) id = `${HEADING_ID_PREFIX}${base}-${count}`;
      used.add(id);
      const data = (heading.data ??= {});
      data.hProperties = { ...data.hProperties, id };
    });
    visit(tree, 'text', (node) => {
      const control = BIDI_CONTROLS.exec(node.value);
      if (!control) return;
      report(file, root, node, {
        severity: 'warning',
        what: `bidirectional control character U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} in the text`,
        expected: 'text without invisible direction overrides',
        // Shown escaped: the character itself would reorder the message.
        received: JSON.stringify(node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value).replace(INVISIBLE, (char) => `\\u${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`),
        fix: 'Delete the invisible character (it often comes from copying text); it can make the text read differently from how it is stored',
      }, control.index);
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
