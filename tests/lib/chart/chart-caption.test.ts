import { describe, expect, it } from 'vitest';
import { chartCaption } from '../../../src/lib/chart/chart-caption.ts';
import { engagementSpec } from './spec-fixtures.ts';

describe('chartCaption', () => {
  it('links sources that have an address, highlights illustrative values and explains midpoints', () => {
    const spec = engagementSpec({
      type: 'bar',
      sources: [
        { id: 'a', title: 'Survey', publisher: 'Marketing Dive', year: 2016, url: 'https://example.com/a' },
        { id: 'b', title: 'Klear report', year: 2019 },
      ],
      counts: { points: 40, gaps: 0, illustrative: 12, midpoints: 2 },
    });
    expect(chartCaption(spec)).toEqual([
      { kind: 'text', text: 'Sources: ' },
      { kind: 'link', text: 'Marketing Dive, 2016', href: 'https://example.com/a' },
      { kind: 'text', text: '; Klear report, 2019. ' },
      { kind: 'strong', text: '12 of 40 values are illustrative' },
      {
        kind: 'text',
        text: ` (pale bars): no source gives them. 2 values are midpoints of published ranges (with whiskers over the ranges). Dataset: ${spec.dataset.title}.`,
      },
    ]);
  });
});
