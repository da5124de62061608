/**
 * Row F4 of tests/checklist/README.md (embed snippet and page): the snippet is attribute-escaped and
 * sandboxed with `allow-scripts` only; the host-side resize listener reads only a
 * number and runs no markup; hosts are told to let embeds in sandboxed frames load
 * scripts and fonts across origins, and to let only embeds be framed.
 * The browser side is in tests/e2e/sharing.e2e.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../scripts/lib/static-server.ts';
import { EMBED_HEIGHT_MESSAGE, embedCode, embedResizeScript } from '../../src/lib/share.ts';
import { SITE } from '../../src/site.config.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The elements of an HTML fragment. */
function elementsOf(html: string): Element[] {
  const found: Element[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (element) => {
    found.push(element);
  });
  return found;
}

describe('F4: the embed snippet', () => {
  it('F4: is one iframe, sandboxed with allow-scripts only, whatever the title holds', () => {
    for (const title of ['" onload="alert(1)', '</iframe><script>alert(1)</script>', "' onmouseover='alert(1)"]) {
      const snippet = embedCode('https://trends.example.com/embed/q3/engagement/', title);
      const elements = elementsOf(snippet);
      expect(
        elements.map((element) => element.tagName),
        title,
      ).toEqual(['iframe']);
      expect(elements[0]!.properties).toEqual({
        src: 'https://trends.example.com/embed/q3/engagement/',
        title,
        width: '100%',
        height: 520,
        style: 'border:0;max-width:800px',
        loading: 'lazy',
        sandbox: ['allow-scripts'],
        referrerPolicy: 'strict-origin-when-cross-origin',
      });
    }
  });

  it('F4: escapes the title for its attribute', () => {
    expect(embedCode('https://trends.example.com/embed/q3/engagement/', '" onload="alert(1)</iframe><script>')).toBe(
      '<iframe src="https://trends.example.com/embed/q3/engagement/" title="&quot; onload=&quot;alert(1)&lt;/iframe&gt;&lt;script&gt;" width="100%" height="520" style="border:0;max-width:800px" loading="lazy" sandbox="allow-scripts" referrerpolicy="strict-origin-when-cross-origin"></iframe>',
    );
  });
});

describe('F4: the host-side resize listener', () => {
  const script = embedResizeScript(SITE.url);

  it('F4: is one script that checks the origin, the message type, a number in range and the frame it came from', () => {
    expect(elementsOf(script).map((element) => element.tagName)).toEqual(['script']);
    expect(script).toContain('event.origin !== "null" && event.origin !== "https://trendbook.example.com"');
    expect(script).toContain(`data.type !== "${EMBED_HEIGHT_MESSAGE}"`);
    expect(script).toContain('typeof data.height !== "number" || !(data.height >= 100 && data.height <= 3000)');
    expect(script).toContain(
      'frames[i].contentWindow === event.source && frames[i].src.indexOf("https://trendbook.example.com/embed/") === 0',
    );
  });

  it('F4: sets only the frame height, from a number: no eval, no markup, no styles', () => {
    expect(script).not.toMatch(
      /eval|Function\(|innerHTML|outerHTML|insertAdjacentHTML|document\.write|setAttribute|\.style/,
    );
    expect(script).toContain('frames[i].height = String(Math.round(data.height))');
  });

  it('F4: uses the embeds of the site it is given, under its path, with the origin written as a JSON string', () => {
    expect(embedResizeScript('https://charts.example.org/trends/')).toContain(
      'indexOf("https://charts.example.org/trends/embed/") === 0',
    );
    expect(embedResizeScript('https://charts.example.org/trends/')).toContain(
      'event.origin !== "https://charts.example.org"',
    );
  });

  it('F4: is printed in docs/authoring.md as it is built', () => {
    expect(readFileSync(resolve(ROOT, 'docs/authoring.md'), 'utf8')).toContain(`\`\`\`html\n${script}\n\`\`\``);
  });
});

describe('F4: headers for hosts that read _headers', () => {
  const rules = parseHeadersFile(readFileSync(resolve(ROOT, 'public/_headers'), 'utf8'));

  it('F4: lets embeds in sandboxed frames (origin "null") load scripts, styles and fonts, and nothing else', () => {
    for (const path of [
      '/_astro/charts.C9Is_gzo.js',
      '/_astro/chart-runtime.CLl_ozoP.js',
      '/_astro/inter-latin-400-normal.C38fXH4l.woff2',
      '/_astro/safe-json.P1i69-s_.css',
    ]) {
      expect(headersFor(rules, path)['access-control-allow-origin'], path).toBe('*');
    }
    for (const path of [
      '/',
      '/embed/q3/engagement/',
      '/reports/q3/',
      '/explore/catalog.json',
      '/downloads/q3/engagement.csv',
    ]) {
      expect(headersFor(rules, path)['access-control-allow-origin'], path).toBeUndefined();
    }
  });

  it('F4: lets only embeds be framed', () => {
    expect(headersFor(rules, '/embed/q3/engagement/')['content-security-policy']).toBe('frame-ancestors *');
    expect(headersFor(rules, '/reports/q3/charts/engagement/')['content-security-policy']).toBe(
      "frame-ancestors 'none'",
    );
  });
});

describe('the _headers reader of the browser tests', () => {
  it('matches "*" across slashes, applies every matching rule and joins repeated headers', () => {
    const rules = parseHeadersFile('# comment\n/*\n  X-A: 1\n\n/a/*\n  X-A: 2\n  X-B: b: c\n/a/b\n  X-C: exact\n');
    expect(headersFor(rules, '/a/b/c.js')).toEqual({ 'x-a': '1, 2', 'x-b': 'b: c' });
    expect(headersFor(rules, '/a/b')).toEqual({ 'x-a': '1, 2', 'x-b': 'b: c', 'x-c': 'exact' });
    expect(headersFor(rules, '/ab')).toEqual({ 'x-a': '1' });
  });

  it('rejects a header line with no path above it, and a rule that is not a path', () => {
    expect(() => parseHeadersFile('  X-A: 1\n')).toThrow(
      '_headers:1: expected an indented "Name: value" line under a path, received "X-A: 1".',
    );
    expect(() => parseHeadersFile('embed/*\n  X-A: 1\n')).toThrow(
      '_headers:1: a rule starts with a path. Expected "/…", received "embed/*".',
    );
  });
});
