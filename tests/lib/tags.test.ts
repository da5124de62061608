/** Tag slugs and grouping. */
import { describe, expect, it } from 'vitest';
import { groupByTag, tagPath, tagSlug } from '../../src/lib/tags.ts';

describe('tags', () => {
  it('make plain slugs from free text, never a path', () => {
    expect(['Cost & Pricing', 'Zürich', '../../etc', '__proto__', '🎉', 'fact-check'].map(tagSlug)).toEqual([
      'cost-pricing',
      'zurich',
      'etc',
      'proto',
      'tag',
      'fact-check',
    ]);
    expect(tagPath('Cost & Pricing')).toBe('/tags/cost-pricing/');
  });

  it('group reports by slug, keeping the first spelling and the reports’ order', () => {
    const a = { id: 'a', data: { tags: ['Cost', 'engagement'] } };
    const b = { id: 'b', data: { tags: ['cost', 'cost'] } };
    expect(
      groupByTag([a, b]).map(({ slug, tag, reports }) => ({ slug, tag, reports: reports.map((report) => report.id) })),
    ).toEqual([
      { slug: 'cost', tag: 'Cost', reports: ['a', 'b'] },
      { slug: 'engagement', tag: 'engagement', reports: ['a'] },
    ]);
  });
});
