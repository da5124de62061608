/**
 * A minimal static server for `dist/` on 127.0.0.1, as a static host would
 * serve it: `/a/` → `/a/index.html`, unknown paths → `/404.html` with status 404,
 * and the headers the site's `_headers` file asks for (as Netlify and Cloudflare
 * Pages send them), so browser tests see what a real host sends.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.parquet': 'application/vnd.apache.parquet',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** One rule of a `_headers` file: the paths it matches and the headers it adds. */
export interface HeaderRule {
  path: RegExp;
  headers: [name: string, value: string][];
}

/**
 * Parses a `_headers` file (Netlify, Cloudflare Pages): a path line starting with
 * `/`, then indented `Name: value` lines; `#` starts a comment. In a path, `*`
 * matches any characters (slashes too); everything else matches itself.
 * @param text The file's contents.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      if (!pattern.startsWith('/'))
        throw new Error(`_headers:${index + 1}: a rule starts with a path. Expected "/…", received "${pattern}".`);
      const source = pattern
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
      rules.push({ path: new RegExp(`^${source}$`), headers: [] });
      return;
    }
    const header = /^\s+([A-Za-z0-9-]+):\s*(.*?)\s*$/.exec(line);
    const rule = rules.at(-1);
    if (!header || !rule)
      throw new Error(
        `_headers:${index + 1}: expected an indented "Name: value" line under a path, received "${line.trim()}".`,
      );
    rule.headers.push([header[1]!, header[2]!]);
  });
  return rules;
}

/**
 * The headers for a request path: every matching rule applies, and a header set
 * by several rules gets their values joined with `, ` (as Cloudflare Pages does).
 * @param rules From `parseHeadersFile`.
 * @param pathname The request's path (not the file served).
 */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.path.test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
    }
  }
  return headers;
}

/**
 * Serves a folder; resolves with the server and its base URL.
 * @param root The folder to serve; its `_headers` file, if any, says which headers to send.
 * @param host The address to listen on (default: `127.0.0.1`).
 * @param base Serve the folder under this path, as a host serves a site published under one (default: `''`, the root); anything outside it is a plain 404.
 */
export function serveStatic(root: string, host = '127.0.0.1', base = ''): Promise<{ server: Server; url: string }> {
  const rules = existsSync(join(root, '_headers'))
    ? parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8'))
    : [];
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!pathname.startsWith(`${base}/`)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    let file = normalize(join(root, pathname.slice(base.length)));
    if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(root, '404.html');
      if (!existsSync(file)) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
    }
    response.writeHead(status, {
      ...headersFor(rules, pathname),
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://${host}:${port}` });
    });
  });
}
