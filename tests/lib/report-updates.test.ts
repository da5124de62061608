/** An "updated" date tells readers what changed; the two come together. */
import { describe, expect, it } from 'vitest';
import { splitReport } from '../../src/lib/check/frontmatter.ts';
import { formatProblems } from '../../src/lib/errors.ts';

const report = (lines: string[]) =>
  `---\ntitle: A report\ndescription: What it finds.\ndate: 2024-05-01\n${lines.join('\n')}\n---\n\nText.\n`;

describe('updates', () => {
  it('need a note on what changed, and a note needs its date', () => {
    expect(formatProblems(splitReport(report(['updated: 2024-06-01']), 'content/reports/q.md').problems)).toBe(
      'content/reports/q.md:5:10: "updated" needs "changes": one sentence telling readers what changed. Correct "updated" (docs/authoring.md lists the allowed values). [TB153]\n1 problem found.',
    );
    expect(
      formatProblems(splitReport(report(['changes: Fixed the 2019 cost figure.']), 'content/reports/q.md').problems),
    ).toBe(
      'content/reports/q.md:5:10: "changes" needs the "updated" date it happened on. Correct "changes" (docs/authoring.md lists the allowed values). [TB153]\n1 problem found.',
    );
    expect(
      splitReport(report(['updated: 2024-06-01', 'changes: Fixed the 2019 cost figure.']), 'content/reports/q.md')
        .frontmatter?.changes,
    ).toBe('Fixed the 2019 cost figure.');
  });
});
