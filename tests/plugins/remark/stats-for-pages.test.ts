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

  it("still says how many values it combined, in readers' words", () => {
    expect(html).toContain(
      'Engagement: 19,999 (combined from 20,000 values). <a href="/data/#dataset-posts">Dataset: posts</a>',
    );
    expect(html).toContain(
      'Engagement, Micro: 19,999 (combined from 10,000 values). <a href="/data/#dataset-posts">Dataset: posts</a>',
    );
  });

  it('hands pages each stat without the lines of its rows', () => {
    expect(shared).toHaveLength(2);
    expect(shared).toEqual([
      expect.objectContaining({
        value: 19_999,
        text: '19,999',
        dataset: { name: 'posts', path: 'data/posts.csv', title: 'posts' },
        terms: [{ value: 19_999, label: '', words: '', text: '19,999', range: undefined }],
      }),
      expect.objectContaining({
        value: 19_999,
        text: '19,999',
        dataset: { name: 'posts', path: 'data/posts.csv', title: 'posts' },
        terms: [{ value: 19_999, label: '', words: '', text: '19,999', range: undefined }],
      }),
    ]);
    // What Astro writes into the compiled module stays the same size however many rows there are.
    expect(JSON.stringify(shared).length).toBeLessThan(2_000);
  });
});
