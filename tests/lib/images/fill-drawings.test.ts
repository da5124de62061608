/**
 * The build renders reports without drawing their figures and fills the drawings in as each page is built:
 * what a reader gets is exactly the figure drawn in place.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { afterAll, describe, expect, it } from 'vitest';
import { chartFigure } from '../../../src/lib/chart/figure.ts';
import { fillDrawings } from '../../../src/lib/images/fill-drawings.ts';
import { figureDrawings } from '../../../src/lib/images/image-jobs.ts';
import { engagementSpec, MEGA, MICRO, series } from '../chart/spec-fixtures.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'trendbook-fill-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('fillDrawings', () => {
  const first = engagementSpec({ id: 'first' });
  const second = engagementSpec({
    id: 'second',
    series: [series('micro', 'Micro', [1, 2], MICRO), series('mega', 'Mega', [3, 4], MEGA)],
  });
  const later = [first, second]
    .map((spec) => toHtml(chartFigure(spec, 'report', '', 'later')))
    .join('\n<p>Between.</p>\n');

  it('puts each figure its own drawings, byte for byte as when drawn in place', () => {
    expect(later.match(/<template data-drawings-for="[^"]+"><\/template>/g)).toHaveLength(2);
    const inPlace = [first, second]
      .map((spec) => toHtml(chartFigure(spec, 'report', '', figureDrawings(spec, cacheDir))))
      .join('\n<p>Between.</p>\n');
    expect(fillDrawings(later, [second, first], cacheDir)).toBe(inPlace);
    expect(inPlace.match(/<svg /g)).toHaveLength(4);
  });

  it('reads drawings the build drew into the cache, and draws what is missing there', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'trendbook-fill-fresh-'));
    try {
      fillDrawings(later, [first, second], fresh);
      expect(readdirSync(fresh).filter((file) => file.endsWith('.json'))).toHaveLength(2);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('refuses a placeholder whose chart is not in the report, rather than leave a figure without its drawing', () => {
    expect(() => fillDrawings(later, [first], cacheDir)).toThrow(
      'Internal error: a figure\'s drawings stand for the chart "second", which is not in its report.',
    );
  });
});
