/**
 * Bounds how deeply a report's Markdown may nest.
 *
 * The parser and every tree walker after it (remark-gfm, our plugins,
 * mdast-util-to-hast, the HTML writer) recurse once per level, so thousands of
 * nested `>` quotes or `- - - -` list markers overflow the call stack and end
 * the check or the build with a raw stack trace. Right after parsing, this
 * plugin finds the first place where blockquotes, lists, emphasis or links nest
 * deeper than MAX_NESTING, reports it there, and cuts that branch off so the
 * plugins after it see a tree of bounded depth. When the parser itself
 * overflows, the same problem is reported at the line where the source nests
 * too deep, and the file is read as empty.
 *
 * ```markdown
 * >>>>>> … (20000 times) deep
 * ```
 * gives `content/reports/x.md:1:101: blockquotes nest 20000 levels deep. Expected at most 100 levels, …`.
 */
import type { Parent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { issue } from '../../lib/error-codes/define.ts';
import { TB129 } from '../../lib/error-codes/directives.ts';
import type { Issue } from '../../lib/errors.ts';
import { addProblem, recordProblem, relativePath, type TrendbookRemarkOptions } from './context.ts';

/** The deepest nesting of blockquotes, lists, emphasis and links a report may use; real reports stay far below. */
export const MAX_NESTING = 100;

/** Node types that add a level the author wrote, and how a message names them. */
const LEVELS: Record<string, string> = {
  blockquote: 'blockquotes',
  list: 'lists',
  emphasis: 'emphasis marks',
  strong: 'emphasis marks',
  delete: 'emphasis marks',
  link: 'links',
  linkReference: 'links',
  footnoteDefinition: 'footnotes',
  containerDirective: 'directives',
};

/** Trees this plugin's parser already bounded, so the transformer does not walk them twice. */
const bounded = new WeakSet<Root>();

/**
 * Wraps the parser so a too-deep report becomes one problem instead of a stack overflow.
 * @param options Project root (site settings are not used here).
 */
export function remarkNestingLimit(this: Processor, options: Pick<TrendbookRemarkOptions, 'root'> = {}) {
  const root = options.root ?? process.cwd();
  // remark-parse attaches before the plugins in this list (in the check and in Astro), so its parser is already set.
  const parse = this.parser as ((document: string, file: VFile) => Root) | undefined;
  if (parse) {
    this.parser = (document: string, file: VFile): Root => {
      let tree: Root;
      try {
        tree = parse(document, file);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        const place = deepLine(document);
        addProblem(file, {
          path: relativePath(file, root),
          line: place.line,
          column: place.column,
          ...tooDeep(place.kinds, place.depth),
        });
        tree = { type: 'root', children: [] };
      }
      boundDepth(tree, file, root);
      bounded.add(tree);
      return tree;
    };
  }
  return (tree: Root, file: VFile) => {
    if (!bounded.has(tree)) boundDepth(tree, file, root);
  };
}

/** Reports the first branch nesting deeper than MAX_NESTING and cuts every such branch off, without recursion. */
function boundDepth(tree: Root, file: VFile, root: string): void {
  let reported = false;
  const stack: { node: Parent; levels: number; kinds: Set<string> }[] = [{ node: tree, levels: 0, kinds: new Set() }];
  while (stack.length > 0) {
    const { node, levels, kinds } = stack.pop()!;
    const children = node.children as RootContent[];
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index]!;
      if (!('children' in child)) continue;
      const kind = LEVELS[child.type];
      const depth = kind ? levels + 1 : levels;
      const childKinds = kind ? new Set([...kinds, kind]) : kinds;
      if (depth > MAX_NESTING) {
        if (!reported) {
          const deepest = deepestBelow(child, depth, childKinds);
          recordProblem(file, root, child, tooDeep(deepest.kinds, deepest.depth));
          reported = true;
        }
        children.splice(index, 1);
        continue;
      }
      stack.push({ node: child, levels: depth, kinds: childKinds });
    }
  }
}

/** How deep a branch goes and what nests in it, counted without recursion. */
function deepestBelow(
  start: Parent,
  startDepth: number,
  startKinds: Set<string>,
): { depth: number; kinds: Set<string> } {
  let deepest = startDepth;
  const kinds = new Set(startKinds);
  const stack: { node: Parent; depth: number }[] = [{ node: start, depth: startDepth }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of node.children as RootContent[]) {
      if (!('children' in child)) continue;
      const kind = LEVELS[child.type];
      if (kind) kinds.add(kind);
      stack.push({ node: child, depth: kind ? depth + 1 : depth });
    }
  }
  return { depth: deepest, kinds };
}

/** The problem, naming what nests (`blockquotes and lists`). */
function tooDeep(kinds: Set<string>, depth: number | undefined): Issue {
  return issue(TB129, { kinds: [...kinds], depth, max: MAX_NESTING });
}

/**
 * Where the source itself nests too deep, for when the parser cannot say: the
 * first line whose run of `>` and list markers goes past MAX_NESTING, at the
 * marker that crosses it.
 */
function deepLine(document: string): { line: number; column: number; depth: number | undefined; kinds: Set<string> } {
  const lines = document.split('\n');
  for (const [index, text] of lines.entries()) {
    const marker = /\s*(>|[-*+](?=\s)|\d{1,9}[.)](?=\s))/y;
    const kinds = new Set<string>();
    let depth = 0;
    let column: number | undefined;
    for (let match = marker.exec(text); match; match = marker.exec(text)) {
      kinds.add(match[1] === '>' ? 'blockquotes' : 'lists');
      depth++;
      if (depth === MAX_NESTING + 1) column = marker.lastIndex - match[1]!.length + 1;
    }
    if (column !== undefined) return { line: index + 1, column, depth, kinds };
  }
  return { line: 1, column: 1, depth: undefined, kinds: new Set() };
}
