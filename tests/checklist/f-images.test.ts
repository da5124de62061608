/**
 * Row F5 of tests/checklist/README.md, the part about author images: no image a report brings is ever
 * decoded: authors take a name and a handle only. The locked sharp is checked
 * in locked-versions.test.ts.
 * Titles with emoji, CJK and RTL text are tested in tests/lib/og and tests/lib/images.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/lib/check/check-project.ts';
import { formatProblems } from '../../src/lib/errors.ts';
import { SITE } from '../../src/site.config.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('F5: author images', () => {
  it('F5: an author image in frontmatter is refused, so no untrusted AVIF or SVG reaches an image decoder', async () => {
    const { problems } = await checkProject(join(ROOT, 'tests/fixtures/checklist/f5-author-image'), SITE);
    expect(formatProblems(problems)).toBe(
      'content/reports/q3.md:7:5: unknown key "image" in "authors.0". Expected only the documented keys, received "image". Remove the key or correct its spelling (docs/authoring.md lists the allowed keys). [TB153]\n1 problem found.',
    );
  });
});
