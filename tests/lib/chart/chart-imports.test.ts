import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CHART = resolve(import.meta.dirname, '../../../src/lib/chart');

describe('src/lib/chart', () => {
  it('builds specs and markup without importing the rasteriser in src/lib/images', () => {
    const files = readdirSync(CHART).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    const offenders = files.filter((file) => /from '\.\.\/(images|og)\//.test(readFileSync(join(CHART, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
