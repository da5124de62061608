/**
 * A dataset of millions of rows built in memory, as `loadDataset` returns it,
 * for tests that every computation over whole columns stays within the stack.
 */
import type { Row, RowInfo } from '../../src/lib/data/columns.ts';
import type { Dataset } from '../../src/lib/data/load-dataset.ts';

/** Tiers the rows cycle through. */
const LARGE_TIERS = ['nano', 'micro', 'mid_tier', 'macro', 'mega'] as const;

/**
 * Row `i` (on line `i + 2`) has year `2000 + i % 25`, tier `LARGE_TIERS[i % 5]`
 * and value `(i × 7919) mod count`: every whole number below `count` exactly
 * once, so the minimum is 0, the maximum `count − 1`, the sum `count(count − 1)/2`
 * and the mean and median `(count − 1)/2`.
 * @param count Number of rows.
 */
export function largeDataset(count: number): Dataset {
  const rows: Row[] = new Array(count);
  const info: RowInfo[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const row = Object.create(null) as Row;
    row.year = 2000 + (index % 25);
    row.tier = LARGE_TIERS[index % LARGE_TIERS.length]!;
    row.value = (index * 7919) % count;
    rows[index] = row;
    info[index] = { line: index + 2 };
  }
  return {
    name: 'large',
    path: 'data/large.csv',
    metaPath: 'data/large.yml',
    meta: { title: 'Large', sources: [], columns: {} },
    columns: [
      { name: 'year', label: 'Year', type: 'year', decimals: 0, missing: 0 },
      { name: 'tier', label: 'Tier', type: 'category', decimals: 0, missing: 0 },
      { name: 'value', label: 'Value', type: 'number', decimals: 0, missing: 0 },
    ],
    rows,
    info,
  };
}
