/**
 * A dataset name that is not a plain name (a path, a file
 * name with .csv) gets its own message wherever a name is resolved: ::chart,
 * :stat, key figures and explorer views; and no dataset message quotes an
 * absolute path.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/lib/check/check-project.ts';
import { formatProblems } from '../../../src/lib/errors.ts';
import { SITE } from '../../../src/site.config.ts';

const temp = mkdtempSync(join(tmpdir(), 'trendbook-names-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const CSV = 'year,tier,engagement_rate\n2016,micro,2.4\n2016,mega,1.1\n2017,micro,2.5\n2017,mega,1.0\n';

/** A site folder with the given files. */
function site(name: string, files: Record<string, string>): string {
  const root = join(temp, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('dataset names that are not plain names', () => {
  it('gets its own message in ::chart, :stat, key figures and views, with the name to write', async () => {
    const root = site('paths', {
      'data/engagement.csv': CSV,
      'content/reports/q3.md': [
        '---',
        'title: Q3',
        'description: A report.',
        'date: 2025-01-01',
        'figures:',
        '  - label: micro engagement',
        '    dataset: data/engagement.csv',
        '    y: engagement_rate',
        '    where: tier=micro year=2017',
        '---',
        '',
        '::chart{dataset="../data/engagement" y="engagement_rate" series="tier" title="Engagement"}',
        '',
        'Micro reached :stat{dataset="/etc/passwd" y="engagement_rate" where="tier=micro year=2017"}.',
        '',
      ].join('\n'),
      'content/views.yml':
        '- id: micro-vs-mega\n  title: Micro and mega\n  query: "?dataset=../data/engagement&y=engagement_rate"\n',
    });
    const { problems } = await checkProject(root, SITE);
    expect(formatProblems(problems)).toBe(
      [
        'content/reports/q3.md:7:14: dataset "data/engagement.csv" is not a plain name. Expected letters, digits, - and _ only (the file name in data/ without .csv), received "data/engagement.csv". Write dataset: engagement. [TB020]',
        'content/reports/q3.md:12:9: dataset "../data/engagement" is not a plain name. Expected letters, digits, - and _ only (the file name in data/ without .csv), received "../data/engagement". Write dataset="engagement". [TB020]',
        'content/reports/q3.md:14:21: dataset "/etc/passwd" is not a plain name. Expected letters, digits, - and _ only (the file name in data/ without .csv), received "/etc/passwd". Write the name of a file in data/ without .csv, such as dataset="engagement". [TB020]',
        'content/views.yml:3:10: dataset "../data/engagement" is not a plain name. Expected letters, digits, - and _ only (the file name in data/ without .csv), received "../data/engagement". Write dataset=engagement. [TB020]',
        '4 problems found.',
      ].join('\n'),
    );
  });

  it('names an unknown dataset by its project-relative path, never an absolute one', async () => {
    const root = site('unknown', {
      'data/tiers.csv': CSV,
      'content/reports/q3.md':
        '---\ntitle: Q3\ndescription: A report.\ndate: 2025-01-01\n---\n\n::chart{dataset="Tiers" y="engagement_rate" series="tier" title="Engagement"}\n',
    });
    const text = formatProblems((await checkProject(root, SITE)).problems);
    expect(text).toBe(
      'content/reports/q3.md:7:9: unknown dataset "Tiers": no file named exactly data/Tiers.csv. Expected one of "tiers", received "Tiers". Did you mean dataset="tiers"? [TB019]\n1 problem found.',
    );
    expect(text).not.toContain(temp);
  });

  it('refuses a file in data/ whose name no report could write, with the name to use', async () => {
    const root = site('file-names', { 'data/engagement v2.csv': CSV, 'data/fine.csv': CSV });
    expect(formatProblems((await checkProject(root, SITE)).problems)).toBe(
      'data/engagement v2.csv:1:1: the dataset name "engagement v2" is not a plain name. Expected letters, digits, - and _ only (the file name in data/ without .csv), received "engagement v2". Rename the file to engagement-v2.csv. [TB021]\n1 problem found.',
    );
  });
});
