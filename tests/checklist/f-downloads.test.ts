/**
 * Row F2 of tests/checklist/README.md (download naming): the `download=` file name of a chart's
 * CSV and PNG keeps only `[a-z0-9-_.]`, whatever the slug and chart id hold,
 * and is never a path.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadName } from '../../src/lib/chart/chart-paths.ts';

describe('F2: download file names', () => {
  it('F2: turns "/", "..", quotes, backslashes and unicode into plain names', () => {
    const cases: [slug: string, id: string, csv: string][] = [
      ['../../etc/passwd', 'engagement', 'etc-passwd-engagement.csv'],
      ['q3/2024', 'a\\b', 'q3-2024-a-b.csv'],
      ['q3"', "it's", 'q3--it-s.csv'],
      ['Zürich Größe', 'カード', 'zurich-gro-e.csv'],
      ['..', '..', 'chart.csv'],
      ['', '', 'chart.csv'],
      ['Q3 Report', 'Engagement_By-Tier', 'q3-report-engagement_by-tier.csv'],
    ];
    expect(cases.map(([slug, id]) => downloadName(slug, id, 'csv'))).toEqual(cases.map(([, , csv]) => csv));
  });

  it('F2: only [a-z0-9-_.] and never a path, for both extensions', () => {
    for (const slug of ['../x', '/abs', 'C:\\Windows', '..\\..\\y', 'a\u0000b', '\u202Egnp.exe', '<script>']) {
      for (const extension of ['csv', 'png'] as const) {
        const name = downloadName(slug, '../id', extension);
        expect(name, slug).toMatch(new RegExp(`^[a-z0-9_-]+\\.${extension}$`));
        expect(basename(name)).toBe(name);
        expect(name).not.toContain('..');
      }
    }
  });
});
