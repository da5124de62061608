/**
 * Row D2 of tests/checklist/README.md: nothing outside the project is read. A dataset file or the whole
 * data/ folder that links outside, and a dataset name with a path in it, fail.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/lib/data/load-dataset.ts';
import { formatProblems } from '../../src/lib/errors.ts';

const temp = mkdtempSync(join(tmpdir(), 'trendbook-d2-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const outside = join(temp, 'outside');
mkdirSync(outside);
writeFileSync(join(outside, 'secrets.csv'), 'year,value\n2024,42\n');

describe('D2: files outside the project', () => {
  it('D2: a dataset file that links outside the project fails', () => {
    const root = join(temp, 'file-link');
    mkdirSync(join(root, 'data'), { recursive: true });
    symlinkSync(join(outside, 'secrets.csv'), join(root, 'data', 'secrets.csv'));
    expect(formatProblems(readDataset(root, 'secrets').problems)).toBe(
      `data/secrets.csv:1:1: the file links outside the project (${join(outside, 'secrets.csv')}). Expected a regular file inside data/, received a symbolic link. Copy the file into data/ instead of linking to it. [TB201]\n1 problem found.`,
    );
  });

  it('D2: a data/ folder that links outside the project fails for every dataset in it', () => {
    const root = join(temp, 'folder-link');
    mkdirSync(root);
    symlinkSync(outside, join(root, 'data'));
    expect(formatProblems(readDataset(root, 'secrets').problems)).toBe(
      `data/secrets.csv:1:1: the file links outside the project (${join(outside, 'secrets.csv')}). Expected a regular file inside data/, received a symbolic link. Copy the file into data/ instead of linking to it. [TB201]\n1 problem found.`,
    );
  });

  it('D2: a dataset name with a path in it is refused before anything is read', () => {
    const root = join(temp, 'traversal');
    mkdirSync(join(root, 'data'), { recursive: true });
    for (const name of ['../outside/secrets', '..\\outside\\secrets', '/etc/passwd', join(outside, 'secrets')]) {
      expect(formatProblems(readDataset(root, name).problems)).toBe(
        `data:1:1: the dataset name ${JSON.stringify(name)} is not a plain name. Expected letters, digits, - and _ only (the file name in data/ without .csv), received ${JSON.stringify(name)}. Name a file in data/ by its name without .csv. [TB021]\n1 problem found.`,
      );
    }
  });
});
