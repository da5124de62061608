/**
 * Rows A13 and F6 of tests/checklist/README.md: text from data inside a page's inline JSON can never
 * end the script or open a comment, and reads back exactly.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { chartFigure } from '../../src/lib/chart/figure.ts';
import { figureDrawings } from '../../src/lib/images/image-jobs.ts';
import { safeJson } from '../../src/lib/safe-json.ts';
import { engagementSpec, MICRO, series } from './chart/spec-fixtures.ts';

const HOSTILE = ['</script><script>alert(1)</script>', '</SCRIPT >x', '<!--<script>', 'a\u2028b\u2029c', '{{x}} & "q"'];

describe('safeJson', () => {
  it('escapes <, >, &, U+2028 and U+2029, and parses back to the same value', () => {
    expect(safeJson(HOSTILE)).toBe(
      '["\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e","\\u003c/SCRIPT \\u003ex","\\u003c!--\\u003cscript\\u003e","a\\u2028b\\u2029c","{{x}} \\u0026 \\"q\\""]',
    );
    expect(JSON.parse(safeJson(HOSTILE))).toEqual(HOSTILE);
  });

  it('keeps a chart figure to one script, whose JSON holds every hostile label exactly', () => {
    const spec = engagementSpec({ series: HOSTILE.map((label, index) => series(`s${index}`, label, [1, 2], MICRO)) });
    const html = toHtml(chartFigure(spec, 'report', '', figureDrawings(spec)));
    const tree = fromHtml(html, { fragment: true });
    const scripts: string[] = [];
    const visit = (node: { type: string; tagName?: string; children?: unknown[] }) => {
      if (node.type === 'element' && node.tagName === 'script') scripts.push(node.tagName);
      for (const child of node.children ?? []) visit(child as typeof node);
    };
    visit(tree as never);
    expect(scripts).toHaveLength(1);
    const json = /<script type="application\/json" class="chart__spec">(.*?)<\/script>/s.exec(html)![1]!;
    expect((JSON.parse(json) as { series: { label: string }[] }).series.map((entry) => entry.label)).toEqual(HOSTILE);
  });
});
