import { describe, expect, it } from 'vitest';
import { computeStat, type StatRequest } from '../../../src/lib/stat/compute-stat.ts';
import { describeStat } from '../../../src/lib/stat/describe-stat.ts';
import { makeDataset } from '../aggregate/make-dataset.ts';

const TIERS = [
  { id: 'micro', label: 'Micro' },
  { id: 'mega', label: 'Mega / celebrity' },
];

const engagement = makeDataset(
  'engagement',
  [
    { name: 'year', type: 'year' },
    { name: 'tier', type: 'category' },
    { name: 'engagement_rate', type: 'percent', label: 'Engagement rate', decimals: 2 },
    { name: 'source_id', type: 'category' },
  ],
  [
    [2016, 'micro', 2.37, 'markerly'],
    [2016, 'mega', 1.66, 'markerly'],
    [2026, 'micro', 0.5, 'hypeauditor'],
    [2026, 'mega', 0.3, 'hypeauditor'],
  ],
  {
    meta: {
      title: 'Engagement by tier',
      sources: [
        { id: 'markerly', title: 'The rise of micro-influencers', publisher: 'Digiday', year: 2016 },
        { id: 'hypeauditor', title: 'State of influencer marketing', publisher: 'HypeAuditor', year: 2026 },
        { id: 'unused', title: 'Never cited', publisher: 'Nobody', year: 2020 },
      ],
    },
  },
);

const findings = makeDataset(
  'findings',
  [
    { name: 'finding', type: 'category' },
    { name: 'percent_more', type: 'percent', label: 'How much more' },
    { name: 'followers', type: 'number' },
  ],
  [
    ['engagement_uplift', 60, 30000],
    ['cost_efficiency', null, 30000],
  ],
  {
    meta: {
      title: 'Findings',
      sources: ['A', 'B', 'C', 'D', 'E'].map((publisher, index) => ({ id: `s${index}`, title: publisher, publisher })),
    },
  },
);

function described(dataset: typeof engagement, request: Omit<StatRequest, 'dataset'>): string {
  const { result } = computeStat(dataset, { dataset: dataset.name, ...request }, 'en-US', TIERS);
  if (!result) throw new Error('the stat did not compute');
  return describeStat(result, 'en-US');
}

/** What no reader should have to decode: `col=value` filters, column ids, file paths. */
function expectReaderWords(text: string): void {
  expect(text).not.toMatch(/=|\.csv|data\/|_/);
}

describe('a stat explained to readers', () => {
  it('names a value by its measure, its filter as labels and the source of its row', () => {
    const text = described(engagement, { y: 'engagement_rate', where: 'tier=micro year=2026', as: 'value' });
    expect(text).toBe('Engagement rate, Micro, 2026: 0.5%. Source: HypeAuditor, 2026.');
    expectReaderWords(text);
  });

  it('names both sides of a comparison with their values and what the comparison says', () => {
    const text = described(engagement, {
      y: 'engagement_rate',
      where: 'year=2016',
      compare: 'tier=micro/mega',
      as: 'percent-more',
    });
    expect(text).toBe(
      'Engagement rate, 2016: Micro 2.37% against Mega / celebrity 1.66%, 43% more. Source: Digiday, 2016.',
    );
    expectReaderWords(text);
    expect(
      described(engagement, {
        y: 'engagement_rate',
        where: 'year=2016',
        compare: 'tier=mega/micro',
        as: 'percent-more',
      }),
    ).toContain('30% less');
    expect(
      described(engagement, { y: 'engagement_rate', where: 'year=2026', compare: 'tier=micro/mega', as: 'ratio' }),
    ).toContain('Micro 0.5% against Mega / celebrity 0.3%, 1.7× as much.');
  });

  it('writes an id such as engagement_uplift in words, a number filter after its label, and at most three sources', () => {
    const text = described(findings, { y: 'percent_more', where: 'finding=engagement_uplift', as: 'value' });
    expect(text).toBe('How much more, Engagement uplift: 60%. Sources: A; B; C; and 2 more.');
    expectReaderWords(text);
    expect(described(findings, { y: 'percent_more', where: 'followers=30000', agg: 'sum', as: 'value' })).toMatch(
      /^How much more, Followers 30000: 60%\./,
    );
  });

  it('says when a value is combined from several rows, and names only the sources of the rows used', () => {
    const text = described(engagement, { y: 'engagement_rate', where: 'tier=micro', agg: 'mean', as: 'value' });
    expect(text).toBe(
      'Engagement rate, Micro: 1.44% (combined from 2 values). Sources: Digiday, 2016; HypeAuditor, 2026.',
    );
  });
});
