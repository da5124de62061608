/**
 * Why a view cannot be drawn, as the explorer says it (#18): the builder's words named the data file,
 * `tier=nano` points and line numbers; a reader gets what to change instead.
 */
import { describe, expect, it } from 'vitest';
import { refusalWords } from '../../../src/lib/explore/explore-refusal.ts';
import { exploreSpec } from '../../../src/lib/explore/explore-spec.ts';
import { readState } from '../../../src/lib/explore/explore-state.ts';
import { explorerDataset } from '../../../src/lib/explore/explorer-datasets.ts';
import { makeDataset } from '../aggregate/make-dataset.ts';

const dataset = makeDataset(
  'engagement',
  [
    { name: 'year', type: 'year' },
    { name: 'tier', type: 'category' },
    { name: 'engagement_rate', type: 'percent' },
  ],
  [
    [2016, 'micro', 3.5],
    [2016, 'mega', 1.7],
    [2017, 'micro', 3.1],
    [2017, 'mega', 1.5],
  ],
);
const entry = explorerDataset(dataset, ['micro', 'mega'])!;
const site = { tiers: [], palette: [{ color: '#000000', darkColor: '#ffffff' }], locale: 'en-US' };

describe('why the explorer cannot draw a view', () => {
  it('says what to change, without the file, column=value points or line numbers', () => {
    const state = readState('?x=tier', [entry]).state;
    const { spec, issues } = exploreSpec(dataset, state, entry, site);
    expect(spec).toBeUndefined();
    expect(issues[0]?.what).toContain('data/engagement.csv');
    const words = refusalWords(issues[0], state, entry);
    expect(words).toBe('several values fall on one point along tier: choose one year with From and To');
    expect(words).not.toMatch(/\.csv|\w=\w|line/);
  });

  it('says nothing is left when nothing is', () => {
    const state = readState('', [entry]).state;
    expect(refusalWords(undefined, state, entry)).toBe('no values are left to draw');
  });
});
