/**
 * The explorer's address, read defensively (E1–E5 in tests/checklist/README.md): unknown and
 * hostile values fall back to defaults with a notice, nothing reaches
 * Object.prototype, and a written view reads back to itself.
 */
import { describe, expect, it } from 'vitest';
import { readState, toRequest, writeState } from '../../../src/lib/explore/explore-state.ts';
import type { ExplorerDataset } from '../../../src/lib/explore/explorer-datasets.ts';

const ENGAGEMENT: ExplorerDataset = {
  name: 'engagement',
  title: 'Engagement by tier',
  measures: [
    { name: 'engagement_rate', label: 'Engagement rate' },
    { name: 'like_rate', label: 'Like rate' },
  ],
  axes: [
    { name: 'year', label: 'Year' },
    { name: 'tier', label: 'Tier' },
  ],
  series: { name: 'tier', label: 'Tier', values: ['nano', 'micro', 'mid_tier', 'macro', 'mega'] },
  years: [2016, 2017, 2019, 2024],
};
const COST: ExplorerDataset = {
  name: 'cost',
  title: 'Cost per post',
  measures: [{ name: 'cost_per_post_usd', label: 'Cost per post' }],
  axes: [{ name: 'year', label: 'Year' }],
  series: { name: 'tier', label: 'Tier', values: ['micro', 'mega'] },
  years: [2019, 2023],
};
const CATALOG = [ENGAGEMENT, COST];
const DEFAULT = {
  dataset: 'engagement',
  y: 'engagement_rate',
  x: 'year',
  series: undefined,
  where: '',
  from: undefined,
  to: undefined,
  type: 'line',
};

describe('reading the explorer address', () => {
  it('reads a full view', () => {
    expect(
      readState('?dataset=cost&y=cost_per_post_usd&series=mega,micro&from=2019&to=2023&type=bar', CATALOG),
    ).toEqual({
      state: {
        dataset: 'cost',
        y: 'cost_per_post_usd',
        x: 'year',
        series: ['micro', 'mega'],
        where: '',
        from: 2019,
        to: 2023,
        type: 'bar',
      },
      notices: [],
    });
  });

  it('E1: falls back from markup in values, with the values shown as quoted text', () => {
    const { state, notices } = readState(
      `?${new URLSearchParams({ dataset: '<img src=x onerror=alert(1)>', y: '</script><svg onload=alert(1)>' })}`,
      CATALOG,
    );
    expect(state).toEqual(DEFAULT);
    expect(notices).toEqual([
      'There is no dataset "<img src=x onerror=alert(1)>"; showing "Engagement by tier".',
      '"Engagement by tier" has no measure "</script><svg onload=alert(1)>"; showing "Engagement rate".',
    ]);
  });

  it('E2: prototype keys pollute nothing and are not columns', () => {
    const { state, notices } = readState(
      '?__proto__[x]=1&constructor[prototype][x]=1&__proto__.x=1&y=constructor&x=__proto__&series=toString',
      CATALOG,
    );
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(state).toEqual(DEFAULT);
    expect(notices).toEqual([
      'Ignored settings this explorer does not have: "__proto__[x]", "constructor[prototype][x]", "__proto__.x".',
      '"Engagement by tier" has no measure "constructor"; showing "Engagement rate".',
      '"Engagement by tier" cannot be drawn along "__proto__"; using "Year".',
      'Ignored 1 unknown tier value.',
    ]);
    for (const y of ['__proto__', 'toString', 'hasOwnProperty'])
      expect(readState(`?y=${y}`, CATALOG).state.y).toBe('engagement_rate');
  });

  it('E3: malformed escapes, a NUL byte, repeated keys, a 100 KB query and 10,000 values stay bounded and deterministic', () => {
    expect(readState('?y=%E0%A4%A', CATALOG).state.y).toBe('engagement_rate');
    expect(readState('?where=year%3D2016%00', CATALOG)).toEqual({
      state: DEFAULT,
      notices: ['Ignored a filter longer than 200 characters or holding control characters.'],
    });
    expect(readState('?y=like_rate&y=engagement_rate', CATALOG).state.y).toBe('like_rate');
    expect(readState(`?y=${'a'.repeat(100_000)}`, CATALOG)).toEqual({
      state: DEFAULT,
      notices: ['The link was too long to read (100,003 characters); showing the default view.'],
    });
    const many = Array.from({ length: 10_000 }, (_, index) => `v${index}`).join(',');
    expect(readState(`?series=${many.slice(0, 1_900)}`, CATALOG).state.series).toBeUndefined();
  });

  it('E4: no value becomes a colour, a link or a title; type and years are checked', () => {
    const { state, notices } = readState(
      '?color=red;background:url(//evil)&link=javascript:alert(1)&return=https://evil.example&title=x&type=pie&from=1999&to=abc',
      CATALOG,
    );
    expect(state).toEqual(DEFAULT);
    expect(notices).toEqual([
      'Ignored settings this explorer does not have: "color", "link", "return", "title".',
      'Ignored from="1999": expected a year from 2016 to 2024.',
      'Ignored to="abc": expected a year from 2016 to 2024.',
      'Ignored type="pie": expected line or bar.',
    ]);
  });

  it('E5: accepts repeated series= keys from a plain form submit, and writes them back as one', () => {
    const { state } = readState('?dataset=engagement&y=like_rate&series=mega&series=micro', CATALOG);
    expect(state.series).toEqual(['micro', 'mega']);
    expect(writeState(state, ENGAGEMENT).toString()).toBe('dataset=engagement&y=like_rate&series=micro%2Cmega');
  });

  it('E5: a written view with unicode, spaces and & # + % / reads back to itself', () => {
    const state = {
      dataset: 'engagement',
      y: 'like_rate',
      x: 'year',
      series: ['nano', 'mega'],
      where: 'region=Zürich & Co #1 +50% a/b 🎉 שלום',
      from: 2017,
      to: 2019,
      type: 'bar' as const,
    };
    const params = writeState(state, ENGAGEMENT);
    expect(readState(`?${params}`, CATALOG)).toEqual({ state, notices: [] });
  });
});

describe('the chart request of a view', () => {
  it('turns series, years and the reader’s filter into where pairs', () => {
    const { state } = readState('?series=micro,mega&from=2017&to=2019&where=region=EU platform=instagram', CATALOG);
    expect(toRequest(state, ENGAGEMENT)).toEqual({
      id: 'explore',
      title: 'Engagement rate by tier',
      dataset: 'engagement',
      y: 'engagement_rate',
      x: 'year',
      series: 'tier',
      type: 'line',
      where: 'tier=micro,mega; year=2017,2019; region=EU; platform=instagram',
    });
  });
});
