/**
 * Problems in how a dataset is used: filters (`where`), series and the explorer's named views (TB050–TB059).
 * Codes are permanent: never reuse or renumber one; retire a kind by leaving its code out.
 */
import { type ErrorCode, listValues, quote } from '../errors.ts';
import { type AnyErrorKind, kind, type Message } from './define.ts';

export const TB050 = /* @__PURE__ */ kind('TB050', {
  title: 'Unreadable filter',
  about:
    'A pair of a `where` filter is not `column=value` (or `column=value1,value2`), for example a missing "=" or an empty value.',
  exampleAt: 'content/reports/example.md:14:1',
  example: { pair: 'tier=' },
  message: ({ pair }: { pair: string }) => ({
    what: `the filter ${quote(pair)} cannot be read`,
    expected:
      'column=value or column=value1,value2 (pairs separated by spaces, or by ";" when a value contains a space)',
    received: quote(pair),
    fix: 'Write the filter as where="tier=micro,mega year=2016"',
  }),
});

export const TB051 = /* @__PURE__ */ kind('TB051', {
  title: 'Filter names a column twice',
  about:
    'A `where` filter has two pairs for the same column. Rows would have to match both at once, which is almost never meant: the values belong in one pair.',
  exampleAt: 'content/reports/example.md:14:1',
  example: { column: 'tier', text: 'tier=micro tier=mega' },
  message: ({ column, text }: { column: string; text: string }) => ({
    what: `the filter names the column ${quote(column)} twice`,
    expected: 'each column once, with its values separated by commas',
    received: quote(text),
    fix: `Merge them: ${column}=a,b`,
  }),
});

export const TB052 = /* @__PURE__ */ kind('TB052', {
  title: 'Filter on an unknown column',
  about: 'A `where` filter names a column the dataset does not have, so it would keep no rows.',
  exampleAt: 'content/reports/example.md:14:1',
  example: { column: 'teir', path: 'data/tiers.csv', names: ['tier', 'year', 'cost'], suggestion: 'tier' },
  message: ({
    column,
    path,
    names,
    suggestion,
  }: {
    column: string;
    path: string;
    names: string[];
    suggestion?: string | undefined;
  }) => ({
    what: `the filter names a column ${quote(column)} that ${path} does not have`,
    expected: `one of ${listValues(names)}`,
    received: quote(column),
    fix: suggestion ? `Did you mean ${quote(suggestion)}?` : 'Use a column name from the CSV header',
  }),
});

export const TB053 = /* @__PURE__ */ kind('TB053', {
  title: 'Filter value not in the column',
  about:
    "A `where` filter asks for a value no row of the column has. Values match the cell's text exactly, case included, so a typo would silently drop data.",
  exampleAt: 'content/reports/example.md:14:1',
  example: {
    column: 'tier',
    value: 'Micro',
    path: 'data/tiers.csv',
    present: ['micro', 'macro', 'mega'],
    suggestion: 'micro',
  },
  message: ({
    column,
    value,
    path,
    present,
    suggestion,
  }: {
    column: string;
    value: string;
    path: string;
    present: string[];
    suggestion?: string | undefined;
  }) => ({
    what: `no row of ${path} has ${column}=${value}`,
    expected: `one of ${listValues(present)}`,
    received: quote(value),
    fix: suggestion
      ? `Did you mean ${quote(suggestion)}? Values match the cell's text exactly`
      : 'Use a value that occurs in the column (values match exactly, case included)',
  }),
});

export const TB054 = /* @__PURE__ */ kind('TB054', {
  title: 'Several rows for one point',
  about:
    'More than one row falls on the same point of a chart (the same x and series). Trendbook does not pick one silently: say how to combine them, or filter the rows.',
  exampleAt: 'content/reports/example.md:14:1',
  example: { path: 'data/tiers.csv', points: ['tier=micro, year=2024 (lines 2, 7)'] },
  message: ({ path, points }: { path: string; points: string[] }) => ({
    what: `several rows of ${path} share a point: ${points.slice(0, 3).join('; ')}${points.length > 3 ? ` and ${points.length - 3} more` : ''}`,
    expected: 'one row per point, or agg="mean|median|sum|min|max"',
    received: `${points.length} ${points.length === 1 ? 'point' : 'points'} with several rows`,
    fix: 'Add agg="…" to combine them, or narrow the rows with where="…"',
  }),
});

export const TB055 = /* @__PURE__ */ kind('TB055', {
  title: 'Row with a value but nowhere to draw it',
  about:
    'A row has a value to draw but an empty x (or series) cell, so it has no place on the chart. It is reported rather than dropped.',
  exampleAt: 'content/reports/example.md:14:1',
  example: { path: 'data/tiers.csv', lines: [9], x: 'year', series: 'tier' },
  message: ({ path, lines, x, series }: { path: string; lines: number[]; x: string; series?: string | undefined }) => ({
    what: `${lines.length === 1 ? 'a row' : `${lines.length} rows`} of ${path} ${lines.length === 1 ? 'has' : 'have'} a value but no ${series ? `${quote(x)} or ${quote(series)}` : quote(x)} (${lines.length === 1 ? 'line' : 'lines'} ${lines.slice(0, 8).join(', ')}${lines.length > 8 ? ', …' : ''})`,
    expected: 'every drawn row to say where it belongs',
    received: 'an empty cell',
    fix: 'Fill in the empty cell, or leave these rows out with where="…"',
  }),
});

export const TB056 = /* @__PURE__ */ kind('TB056', {
  title: 'No rows left to draw',
  about: 'After filtering, no row has a value in the x column, so the chart would be empty.',
  exampleAt: 'content/reports/example.md:14:1',
  example: { path: 'data/tiers.csv', x: 'year' },
  message: ({ path, x }: { path: string; x: string }) => ({
    what: `no rows of ${path} are left to draw`,
    expected: `rows with a value in ${quote(x)}`,
    received: 'none after filtering',
    fix: 'Check the where="…" filter and the x column',
  }),
});

export const TB057 = /* @__PURE__ */ kind('TB057', {
  title: 'Invalid named view',
  about:
    'An entry of content/views.yml is missing a key, has an unknown one, or a value of the wrong shape (an id that is not lowercase-with-hyphens, a query that is not an explorer query string).',
  exampleAt: 'content/views.yml:3:10',
  example: {
    what: '"0.query": expected the query string of an explorer link, starting with "?"',
    received: '"dataset=tiers"',
    fix: 'Correct "0.query" (docs/authoring.md lists the allowed values)',
  },
  message: (parts: Message) => parts,
});

export const TB058 = /* @__PURE__ */ kind('TB058', {
  title: 'Duplicate view id',
  about: "Two named views share an id. A view's id is its permanent link, so each must be unique.",
  exampleAt: 'content/views.yml:7:7',
  example: { id: 'micro-vs-mega-cost', other: 1 },
  message: ({ id, other }: { id: string; other: number }) => ({
    what: `two views have the id ${JSON.stringify(id)} (the other is view ${other})`,
    expected: 'a unique id per view',
    received: JSON.stringify(id),
    fix: 'Give one of them another id; ids are permanent links',
  }),
});

export const TB059 = /* @__PURE__ */ kind('TB059', {
  title: 'View query the explorer would change',
  about:
    "The explorer would not read a named view's query as written (an unknown dataset, measure or setting) and would show something else. The published view would then differ from the live explorer.",
  exampleAt: 'content/views.yml:4:12',
  example: { notice: 'There is no dataset "costs"; showing "Cost per post by tier".', query: '?dataset=costs&y=cost' },
  message: ({ notice, query }: { notice: string; query: string }) => ({
    what: notice.replace(/\.$/, ''),
    expected: `a query the explorer reads as written, received ${JSON.stringify(query)}`,
    fix: 'Open the view in the explorer, set it up there and copy its address',
  }),
});

/** Every kind of this area, by code. */
export const datasetUseErrors = {
  TB050,
  TB051,
  TB052,
  TB053,
  TB054,
  TB055,
  TB056,
  TB057,
  TB058,
  TB059,
} satisfies Record<ErrorCode, AnyErrorKind>;
