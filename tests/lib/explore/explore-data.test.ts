/**
 * The explorer shipped whole datasets (a 1,000,000-row dataset was a
 * 101 MB download). Its data now has a budget of 2 MB gzip per dataset; a
 * dataset over it is left out of the explorer with a warning.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { chartFigure } from '../../../src/lib/chart/figure.ts';
import { formatProblem } from '../../../src/lib/errors.ts';
import {
  EXPLORE_BUDGET_BYTES,
  exploreBudgetProblem,
  exploreDataChunks,
  exploreDataJson,
  exploreDataSize,
  fitsExplorer,
} from '../../../src/lib/explore/explore-data.ts';
import { explorerDataset, isExplorable } from '../../../src/lib/explore/explorer-datasets.ts';
import { figureDrawings } from '../../../src/lib/images/image-jobs.ts';
import { makeDataset } from '../aggregate/make-dataset.ts';
import { engagementSpec } from '../chart/spec-fixtures.ts';
import { largeDataset } from '../large-data.ts';

const small = makeDataset(
  'engagement',
  [
    { name: 'year', type: 'year' },
    { name: 'tier', type: 'category' },
    { name: 'engagement_rate', type: 'percent' },
  ],
  [
    [2016, 'micro', 3.5],
    [2016, 'mega', 1.7],
  ],
  { midpoints: { 1: { engagement_rate: [1.2, 2.2] } } },
);

describe('explorer data', () => {
  it('is the dataset as one JSON document, whatever the number of rows', () => {
    const { name, path, metaPath, meta, columns, rows, info } = small;
    expect(exploreDataJson(small)).toBe(JSON.stringify({ name, path, metaPath, meta, columns, rows, info }));
    // 45,000 rows are serialised in several pieces: the commas between them must be there.
    const many = largeDataset(45_000);
    expect(JSON.parse(exploreDataJson(many))).toEqual(JSON.parse(JSON.stringify({ ...many })));
  });

  it('measures what a reader downloads, gzip-compressed, within 1% of compressing it whole', () => {
    const many = largeDataset(200_000);
    const whole = gzipSync(exploreDataJson(many)).length;
    const size = exploreDataSize(many);
    expect(size.exact).toBe(true);
    expect(Math.abs(size.bytes - whole)).toBeLessThan(whole * 0.01);
    expect(gunzipSync(gzipSync([...exploreDataChunks(many)].join(''))).toString()).toBe(exploreDataJson(many));
  });

  it('offers a dataset within the budget, with no warning', () => {
    expect(EXPLORE_BUDGET_BYTES).toBe(2 * 1024 * 1024);
    expect(fitsExplorer(small)).toBe(true);
    expect(exploreBudgetProblem(small)).toBeUndefined();
    expect(explorerDataset(small, [])?.name).toBe('engagement');
  });

  it('leaves out a dataset over the budget and warns at the dataset how to offer it', () => {
    const budget = 100;
    const size = exploreDataSize(small).bytes;
    expect(size).toBeGreaterThan(budget);
    expect(fitsExplorer(small, budget)).toBe(false);
    expect(explorerDataset(small, [], budget)).toBeUndefined();
    expect(formatProblem(exploreBudgetProblem(small, budget)!)).toBe(
      `data/engagement.csv:1:1: warning: the explorer leaves out engagement: its 2 rows are ${Math.ceil(size / 1024)} KB to download gzip-compressed, too much for a reader on a phone who picks it (reports still chart it and cite it). Expected at most 1 KB gzip per dataset, received ${Math.ceil(size / 1024)} KB gzip. To offer it in the explorer, publish a smaller dataset beside it for exploring, aggregated upstream to the points readers compare (for example one row per year and tier, from a DuckDB or warehouse query). [TB206]`,
    );
  });

  it('measures 2,000,000 rows in bounded pieces, estimates past the budget, and leaves them out of the explorer', () => {
    const large = largeDataset(2_000_000);
    const { bytes: size, exact } = exploreDataSize(large);
    expect(exact).toBe(false);
    // Compressing every piece measures 13.2 MB: the estimate from the first pieces stays within a tenth of it.
    expect(size / (13.2 * 1024 * 1024)).toBeGreaterThan(0.9);
    expect(size / (13.2 * 1024 * 1024)).toBeLessThan(1.1);
    expect(explorerDataset(large, [])).toBeUndefined();
    expect(isExplorable(large)).toBe(false);
    const problem = exploreBudgetProblem(large)!;
    expect(formatProblem(problem)).toMatch(
      /^data\/large\.csv:1:1: warning: the explorer leaves out large: its 2,000,000 rows are about \d+(\.\d)? MB to download gzip-compressed, .* Expected at most 2 MB gzip per dataset, received about \d+(\.\d)? MB gzip\. To offer it in the explorer, /,
    );
    expect(problem.received).toBe(`about ${Number((size / 1024 / 1024).toFixed(1))} MB gzip`);
  });

  it('links a chart to the explorer only when the explorer offers its dataset', () => {
    expect(isExplorable(small)).toBe(true);
    const links = (explorer?: boolean) =>
      toHtml(
        chartFigure(
          engagementSpec(),
          'report',
          '',
          figureDrawings(engagementSpec()),
          explorer === undefined ? {} : { explorer },
        ),
      ).match(/>Open in explorer</g) ?? [];
    expect(links()).toHaveLength(1);
    expect(links(true)).toHaveLength(1);
    expect(links(false)).toHaveLength(0);
  });
});
