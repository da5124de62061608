/**
 * A `:stat` with `agg` over a large dataset handed pages the line of
 * every row it combined. Astro writes what the plugins hand pages into the
 * report's compiled module, so 2,000,000 rows made a 140 MB module that the
 * page step bundled, wrote and loaded. Pages get the stat without those lines;
 * the working printed beside the number is unchanged.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import type { StatResult } from '../../../src/lib/stat/compute-stat.ts';
import { describeStat } from '../../../src/lib/stat/describe-stat.ts';
import { createReportProcessor, renderedReportOf } from '../../../src/plugins/remark/processor.ts';
import { SITE } from '../../../src/site.config.ts';

const ROWS = 20_000;
const root = mkdtempSync(join(tmpdir(), 'trendbook-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'data'));
const lines = ['year,tier,engagement'];
for (let index = 0; index < ROWS; index++)
  lines.push(`${2000 + (index % 25)},${index % 2 ? 'micro' : 'mega'},${index}`);
writeFileSync(join(root, 'data/posts.csv'), `${lines.join('\n')}\n`);

describe('a stat over many rows', async () => {
  const file = new VFile({
    value:
      'The highest is :stat{dataset="posts" y="engagement" agg="max"}; micro peaks at :stat{dataset="posts" y="engagement" where="tier=micro" agg="max"}.\n',
    path: join(root, 'content/reports/posts.md'),
  });
  const html = String(await createReportProcessor({ root, config: SITE }).process(file));
  const shared = renderedReportOf(file).stats;

  it('still shows how many rows it combined and the first lines', () => {
    expect(html).toContain(
      'Engagement: 19,999 (combined from 20000 rows), from data/posts.csv lines 2, 3, 4, 5, 6, 7, ….',
    );
    expect(html).toContain(
      'Engagement for tier=micro: 19,999 (combined from 10000 rows), from data/posts.csv lines 3, 5, 7, 9, 11, 13, ….',
    );
  });

  it('hands pages each stat without the lines of its rows', () => {
    expect(shared).toHaveLength(2);
    expect(shared).toEqual([
      expect.objectContaining({
        value: 19_999,
        text: '19,999',
        dataset: { name: 'posts', path: 'data/posts.csv', title: 'posts' },
        terms: [{ value: 19_999, label: '', range: undefined }],
      }),
      expect.objectContaining({
        value: 19_999,
        text: '19,999',
        dataset: { name: 'posts', path: 'data/posts.csv', title: 'posts' },
        terms: [{ value: 19_999, label: '', range: undefined }],
      }),
    ]);
    // What Astro writes into the compiled module stays the same size however many rows there are.
    expect(JSON.stringify(shared).length).toBeLessThan(2_000);
  });
});

describe('the working of a stat', () => {
  const result = (lines: number[][]): StatResult => ({
    value: 2,
    text: '2',
    format: { type: 'number', decimals: 0 },
    form: lines.length === 2 ? 'difference' : 'value',
    terms: lines.map((termLines, index) => ({ value: index + 1, lines: termLines, label: index ? 'mega' : 'micro' })),
    where: '',
    dataset: { name: 'posts', path: 'data/posts.csv', title: 'Posts' },
    column: { name: 'engagement', label: 'Engagement' },
  });

  it('names the six lowest distinct lines of both terms, in order, then an ellipsis', () => {
    expect(
      describeStat(
        result([
          [40, 9, 12, 3, 12],
          [12, 7, 3, 30, 2],
        ]),
        'en-US',
      ),
    ).toBe('2 = 1 − 2, engagement for micro vs mega, from data/posts.csv lines 2, 3, 7, 9, 12, 30, ….');
  });

  it('names every line when there are six or fewer, and one line as "line"', () => {
    expect(
      describeStat(
        result([
          [5, 3],
          [3, 4, 5, 2, 6],
        ]),
        'en-US',
      ),
    ).toBe('2 = 1 − 2, engagement for micro vs mega, from data/posts.csv lines 2, 3, 4, 5, 6.');
    expect(describeStat(result([[8, 8], [8]]), 'en-US')).toBe(
      '2 = 1 − 2, engagement for micro vs mega, from data/posts.csv line 8.',
    );
  });
});
