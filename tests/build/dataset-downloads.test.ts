/**
 * The example site, built as a user builds it: every dataset is published as
 * CSV, XLSX and Parquet beside `/data/`, each file holds the dataset, and the
 * datasets page and every report link all three.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDatasets, loadDataset } from '../../src/lib/data/load-dataset.ts';
import { readXlsx } from '../lib/data/downloads/read-xlsx.ts';
import { publishedSources } from '../site-sources.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'trendbook-dataset-downloads-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const out = join(temp, 'dist');
const EXTENSIONS = ['csv', 'xlsx', 'parquet'];
// What the loops below must find: the example's datasets, each with three files.
const names = listDatasets(ROOT);

/** The elements of a built page that match a test. */
function elements(file: string, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(fromHtml(readFileSync(file, 'utf8')), 'element', (element) => {
    if (test(element)) found.push(element);
  });
  return found;
}

const hasClass = (element: Element, name: string) =>
  Array.isArray(element.properties.className) && element.properties.className.includes(name);

/** Every `<a>` inside an element. */
function links(element: Element): Element[] {
  const found: Element[] = [];
  visit(element, 'element', (child) => {
    if (child.tagName === 'a') found.push(child);
  });
  return found;
}

describe('the example site’s dataset downloads', () => {
  let status: number | null = null;
  let stderr = '';
  beforeAll(() => {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
      cwd: ROOT,
      env: { ...process.env, TRENDBOOK_SITE: ROOT, TRENDBOOK_OUT: out },
      encoding: 'utf8',
    });
    status = build.status;
    stderr = build.stderr;
  });

  it('builds', () => {
    expect(stderr).toBe('');
    expect(status).toBe(0);
    // The example's CSV datasets at least; any query dataset (data/<name>.sql) is listed beside them.
    expect(names).toEqual(expect.arrayContaining(['buzz', 'buzz_claim', 'cost', 'engagement', 'findings']));
  });

  it('publishes /data/<name>.csv, .xlsx and .parquet for every dataset', () => {
    expect(names.length).toBeGreaterThan(0);
    for (const name of names)
      for (const extension of EXTENSIONS)
        expect(existsSync(join(out, 'data', `${name}.${extension}`)), `${name}.${extension}`).toBe(true);
  });

  it('holds every row and column of the dataset in the XLSX file, headed by label, with its sources', () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const name of names) {
      const dataset = loadDataset(ROOT, name);
      const { sheets } = readXlsx(readFileSync(join(out, 'data', `${name}.xlsx`)));
      expect(
        sheets.map((sheet) => sheet.name),
        name,
      ).toEqual(['Data', 'Sources']);
      const [data, sources] = sheets;
      expect(data!.rows, name).toHaveLength(dataset.rows.length + 1);
      expect(
        dataset.columns.map((_, index) => data!.cells.get(`${String.fromCharCode(65 + index)}1`)?.value),
        name,
      ).toEqual(dataset.columns.map((column) => (column.unit ? `${column.label} (${column.unit})` : column.label)));
      expect(sources!.cells.get('B1')?.value, name).toBe(dataset.meta.title);
      const texts = [...sources!.cells.values()].map((cell) => cell.value);
      for (const source of dataset.meta.sources) expect(texts, `${name}: ${source.id}`).toContain(source.title);
      for (const column of dataset.columns) expect(texts, `${name}: ${column.name}`).toContain(column.name);
    }
  });

  it('holds every row and column of the dataset in the Parquet file, by exact name', async () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      for (const name of names) {
        const dataset = loadDataset(ROOT, name);
        const reader = await connection.runAndReadAll(
          `SELECT * FROM read_parquet('${join(out, 'data', `${name}.parquet`)}')`,
        );
        expect(reader.columnNames(), name).toEqual(dataset.columns.map((column) => column.name));
        const rows = reader.getRowObjectsJson();
        expect(rows, name).toHaveLength(dataset.rows.length);
        // Row by row, every value as the dataset holds it (a DATE reads back as its ISO day, as the dataset holds it).
        rows.forEach((row, index) => {
          for (const column of dataset.columns)
            expect(row[column.name], `${name} row ${index + 1}, ${column.name}`).toEqual(
              dataset.rows[index]![column.name] ?? null,
            );
        });
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('links all three files of each dataset on /data/, under a caption that names the dataset', () => {
    const page = join(out, 'data', 'index.html');
    const sections = elements(page, (element) => element.tagName === 'section' && hasClass(element, 'dataset'));
    expect(sections).toHaveLength(names.length);
    sections.forEach((section, index) => {
      const name = names[index]!;
      const downloads = links(section).filter((link) => String(link.properties.href).startsWith(`/data/${name}.`));
      expect(
        downloads.map((link) => [link.properties.href, link.properties.download]),
        name,
      ).toEqual(EXTENSIONS.map((extension) => [`/data/${name}.${extension}`, `${name}.${extension}`]));
    });
    const tables = elements(page, (element) => element.tagName === 'table' && hasClass(element, 'dataset__columns'));
    const captions = tables.map(
      (table) =>
        table.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption')!,
    );
    expect(captions).toHaveLength(names.length);
    expect(captions.map((caption) => (caption.children[0] as { value: string }).value)).toEqual(
      names.map((name) => `Columns of ${loadDataset(ROOT, name).meta.title}`),
    );
  });

  it('links all three files of each dataset a report’s charts draw, in its sources', () => {
    const reports = publishedSources(ROOT);
    expect(reports.length).toBeGreaterThan(0);
    for (const report of reports) {
      const credits = elements(join(out, 'reports', report.slug, 'index.html'), (element) =>
        hasClass(element, 'sources__dataset'),
      );
      expect(credits.length, report.slug).toBeGreaterThan(0);
      const linked = credits.flatMap((credit) =>
        links(credit).filter((link) => String(link.properties.href).startsWith('/data/')),
      );
      // Three files for each dataset a chart draws; every one of them exists.
      const datasets = [...new Set(linked.map((link) => String(link.properties.href).replace(/\.\w+$/, '')))];
      expect(datasets.length, report.slug).toBeGreaterThanOrEqual(report.charts > 0 ? 1 : 0);
      expect(linked.map((link) => link.properties.href)).toEqual(
        datasets.flatMap((dataset) => EXTENSIONS.map((extension) => `${dataset}.${extension}`)),
      );
      for (const link of linked)
        expect(existsSync(join(out, String(link.properties.href))), String(link.properties.href)).toBe(true);
    }
  });
});
