/**
 * A report's social card never ends a text in "…" in a build that passes `--strict`: the check warns about a
 * title, card figure label or description that needs more lines than the card has, at its frontmatter line.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/lib/check/check-project.ts';
import { formatProblem } from '../../../src/lib/errors.ts';
import { cardOverflows } from '../../../src/lib/og/render-card.ts';
import { SITE } from '../../../src/site.config.ts';

const temp = mkdtempSync(join(tmpdir(), 'trendbook-card-text-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const LONG = 'Do micro-influencers still win? The 2018 case, checked against the data';

function site(name: string, frontmatter: string): string {
  const root = join(temp, name);
  mkdirSync(join(root, 'content', 'reports'), { recursive: true });
  writeFileSync(join(root, 'content', 'reports', 'x.md'), `---\n${frontmatter}date: 2025-01-01\n---\n\nText.\n`);
  return root;
}

describe('text on a report’s social card', () => {
  it('fits a short title and description, and counts the lines of a long one', () => {
    expect(cardOverflows({ title: 'Micro wins', description: 'Short.' })).toEqual([]);
    // Beside a chart the title has 560 px; across the card, 1072.
    expect(cardOverflows({ title: `${LONG}, again and again`, description: 'Short.', chart: undefined })).toEqual([]);
    expect(cardOverflows({ title: LONG.repeat(3), description: 'Short.' })).toEqual([
      { text: 'title', lines: 4, max: 3 },
    ]);
    expect(
      cardOverflows({ title: 'Micro wins', description: 'Short.', figure: { value: '60%', label: 'x '.repeat(200) } }),
    ).toEqual([{ text: 'figureLabel', lines: 4, max: 3 }]);
  });

  it('warns at the title, asking for card_title, and is quiet once card_title fits', async () => {
    const long = await checkProject(site('long', `title: "${LONG.repeat(2)}"\ndescription: A report.\n`), SITE);
    expect(long.problems).toEqual([]);
    expect(long.warnings.map(formatProblem)).toEqual([
      "content/reports/x.md:2:8: warning: the title takes 4 lines on the report's social card, which has room for 3. Expected text that fits 3 lines on the card, received 4 lines. Add card_title: to the frontmatter with a shorter title for the card (about 60 characters beside a chart); the page keeps the full title. [TB154]",
    ]);
    const fixed = await checkProject(
      site('fixed', `title: "${LONG.repeat(2)}"\ncard_title: Micro still wins\ndescription: A report.\n`),
      SITE,
    );
    expect(fixed.warnings).toEqual([]);
    expect(fixed.reports[0]).toMatchObject({ title: LONG.repeat(2), cardTitle: 'Micro still wins' });
  });

  it('warns at a description the card would cut, and fails under --strict', async () => {
    const root = site('description', `title: Micro\ndescription: "${'A long description. '.repeat(15).trim()}"\n`);
    const strict = await checkProject(root, SITE, true);
    expect(strict.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/reports\/x\.md:3:14: warning: the description takes \d lines on the report's social card, which has room for 3\. .* Shorten the description .* \[TB154\]$/,
      ),
    ]);
  });

  describe('the figure on the card', () => {
    const FIGURES = (second: string) =>
      [
        'title: Micro',
        'description: A report.',
        'figures:',
        '  - label: more engagement, as the 2016 claim had it',
        '    dataset: findings',
        '    y: percent_more',
        '    where: finding=engagement_uplift',
        `  - label: ${second}`,
        '    dataset: findings',
        '    y: percent_more',
        '    where: finding=measured',
        '',
      ].join('\n');
    function withData(name: string, frontmatter: string): string {
      const root = site(name, frontmatter);
      mkdirSync(join(root, 'data'), { recursive: true });
      writeFileSync(join(root, 'data', 'findings.csv'), 'finding,percent_more\nengagement_uplift,60\nmeasured,43\n');
      // A chart, so the card's text has the 560 px beside it.
      writeFileSync(
        join(root, 'content', 'reports', 'x.md'),
        `---\n${frontmatter}date: 2025-01-01\n---\n\n::chart{dataset="findings" y="percent_more" x="finding" type="bar" title="Findings"}\n`,
      );
      return root;
    }

    it('is none unless the author marks one: the first figure may be the claim the report refutes', async () => {
      const checked = await checkProject(withData('unmarked', FIGURES('more engagement, measured')), SITE, true);
      expect(checked.problems).toEqual([]);
      expect(checked.reports[0]!.figure).toBeUndefined();
    });

    it('is the one marked card: true, with its whole label, checked at its own line', async () => {
      const marked = await checkProject(
        withData(
          'marked',
          `${FIGURES('more engagement, measured')}`.replace('finding=measured\n', 'finding=measured\n    card: true\n'),
        ),
        SITE,
        true,
      );
      expect(marked.problems).toEqual([]);
      expect(marked.reports[0]!.figure).toEqual({ value: '43', label: 'more engagement, measured' });
      const long = await checkProject(
        withData(
          'long-label',
          FIGURES('WWWWW '.repeat(19).trim()).replace('finding=measured\n', 'finding=measured\n    card: true\n'),
        ),
        SITE,
        true,
      );
      expect(long.problems.map(formatProblem)).toEqual([
        expect.stringMatching(
          /^content\/reports\/x\.md:9:12: warning: the card figure's label takes \d lines .* \[TB154\]$/,
        ),
      ]);
    });

    it('is one at most: two figures marked card: true are an error', async () => {
      const twice = await checkProject(
        withData('twice', FIGURES('more engagement, measured').replaceAll('    where:', '    card: true\n    where:')),
        SITE,
      );
      expect(twice.problems.map(formatProblem).join('\n')).toContain('mark at most one key figure with "card: true"');
    });
  });

  it('warns at a chart title its card and downloads would cut (TB143), and is quiet for one that fits', async () => {
    const chart = (title: string) => {
      const root = site(`chart-${title.length}`, 'title: Micro\ndescription: A report.\n');
      mkdirSync(join(root, 'data'), { recursive: true });
      writeFileSync(join(root, 'data', 'rates.csv'), 'year,rate\n2024,1\n2025,2\n');
      writeFileSync(
        join(root, 'content', 'reports', 'x.md'),
        `---\ntitle: Micro\ndescription: A report.\ndate: 2025-01-01\n---\n\n::chart{dataset="rates" y="rate" title="${title}"}\n`,
      );
      return root;
    };
    const long = await checkProject(
      chart('Engagement rate by follower band and platform, '.repeat(6).trim()),
      SITE,
      true,
    );
    expect(long.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/reports\/x\.md:7:\d+: warning: the chart's title takes 4 lines on its social card and downloads, which have room for 3\. .* \[TB143\]$/,
      ),
    ]);
    const fits = await checkProject(chart('Engagement rate by follower band and platform'), SITE, true);
    expect(fits.problems).toEqual([]);
  });
});
