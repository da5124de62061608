/**
 * The explorer's filter box (#18): a typed filter that could not apply was
 * silently emptied, and the same filter in the address got a notice naming
 * the data file. Each pair is now checked against the dataset; the pairs that
 * cannot apply are left out with a notice in words, the rest still apply. The
 * box's example comes from the dataset's own columns and values.
 */
import { describe, expect, it } from 'vitest';
import { checkExploreFilter } from '../../../src/lib/explore/explore-filter.ts';
import { type ExploreState, readState } from '../../../src/lib/explore/explore-state.ts';
import { explorerDataset } from '../../../src/lib/explore/explorer-datasets.ts';
import { makeDataset } from '../aggregate/make-dataset.ts';

const dataset = makeDataset(
  'engagement',
  [
    { name: 'year', type: 'year' },
    { name: 'tier', type: 'category' },
    { name: 'basis', type: 'category' },
    { name: 'engagement_rate', type: 'percent' },
  ],
  [
    [2016, 'micro', 'reported', 3.5],
    [2016, 'mega', 'illustrative', 1.7],
    [2017, 'micro', 'reported', 3.1],
    [2017, 'mega', 'reported', 1.5],
  ],
);
const entry = explorerDataset(dataset, ['micro', 'mega'])!;
const view = (query: string): ExploreState => readState(query, [entry]).state;

describe('the explorer’s filter', () => {
  it('applies a filter on known columns and values as written', () => {
    expect(checkExploreFilter(view('?where=basis=reported year=2016,2017'), entry, dataset)).toEqual({
      where: 'basis=reported year=2016,2017',
      notices: [],
    });
    expect(checkExploreFilter(view('?where='), entry, dataset)).toEqual({ where: '', notices: [] });
  });

  it('leaves out each pair that cannot apply, saying why in words, and keeps the rest', () => {
    const { where, notices } = checkExploreFilter(
      view('?where=teir=micro basis=reported tier=micro basis=illustrative tier nosuch=1'),
      entry,
      dataset,
    );
    expect(where).toBe('basis=reported tier=micro');
    expect(notices).toEqual([
      'The filter "teir=micro" was not applied: this dataset has no column "teir". Did you mean "tier"?',
      'The filter "basis=illustrative" was not applied: it names the column "basis" again: put all its values in one pair, separated by commas.',
      'The filter "tier" was not applied: write a column, "=" and a value, for example basis=reported.',
      'The filter "nosuch=1" was not applied: this dataset has no column "nosuch". Its columns are "year", "tier", "basis" and "engagement_rate".',
    ]);
  });

  it('names a value no row has, with the nearest one', () => {
    const { where, notices } = checkExploreFilter(view('?where=tier=Micro,mega'), entry, dataset);
    expect(where).toBe('');
    expect(notices).toEqual([
      'The filter "tier=Micro,mega" was not applied: no row has "Micro" in the column "tier". Did you mean "micro"?',
    ]);
    // No file path, whatever the problem.
    for (const notice of notices) expect(notice).not.toContain('data/');
  });

  it('leaves a column to the control that already chooses it (ticked tiers, years from and to)', () => {
    expect(checkExploreFilter(view('?series=micro&where=tier=mega'), entry, dataset).notices).toEqual([
      'The filter "tier=mega" was not applied: the controls above already choose which tier to show.',
    ]);
    expect(checkExploreFilter(view('?from=2017&where=year=2016'), entry, dataset).notices).toEqual([
      'The filter "year=2016" was not applied: the controls above already choose which year to show.',
    ]);
    // With every tier ticked, the filter chooses.
    expect(checkExploreFilter(view('?where=tier=mega'), entry, dataset).notices).toEqual([]);
  });

  it('keeps pairs separated by ";" that way, so values with spaces survive', () => {
    expect(checkExploreFilter(view('?where=basis=reported; teir=x'), entry, dataset).where).toBe('basis=reported');
  });
});

describe('the filter box’s example', () => {
  it('is a column other than the series, with a value that occurs in it', () => {
    expect(entry.filterExample).toEqual({ column: 'basis', value: 'reported' });
  });

  it('falls back to the series, then any column with a one-word value', () => {
    const tiers = makeDataset(
      'tiers',
      [
        { name: 'tier', type: 'category' },
        { name: 'cost', type: 'number' },
      ],
      [
        ['micro', 1],
        ['mega', 2],
      ],
    );
    expect(explorerDataset(tiers, [])!.filterExample).toEqual({ column: 'tier', value: 'micro' });
    const quoted = makeDataset(
      'quoted',
      [
        { name: 'version', type: 'category' },
        { name: 'basis', type: 'category' },
        { name: 'multiple', type: 'number' },
      ],
      [
        ['As quoted in 2018', 'reported', 1.22],
        ['As published', 'reported', 22.2],
      ],
    );
    expect(explorerDataset(quoted, [])!.filterExample).toEqual({ column: 'basis', value: 'reported' });
  });
});
