/**
 * Links and images may only point to http(s), mailto, relative paths and
 * #fragments. `[x](javascript:…)`, `JaVaScRiPt:`, `java&#115;cript:` (entities
 * are decoded by the parser), `data:`, `vbscript:` and `file:` lose their
 * target with a warning: a link keeps its text, an image becomes its alt text.
 *
 * An image from another site (`![x](https://…)`, `//host/x.png`) is a problem:
 * the site's Content Security Policy lets pages load images only from the site
 * itself (it fetches nothing from elsewhere), so readers would see a broken image.
 */
import type { Definition, Image, ImageReference, Link, LinkReference, PhrasingContent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { issue } from '../../lib/error-codes/define.ts';
import { TB127, TB128 } from '../../lib/error-codes/directives.ts';
import { recordProblem, type TrendbookRemarkOptions } from './context.ts';

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Whether an image URL points to another site (a scheme, or `//host/…`), which the site's own policy blocks. */
function isExternalImage(url: string): boolean {
  const cleaned = url.replace(/[\u0000-\u0020\u007F-\u009F]/g, '');
  return /^([a-z][a-z\d+.-]*:|\/\/|\\\\)/i.test(cleaned) && !/^data:/i.test(cleaned);
}

/** Whether a URL is safe in `href`/`src`: no scheme (relative or #fragment) or an allowed one. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme (`java\tscript:`).
  const cleaned = url.replace(/[\u0000-\u0020\u007F-\u009F]/g, '');
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(cleaned)?.[1];
  return scheme === undefined || ALLOWED_SCHEMES.has(scheme.toLowerCase());
}

/**
 * Removes unsafe link and image targets.
 * @param options Project root (site settings are not used here).
 */
export function remarkSafeLinks(options: Pick<TrendbookRemarkOptions, 'root'> = {}) {
  const root = options.root ?? process.cwd();
  return (tree: Root, file: VFile) => {
    const warn = (node: Link | Image | Definition, kind: 'link' | 'image') =>
      recordProblem(file, root, node, issue(TB127, { node: kind, url: node.url }));
    const external = (node: Image | ImageReference, url: string) =>
      recordProblem(file, root, node, issue(TB128, { url }));
    const externalDefinitions = new Map<string, string>();
    visit(tree, 'definition', (node) => {
      if (isSafeUrl(node.url) && isExternalImage(node.url)) externalDefinitions.set(node.identifier, node.url);
    });
    visit(tree, (node) => {
      if (node.type === 'image' && isSafeUrl(node.url) && isExternalImage(node.url)) external(node, node.url);
      else if (node.type === 'imageReference' && externalDefinitions.has(node.identifier))
        external(node, externalDefinitions.get(node.identifier)!);
    });
    const unsafeDefinitions = new Set<string>();
    visit(tree, 'definition', (node, index, parent) => {
      if (isSafeUrl(node.url) || !parent || index === undefined) return;
      warn(node, 'link');
      unsafeDefinitions.add(node.identifier);
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      let replacement: PhrasingContent[] | undefined;
      if (node.type === 'link' && !isSafeUrl(node.url)) {
        warn(node, 'link');
        replacement = node.children;
      } else if (node.type === 'image' && !isSafeUrl(node.url)) {
        warn(node, 'image');
        replacement = node.alt ? [{ type: 'text', value: node.alt }] : [];
      } else if (node.type === 'linkReference' && unsafeDefinitions.has(node.identifier)) {
        replacement = (node as LinkReference).children;
      } else if (node.type === 'imageReference' && unsafeDefinitions.has(node.identifier)) {
        const alt = (node as ImageReference).alt;
        replacement = alt ? [{ type: 'text', value: alt }] : [];
      }
      if (!replacement) return;
      (parent.children as PhrasingContent[]).splice(index, 1, ...replacement);
      return [SKIP, index];
    });
  };
}
