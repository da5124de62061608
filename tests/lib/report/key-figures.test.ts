import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/errors.ts';
import { computeFigures } from '../../../src/lib/report/key-figures.ts';

const BROKEN = resolve(import.meta.dirname, '../../fixtures/site-broken');

describe('computeFigures', () => {
  it('refuses a figure from a dataset with problems, naming the dataset, with code TB171', () => {
    const figure = { label: 'Micro engagement', dataset: 'tiers', y: 'engagement_rate', as: 'value' as const };
    const { figures, issues } = computeFigures([{ ...figure, card: false }], BROKEN, 'en-US');
    expect(figures).toEqual([]);
    expect(issues).toHaveLength(1);
    const [{ index, attribute, issue }] = issues as [(typeof issues)[number]];
    expect({ index, attribute }).toEqual({ index: 0, attribute: 'dataset' });
    expect(formatProblem({ path: 'content/reports/x.md', line: 6, column: 14, ...issue })).toBe(
      'content/reports/x.md:6:14: the dataset "tiers" cannot be used: data/tiers.csv has problems (listed below). Fix the dataset first. [TB171]',
    );
  });
});
