/**
 * Problems with a chart's kind, options and annotations (TB060–TB099): the rules that refuse a chart that
 * would distort its data (bars on a log axis, stacked rates, too many lines on one panel) and annotations
 * that do not fit the data. Codes are permanent: never reuse or renumber one; retire a kind by leaving its code out.
 */
import { type ErrorCode, listValues, quote } from '../errors.ts';
import { type AnyErrorKind, kind } from './define.ts';

export const TB060 = /* @__PURE__ */ kind('TB060', {
  title: 'Unknown chart option value',
  about: 'A chart option (`stack`, `sort`, `scale` or `xscale`) has a value Trendbook does not know.',
  exampleAt: 'content/reports/example.md:3:70',
  example: { attribute: 'stack', value: 'stacked', allowed: ['normal', 'percent'], suggestion: undefined },
  message: ({
    attribute,
    value,
    allowed,
    suggestion,
  }: {
    attribute: string;
    value: string;
    allowed: readonly string[];
    suggestion?: string | undefined;
  }) => ({
    what: `${attribute}=${quote(value)} is not a value ${attribute} takes`,
    expected: listValues(allowed),
    received: quote(value),
    fix: `${suggestion ? `Did you mean ${attribute}="${suggestion}"? ` : ''}Use ${allowed.map((item) => `${attribute}="${item}"`).join(' or ')}`,
  }),
});

export const TB061 = /* @__PURE__ */ kind('TB061', {
  title: 'Chart option for another kind',
  about:
    'An option that only one kind of chart uses (`sort` for `hbar`, `y2` for `range`, `xscale` and `name` for `scatter`, `stack` for bars and areas) is given to a chart of another kind, where it would silently do nothing.',
  exampleAt: 'content/reports/example.md:3:70',
  example: { attribute: 'sort', type: 'bar', kinds: ['hbar'] },
  message: ({ attribute, type, kinds }: { attribute: string; type: string; kinds: readonly string[] }) => ({
    what: `${attribute}= does nothing on a chart of type="${type}"`,
    expected: `${attribute}= only with ${kinds.map((item) => `type="${item}"`).join(', ')}`,
    received: `type="${type}"`,
    fix:
      kinds.length === 1
        ? `Use type="${kinds[0]}", or remove ${attribute}=`
        : `Use one of those types, or remove ${attribute}=`,
  }),
});

export const TB062 = /* @__PURE__ */ kind('TB062', {
  title: 'Bars on a log axis',
  about:
    "A bar's (or a filled area's) length is its value, measured from zero. A log axis has no zero, and lengths on it mean nothing: a $41 bar would look a third as long as a $3,138 one. Trendbook refuses it; a dot plot shows values that span orders of magnitude honestly.",
  exampleAt: 'content/reports/example.md:3:90',
  example: { type: 'bar' },
  message: ({ type }: { type: string }) => ({
    what: `type="${type}" cannot use a log axis: ${type === 'area' ? 'an area is filled' : 'bars are drawn'} from zero, and on a log axis their lengths mean nothing`,
    expected: 'scale="linear" (the default for this kind)',
    received: 'scale="log"',
    fix: 'Use type="dot" scale="log" for values that span orders of magnitude, or remove scale="log"',
  }),
});

export const TB063 = /* @__PURE__ */ kind('TB063', {
  title: 'Stacked values that do not add up',
  about:
    "Stacking draws series on top of each other, so the top of a stack reads as their sum. Rates, percentages and multiples do not add up (two 3% engagement rates are not 6%), so `stack` is refused on them unless the dataset's sidecar declares the column `additive: true`.",
  exampleAt: 'content/reports/example.md:3:90',
  example: { column: 'engagement_rate', what: 'a percent column', path: 'data/engagement.yml' },
  message: ({ column, what, path }: { column: string; what: string; path: string }) => ({
    what: `stack= would add up ${quote(column)}, ${what}, whose values do not add up`,
    expected: `a count or amount, or a column declared additive: true in ${path}`,
    received: `${quote(column)}, ${what}`,
    fix: `Remove stack= to draw the series side by side, or, if the values are parts of one whole, add "additive: true" to the column ${column} in ${path}`,
  }),
});

export const TB064 = /* @__PURE__ */ kind('TB064', {
  title: 'Slope chart without exactly two x values',
  about:
    'A slope chart joins each series from one x value to another: it needs exactly two, such as a first and a last year.',
  exampleAt: 'content/reports/example.md:3:1',
  example: { x: 'year', values: ['2016', '2017', '2026'] },
  message: ({ x, values }: { x: string; values: readonly string[] }) => ({
    what: `type="slope" needs exactly two values of ${quote(x)}, and the chart has ${values.length}`,
    expected: 'two x values',
    received: values.join(', '),
    fix: `Keep two with a filter, such as where="${x}=${values[0] ?? '2016'},${values.at(-1) ?? '2026'}", or use type="line"`,
  }),
});

export const TB065 = /* @__PURE__ */ kind('TB065', {
  title: 'Scatter chart over a non-numeric axis',
  about:
    'A scatter chart places each point by two numbers; its x column must hold numbers (or years or dates), not categories.',
  exampleAt: 'content/reports/example.md:3:40',
  example: { x: 'tier', type: 'category' },
  message: ({ x, type }: { x: string; type: string }) => ({
    what: `type="scatter" needs a numeric x, and ${quote(x)} is a ${type} column`,
    expected: 'a number, percent, currency, fraction, year or date column as x',
    received: `${quote(x)} (${type})`,
    fix: 'Name a numeric column as x=, or use type="dot" to compare categories',
  }),
});

export const TB066 = /* @__PURE__ */ kind('TB066', {
  title: 'Too many series on one chart',
  about:
    'Beyond eight series, colours can no longer be told apart and lines tangle; Trendbook asks for small multiples or a filter instead.',
  exampleAt: 'content/reports/example.md:3:30',
  example: { count: 11, limit: 8, series: 'platform' },
  message: ({ count, limit, series }: { count: number; limit: number; series: string }) => ({
    what: `the chart draws ${count} series of ${quote(series)} on one panel`,
    expected: `at most ${limit}`,
    received: String(count),
    fix: `Keep the ones that matter with where="${series}=…", or draw small multiples with facet="${series}"`,
  }),
});

export const TB067 = /* @__PURE__ */ kind('TB067', {
  title: 'Range chart without its high column',
  about: 'A `range` chart draws a bar from `y` to `y2` for each category; without `y2` it has no high end.',
  exampleAt: 'content/reports/example.md:3:1',
  example: { y: 'cost_low_usd' },
  message: ({ y }: { y: string }) => ({
    what: 'type="range" has no y2=',
    expected: `y2="<column>", the high end of each range (y=${quote(y)} is its low end)`,
    received: 'no y2',
    fix: 'Add y2="<column of high values>", such as y2="cost_high_usd"',
  }),
});

export const TB068 = /* @__PURE__ */ kind('TB068', {
  title: 'Unreadable annotation',
  about:
    'An annotation (`mark`, `band`, `ref` or `label`) is a list of `position: text` items separated by ";", each split at its first ": ".',
  exampleAt: 'content/reports/example.md:3:95',
  example: {
    attribute: 'mark',
    item: '2018 The argument appears',
    problem: 'it has no ": " between position and text',
  },
  message: ({ attribute, item, problem }: { attribute: string; item: string; problem: string }) => ({
    what: `the ${attribute} item ${quote(item)} cannot be read: ${problem}`,
    expected: EXAMPLES[attribute] ?? 'position: text',
    received: quote(item),
    fix: `Write it as ${attribute}="${EXAMPLES[attribute] ?? 'position: text'}"; separate several items with ";"`,
  }),
});

const EXAMPLES: Record<string, string> = {
  mark: '2018: The argument appears',
  band: '2020..2021: Pandemic',
  ref: '2.5: Industry average',
  label: 'tier=micro year=2016: Markerly survey',
};

export const TB069 = /* @__PURE__ */ kind('TB069', {
  title: 'Annotation outside the chart',
  about:
    'A `mark`, `band` or `ref` names a position the chart does not have: an x value outside its axis or not among its categories, or a value a log axis cannot show.',
  exampleAt: 'content/reports/example.md:3:95',
  example: { attribute: 'mark', position: '2030', expected: 'a year from 2016 to 2026' },
  message: ({ attribute, position, expected }: { attribute: string; position: string; expected: string }) => ({
    what: `${attribute} at ${quote(position)} is not on the chart`,
    expected,
    received: quote(position),
    fix: `Use a position on the chart's axis, or remove the ${attribute} item`,
  }),
});

export const TB070 = /* @__PURE__ */ kind('TB070', {
  title: 'Label filter does not select one point',
  about:
    'A `label` annotation notes one point, chosen by a filter; the filter must select exactly one drawn point of the chart.',
  exampleAt: 'content/reports/example.md:3:95',
  example: { filter: 'tier=micro', count: 11, hint: 'add the x value, such as year=2016' },
  message: ({ filter, count, hint }: { filter: string; count: number; hint: string }) => ({
    what: `label at ${quote(filter)} selects ${count === 0 ? 'no point' : `${count} points`} of the chart`,
    expected: 'exactly one point',
    received: `${count} points`,
    fix: `Narrow or correct the filter: ${hint}`,
  }),
});

export const TB071 = /* @__PURE__ */ kind('TB071', {
  title: 'Log axis over zero or negative values',
  about: 'A log axis cannot show zero or a negative number; `scale="log"` on such data would drop points silently.',
  exampleAt: 'content/reports/example.md:3:90',
  example: { column: 'change', value: '-3' },
  message: ({ column, value }: { column: string; value: string }) => ({
    what: `scale="log" cannot show ${quote(column)}'s value ${value}`,
    expected: 'only values above zero on a log axis',
    received: value,
    fix: 'Remove scale="log", or filter out the rows at or below zero',
  }),
});

// TB072 (small multiples not drawn yet) is retired: facet= draws them.

export const TB073 = /* @__PURE__ */ kind('TB073', {
  title: 'Too many panels',
  about:
    'Small multiples (`facet`) draw one panel per value of a column; beyond eight panels each becomes too small to read on a phone.',
  exampleAt: 'content/reports/example.md:3:90',
  example: { facet: 'country', count: 14, limit: 8 },
  message: ({ facet, count, limit }: { facet: string; count: number; limit: number }) => ({
    what: `facet="${facet}" would draw ${count} panels`,
    expected: `at most ${limit} panels`,
    received: String(count),
    fix: `Keep the panels that matter with where="${facet}=…", or split them over two charts`,
  }),
});

/** Every kind of this area, by code. */
export const chartErrors = {
  TB060,
  TB061,
  TB062,
  TB063,
  TB064,
  TB065,
  TB066,
  TB067,
  TB068,
  TB069,
  TB070,
  TB071,
  TB073,
} satisfies Record<ErrorCode, AnyErrorKind>;
