/**
 * Keeps prose with colons intact and refuses directives Trendbook does not know.
 *
 * remark-directive reads `note:important` or `ratio 3:1` as empty text
 * directives; this plugin puts their original text back (Starlight's
 * `remarkDirectivesRestoration`). An unknown `::name` or `:::name` on its own
 * line, a near-miss such as `:Stat{…}`, and a `::chart{…` that could not be read
 * are problems with a suggestion.
 *
 * Runs after the plugins that handle `chart` and `stat`.
 */
import type { Root, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { issue } from '../../lib/error-codes/define.ts';
import { TB122, TB123, TB124 } from '../../lib/error-codes/directives.ts';
import { closest, editDistance } from '../../lib/errors.ts';
import { recordProblem, sourceOf, type TrendbookRemarkOptions } from './context.ts';
import { unreadableDirective } from './directive-source.ts';

const LEAF_NAMES = ['chart'];
const TEXT_NAMES = ['stat'];
const UNREAD_DIRECTIVE = /(^|[^\\:\w]):{1,3}(chart|stat)\b(?![-\w])/i;

/**
 * Restores unknown text directives and reports unknown block directives.
 * @param options Project root (site settings are not used here).
 */
export function remarkDirectives(options: Pick<TrendbookRemarkOptions, 'root'> = {}) {
  const root = options.root ?? process.cwd();
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'textDirective') {
        const directive = node as TextDirective;
        if (TEXT_NAMES.includes(directive.name)) return;
        const near = nearMiss(directive.name, [...TEXT_NAMES, ...LEAF_NAMES]);
        if (near) {
          const source = sourceOf(file, directive);
          const found =
            near === 'chart' ? issue(TB122, { source }) : issue(TB123, { name: directive.name, near, source });
          recordProblem(file, root, directive, found);
          return SKIP;
        }
        if (parent && index !== undefined) {
          const text: Text = { type: 'text', value: sourceOf(file, directive) || `:${directive.name}` };
          parent.children.splice(index, 1, text);
          return [SKIP, index + 1];
        }
        return SKIP;
      }
      if (node.type === 'leafDirective' || node.type === 'containerDirective') {
        const directive = node as LeafDirective | ContainerDirective;
        if (node.type === 'leafDirective' && LEAF_NAMES.includes(directive.name)) return SKIP;
        const colons = node.type === 'leafDirective' ? '::' : ':::';
        const suggestion = closest(directive.name, [...LEAF_NAMES, ...TEXT_NAMES]);
        recordProblem(file, root, directive, issue(TB124, { colons, name: directive.name, suggestion }));
        return SKIP;
      }
      if (node.type === 'text') {
        // The source as written: the parsed text has lost its backslashes, and offsets count in the source.
        const text = sourceOf(file, node) || (node as Text).value;
        const match = UNREAD_DIRECTIVE.exec(text);
        if (match) {
          const offset = match.index + match[1]!.length;
          const kind = match[2]!.toLowerCase() === 'chart' ? 'chart' : 'stat';
          const unreadable = unreadableDirective(kind, text.slice(offset));
          recordProblem(file, root, node, unreadable, offset + unreadable.offset);
        }
      }
      return undefined;
    });
  };
}

/** A name that is almost a known one: other case, a plural, or one letter off. */
function nearMiss(name: string, known: string[]): string | undefined {
  const lower = name.toLowerCase();
  return known.find(
    (candidate) =>
      lower === candidate || lower === `${candidate}s` || (name.length >= 4 && editDistance(lower, candidate) === 1),
  );
}
