/**
 * The explorer's address, read defensively (E1–E5 in tests/checklist/README.md): unknown and
 * hostile values fall back to defaults with a notice, nothing reaches
 * Object.prototype, and a written view reads back to itself.
 */
import { describe, expect, it } from 'vitest';
import {
  canIndex,
  canLog,
  exploreTypes,
  readState,
  toRequest,
  writeState,
} from '../../../src/lib/explore/explore-state.ts';
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
  scale: undefined,
  index: false,
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
        index: false,
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
      'Ignored type="pie": expected line, area, bar, hbar, dot or slope.',
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
      index: false,
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

/** A dataset without a year column: no areas, slopes or index. */
const FINDINGS: ExplorerDataset = {
  name: 'findings',
  title: 'Headline findings',
  measures: [{ name: 'multiple', label: 'How many times as much' }],
  axes: [{ name: 'finding', label: 'Finding' }],
};

describe('chart kinds in the address', () => {
  it('reads every kind the explorer draws along the years, and writes each back (line, the default, left out)', () => {
    expect(exploreTypes(ENGAGEMENT, 'year')).toEqual(['line', 'area', 'bar', 'hbar', 'dot', 'slope']);
    for (const type of ['line', 'area', 'bar', 'hbar', 'dot', 'slope'] as const) {
      const { state, notices } = readState(`?type=${type}`, CATALOG);
      expect(notices).toEqual([]);
      expect(state.type).toBe(type);
      const written = writeState(state, ENGAGEMENT);
      expect(written.get('type')).toBe(type === 'line' ? null : type);
      expect(readState(`?${written}`, CATALOG)).toEqual({ state, notices: [] });
    }
  });

  it('offers no area or slope along a category, nor for a dataset without years, and says which kinds it has', () => {
    expect(exploreTypes(ENGAGEMENT, 'tier')).toEqual(['line', 'bar', 'hbar', 'dot']);
    expect(exploreTypes(FINDINGS, 'finding')).toEqual(['line', 'bar', 'hbar', 'dot']);
    expect(readState('?x=tier&type=slope', CATALOG)).toEqual({
      state: { ...DEFAULT, x: 'tier' },
      notices: ['Ignored type="slope": along "Tier" expected line, bar, hbar or dot.'],
    });
    expect(readState('?x=tier&type=area', CATALOG).notices).toEqual([
      'Ignored type="area": along "Tier" expected line, bar, hbar or dot.',
    ]);
    expect(readState('?dataset=findings&type=slope', [FINDINGS]).notices).toEqual([
      'Ignored type="slope": along "Finding" expected line, bar, hbar or dot.',
    ]);
  });

  it('falls back to a line from kinds it does not draw and from hostile values, listing the valid kinds', () => {
    for (const type of [
      'scatter',
      'range',
      'pie',
      'LINE',
      'bar ',
      '__proto__',
      'constructor',
      '<svg onload=alert(1)>',
    ]) {
      const { state, notices } = readState(`?${new URLSearchParams({ type })}`, CATALOG);
      expect(state.type).toBe('line');
      expect(notices).toEqual([`Ignored type=${JSON.stringify(type)}: expected line, area, bar, hbar, dot or slope.`]);
    }
    expect(readState('?type=javascript:alert(1)%0A', CATALOG).notices).toEqual([
      'Ignored type="javascript:alert(1)?": expected line, area, bar, hbar, dot or slope.',
    ]);
    // Repeated keys: the first wins.
    expect(readState('?type=dot&type=bar', CATALOG).state.type).toBe('dot');
    // An empty value is the default, without a notice.
    expect(readState('?type=', CATALOG)).toEqual({ state: DEFAULT, notices: [] });
  });

  it('draws a slope between two years only: the first and last from `from` to `to`, or of the data', () => {
    const request = (query: string) => toRequest(readState(query, CATALOG).state, ENGAGEMENT);
    expect(request('?type=slope')).toMatchObject({ type: 'slope', where: 'year=2016,2024' });
    expect(request('?type=slope&from=2017')).toMatchObject({ where: 'year=2017,2024' });
    expect(request('?type=slope&to=2019')).toMatchObject({ where: 'year=2016,2019' });
    // 2018 is in range but not in the data: the slope starts at the first year there is.
    expect(request('?type=slope&from=2018&series=micro')).toMatchObject({
      where: 'tier=micro; year=2019,2024',
    });
    // A line keeps every year between.
    expect(request('?from=2017')).toMatchObject({ type: 'line', where: 'year=2017,2019,2024' });
  });

  it('draws a line when `from` to `to` hold fewer than two of the data’s years', () => {
    expect(readState('?type=slope&from=2019&to=2019', CATALOG)).toEqual({
      state: { ...DEFAULT, from: 2019, to: 2019 },
      notices: [
        'Ignored type="slope": a slope chart compares two years, and the data has only 2019 from 2019 to 2019.',
      ],
    });
    expect(readState('?type=slope&from=2020&to=2023', CATALOG).notices).toEqual([
      'Ignored type="slope": a slope chart compares two years, and the data has none from 2020 to 2023.',
    ]);
  });
});

describe('the value axis in the address', () => {
  it('reads scale=log and scale=linear, writes them back, and asks the chart for them', () => {
    for (const scale of ['log', 'linear'] as const) {
      const { state, notices } = readState(`?type=dot&scale=${scale}`, CATALOG);
      expect(notices).toEqual([]);
      expect(state).toEqual({ ...DEFAULT, type: 'dot', scale });
      expect(writeState(state, ENGAGEMENT).toString()).toBe(
        `dataset=engagement&y=engagement_rate&type=dot&scale=${scale}`,
      );
      expect(toRequest(state, ENGAGEMENT)).toMatchObject({ type: 'dot', scale });
    }
  });

  it('leaves the axis automatic by default: no scale in the address or the request', () => {
    const { state } = readState('?type=dot', CATALOG);
    expect(state.scale).toBeUndefined();
    expect(writeState(state, ENGAGEMENT).has('scale')).toBe(false);
    expect(toRequest(state, ENGAGEMENT)).not.toHaveProperty('scale');
  });

  it('ignores a log axis for bars and areas, saying why and what to use instead', () => {
    for (const type of ['bar', 'hbar'] as const) {
      expect(readState(`?type=${type}&scale=log`, CATALOG)).toEqual({
        state: { ...DEFAULT, type },
        notices: ['Ignored scale="log": bars start at zero, so their axis stays linear: use Dots for a log axis.'],
      });
    }
    expect(readState('?type=area&scale=log', CATALOG).notices).toEqual([
      'Ignored scale="log": areas are filled from zero, so their axis stays linear: use Line or Dots for a log axis.',
    ]);
    // A linear axis is what bars have anyway.
    expect(readState('?type=bar&scale=linear', CATALOG)).toEqual({
      state: { ...DEFAULT, type: 'bar', scale: 'linear' },
      notices: [],
    });
    expect([canLog('bar'), canLog('hbar'), canLog('area'), canLog('line'), canLog('dot'), canLog('slope')]).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('ignores other values, hostile ones included, with a notice', () => {
    for (const scale of ['LOG', 'logarithmic', 'auto', '__proto__', '"><img src=x onerror=alert(1)>', 'log\u0000']) {
      const { state, notices } = readState(`?${new URLSearchParams({ scale })}`, CATALOG);
      expect(state).toEqual(DEFAULT);
      expect(notices).toEqual([
        `Ignored scale=${JSON.stringify(scale.replace(/\u0000/g, '?'))}: expected log or linear.`,
      ]);
    }
    expect(readState('?scale=', CATALOG)).toEqual({ state: DEFAULT, notices: [] });
  });
});

describe('change since the first year in the address', () => {
  it('reads index=1 for lines, areas, dots and slopes along the years, and writes it back', () => {
    for (const type of ['line', 'area', 'dot', 'slope'] as const) {
      const { state, notices } = readState(`?type=${type}&index=1`, CATALOG);
      expect(notices).toEqual([]);
      expect(state).toEqual({ ...DEFAULT, type, index: true });
      expect(writeState(state, ENGAGEMENT).get('index')).toBe('1');
      expect(readState(`?${writeState(state, ENGAGEMENT)}`, CATALOG)).toEqual({ state, notices: [] });
      expect(canIndex(ENGAGEMENT, state)).toBe(true);
    }
    // Off is the default, left out of the address; index=0 reads as off.
    expect(writeState(DEFAULT as Parameters<typeof writeState>[0], ENGAGEMENT).has('index')).toBe(false);
    expect(readState('?index=0', CATALOG)).toEqual({ state: DEFAULT, notices: [] });
    expect(readState('?index=', CATALOG)).toEqual({ state: DEFAULT, notices: [] });
  });

  it('keeps a log axis when asked for one with the index', () => {
    const { state, notices } = readState('?type=dot&scale=log&index=1', CATALOG);
    expect(notices).toEqual([]);
    expect(writeState(state, ENGAGEMENT).toString()).toBe(
      'dataset=engagement&y=engagement_rate&type=dot&scale=log&index=1',
    );
  });

  it('ignores index=1 for bars, along a category and without years, saying what it needs', () => {
    const needs =
      'Ignored index=1: change since the first year needs years along the axis and a line, area, dot or slope chart.';
    expect(readState('?type=bar&index=1', CATALOG)).toEqual({ state: { ...DEFAULT, type: 'bar' }, notices: [needs] });
    expect(readState('?type=hbar&index=1', CATALOG).notices).toEqual([needs]);
    expect(readState('?x=tier&index=1', CATALOG)).toEqual({ state: { ...DEFAULT, x: 'tier' }, notices: [needs] });
    expect(readState('?index=1', [FINDINGS]).notices).toEqual([needs]);
    expect(readState('?index=1', [FINDINGS]).state.index).toBe(false);
  });

  it('ignores other values, hostile ones included, with a notice', () => {
    for (const index of ['true', 'yes', '2', '01', '__proto__', '<script>alert(1)</script>']) {
      const { state, notices } = readState(`?${new URLSearchParams({ index })}`, CATALOG);
      expect(state).toEqual(DEFAULT);
      expect(notices).toEqual([
        `Ignored index=${JSON.stringify(index)}: expected 1 (change since the first year) or 0.`,
      ]);
    }
  });

  it('reads kind, axis and index together with every other setting, and back', () => {
    const state = {
      dataset: 'cost',
      y: 'cost_per_post_usd',
      x: 'year',
      series: ['mega'],
      where: 'region=EU',
      from: 2019,
      to: 2023,
      type: 'slope' as const,
      scale: 'log' as const,
      index: true,
    };
    const written = writeState(state, COST);
    expect(written.toString()).toBe(
      'dataset=cost&y=cost_per_post_usd&series=mega&where=region%3DEU&from=2019&to=2023&type=slope&scale=log&index=1',
    );
    expect(readState(`?${written}`, CATALOG)).toEqual({ state, notices: [] });
    expect(toRequest(state, COST)).toEqual({
      id: 'explore',
      title: 'Cost per post by tier, change since the first year',
      dataset: 'cost',
      y: 'cost_per_post_usd',
      x: 'year',
      series: 'tier',
      type: 'slope',
      scale: 'log',
      where: 'tier=mega; year=2019,2023; region=EU',
    });
  });
});
