/**
 * Astro loads the dataset module twice in one build (with the remark
 * plugins from the config, and bundled into the pages). Each copy kept its own
 * cache, so a 2,000,000-row dataset was parsed and held twice in the page step.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as original from '../../../src/lib/data/load-dataset.ts';

// A query makes a second, separate instance of the module, as Astro's bundled pages are.
const SECOND_COPY = '../../../src/lib/data/load-dataset.ts?second-copy';
const root = mkdtempSync(join(tmpdir(), 'trendbook-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'data'));
writeFileSync(join(root, 'data/posts.csv'), 'year,tier,engagement\n2016,micro,2.4\n2017,micro,2.1\n');

describe('the dataset cache', () => {
  it('parses a dataset once however many copies of the module a process loads', async () => {
    const copy = (await import(/* @vite-ignore */ SECOND_COPY)) as typeof original;
    expect(copy).not.toBe(original);
    expect(copy.readDataset).not.toBe(original.readDataset);
    const first = original.readDataset(root, 'posts');
    expect(first.problems).toEqual([]);
    expect(first.dataset!.rows).toHaveLength(2);
    expect(copy.readDataset(root, 'posts').dataset).toBe(first.dataset);
  });

  it('reads the file again when it changes, whichever copy asks', async () => {
    const copy = (await import(/* @vite-ignore */ SECOND_COPY)) as typeof original;
    const before = original.readDataset(root, 'posts').dataset;
    writeFileSync(
      join(root, 'data/posts.csv'),
      'year,tier,engagement\n2016,micro,2.4\n2017,micro,2.1\n2018,micro,1.9\n',
    );
    const after = copy.readDataset(root, 'posts').dataset;
    expect(after).not.toBe(before);
    expect(after!.rows).toHaveLength(3);
    expect(original.readDataset(root, 'posts').dataset).toBe(after);
  });
});
