/**
 * The internal link and anchor check of the build tests: every href, src,
 * srcset and form action on a built page that points into the site must name a
 * file of the output folder, and a #fragment an id on the page it names. A site
 * published under a path (`/blog`) is checked as a host serves it there: a link
 * that leaves the path is broken too, even if the file exists at the root.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/** Every `index.html` under a folder. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? htmlFiles(path) : entry === 'index.html' ? [path] : [];
  });
}

/**
 * Checks every internal link of a built site.
 * @param out The built folder.
 * @param base The path the site is served under (`''` at the host's root, `/blog` under a path).
 * @returns How many links were checked, and the broken ones as `page: link (why)`.
 */
export function checkLinks(out: string, base: string): { checked: number; broken: string[] } {
  const pages = [...htmlFiles(out), join(out, '404.html')];
  const idsOf = new Map<string, Set<string>>();
  const linksOf = new Map<string, string[]>();
  for (const page of pages) {
    const ids = new Set<string>();
    const links: string[] = [];
    visit(fromHtml(readFileSync(page, 'utf8')), 'element', (element) => {
      if (typeof element.properties.id === 'string') ids.add(element.properties.id);
      for (const name of ['href', 'src', 'action'] as const) {
        const value = element.properties[name];
        if (typeof value === 'string' && (value.startsWith('/') || value.startsWith('#')) && !value.startsWith('//'))
          links.push(value);
      }
      if (typeof element.properties.srcSet === 'string')
        links.push(...element.properties.srcSet.split(',').map((candidate) => candidate.trim().split(' ')[0]!));
    });
    idsOf.set(page, ids);
    linksOf.set(page, links);
  }
  const broken: string[] = [];
  for (const [page, links] of linksOf) {
    const where = page.slice(out.length);
    for (const link of links) {
      const url = new URL(link, `https://site${base}${where.replace(/index\.html$/, '')}`);
      if (!url.pathname.startsWith(`${base}/`)) {
        broken.push(`${where}: ${link} (outside ${base}/)`);
        continue;
      }
      const path = decodeURIComponent(url.pathname.slice(base.length));
      const target = join(out, path, path.endsWith('/') ? 'index.html' : '');
      if (!existsSync(target)) {
        broken.push(`${where}: ${link} (no file)`);
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && !(idsOf.get(target) ?? new Set()).has(anchor)) broken.push(`${where}: ${link} (no #${anchor})`);
    }
  }
  return { checked: [...linksOf.values()].flat().length, broken };
}
