/**
 * The `_headers` file (Netlify, Cloudflare Pages) for a site published under a
 * path. Its rules name paths on the host, so a site under `/blog` needs
 * `/blog/embed/*` where a site at the root has `/embed/*`; without the prefix
 * the framing and caching rules would match none of its pages.
 */

/**
 * Prefixes every rule's path in a `_headers` file with the site's base path;
 * comments and header lines stay as they are.
 * @param text The file as written for a site at the host's root.
 * @param base The site's base path (`''` at the host's root, `/blog` under a path).
 */
export function headersUnderBase(text: string, base: string): string {
  if (base === '') return text;
  return text
    .split('\n')
    .map((line) => (line.startsWith('/') ? `${base}${line}` : line))
    .join('\n');
}
