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

  it('briefly, for an embed: the first source and how many more, every word on illustrative values, no dataset', () => {
    const sources = ['A', 'B', 'C', 'D'].map((name, index) => ({
      id: name,
      title: `Report ${name}`,
      year: 2016 + index,
    }));
    const spec = engagementSpec({ sources, counts: { points: 40, gaps: 0, illustrative: 24, midpoints: 0 } });
    expect(chartCaption(spec, { brief: true })).toEqual([
      { kind: 'text', text: 'Sources: Report A, 2016, and 3 more. ' },
      { kind: 'strong', text: '24 of 40 values are illustrative' },
      { kind: 'text', text: ' (hollow points, dashed where joined): no source gives them.' },
    ]);
    // Two sources take no more room than one and a count: both are named.
    expect(
      chartCaption(
        { ...spec, sources: sources.slice(0, 2), counts: { ...spec.counts, illustrative: 0 } },
        { brief: true },
      ),
    ).toEqual([{ kind: 'text', text: 'Sources: Report A, 2016; Report B, 2017.' }]);
  });
});
