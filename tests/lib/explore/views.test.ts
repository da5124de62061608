/** Explorer views named in content/views.yml: resolved as the explorer reads them, or a problem at the view's line. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblems } from '../../../src/lib/errors.ts';
import { resolveViews } from '../../../src/lib/explore/views.ts';
import { SITE } from '../../../src/site.config.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const temp = mkdtempSync(join(tmpdir(), 'trendbook-views-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of the example's data with the given views file. */
function site(name: string, views: string): string {
  const root = join(temp, name);
  cpSync(join(ROOT, 'data'), join(root, 'data'), { recursive: true });
  mkdirSync(join(root, 'content'), { recursive: true });
  writeFileSync(join(root, 'content', 'views.yml'), views);
  return root;
}

describe('explorer views', () => {
  it('resolve to the query the explorer writes and a chart with the view’s id and title', () => {
    const root = site(
      'good',
      '- id: micro-vs-mega-cost\n  title: Cost per post since 2019, micro vs mega\n  query: "?dataset=cost&y=cost_per_post_usd&series=mega,micro&from=2019"\n',
    );
    const { views, problems } = resolveViews(SITE, root);
    expect(problems).toEqual([]);
    expect(
      views.map(({ id, title, query, spec }) => ({
        id,
        title,
        query,
        specId: spec.id,
        specTitle: spec.title,
        series: spec.series.map((series) => series.key),
      })),
    ).toEqual([
      {
        id: 'micro-vs-mega-cost',
        title: 'Cost per post since 2019, micro vs mega',
        query: '?dataset=cost&y=cost_per_post_usd&series=micro%2Cmega&from=2019',
        specId: 'micro-vs-mega-cost',
        specTitle: 'Cost per post since 2019, micro vs mega',
        series: ['micro', 'mega'],
      },
    ]);
  });

  it('draw their kind, value axis and change since the first year as the explorer does', () => {
    const root = site(
      'kinds',
      '- id: cost-growth\n  title: Cost per post, change since 2019\n  query: "?dataset=cost&y=cost_per_post_usd&type=dot&scale=log&index=1"\n',
    );
    const { views, problems } = resolveViews(SITE, root);
    expect(problems).toEqual([]);
    expect(views.map(({ query, spec }) => ({ query, type: spec.type, y: spec.y }))).toEqual([
      {
        query: '?dataset=cost&y=cost_per_post_usd&type=dot&scale=log&index=1',
        type: 'dot',
        y: {
          column: 'cost_per_post_usd_index',
          label: 'Cost per post, first year = 100',
          format: { type: 'number', decimals: 1 },
          scale: 'logarithmic',
        },
      },
    ]);
  });

  it('are problems at their line when the file does not match the schema', () => {
    const root = site('schema', '- id: Not A Slug\n  title: ""\n  query: dataset=cost\n');
    expect(formatProblems(resolveViews(SITE, root).problems)).toBe(
      [
        'content/views.yml:1:7: "0.id": ids are lowercase letters, digits and single hyphens, like micro-vs-mega-cost. Received "Not A Slug". Correct "0.id" (docs/authoring.md lists the allowed values). [TB057]',
        'content/views.yml:2:10: "0.title": Too small: expected string to have >=1 characters. Received "". Correct "0.title" (docs/authoring.md lists the allowed values). [TB057]',
        'content/views.yml:3:10: "0.query": expected the query string of an explorer link, starting with "?". Received "dataset=cost". Correct "0.query" (docs/authoring.md lists the allowed values). [TB057]',
        '3 problems found.',
      ].join('\n'),
    );
  });

  it('are problems at their title when it names other years than the chart plots', () => {
    const root = site(
      'years',
      [
        '- id: engagement-by-tier',
        '  title: Engagement rate by tier, 2016–2024',
        '  query: "?dataset=engagement&y=engagement_rate"',
        '- id: micro-vs-mega-cost',
        '  title: Cost per post since 2016, micro vs mega',
        '  query: "?dataset=cost&y=cost_per_post_usd&series=micro,mega&from=2019"',
        '- id: cost-to-2020',
        '  title: Cost per post, 2019 to 2020',
        '  query: "?dataset=cost&y=cost_per_post_usd&to=2020"',
        '',
      ].join('\n'),
    );
    const { views, problems } = resolveViews(SITE, root);
    expect(views.map((view) => view.id)).toEqual(['cost-to-2020']);
    expect(formatProblems(problems)).toBe(
      [
        'content/views.yml:2:10: the title names "2016–2024", but the chart plots 2016 to 2026. Expected "2016–2026", received "2016–2024". Write "2016–2026" in the title, or set the years the view plots with from= and to= in its query. [TB207]',
        'content/views.yml:5:10: the title names "since 2016", but the chart plots 2019 to 2022. Expected "since 2019", received "since 2016". Write "since 2019" in the title, or set the years the view plots with from= and to= in its query. [TB207]',
        '2 problems found.',
      ].join('\n'),
    );
  });

  it('are problems at their query when the explorer would change it or cannot draw it, and at a repeated id', () => {
    const root = site(
      'semantics',
      [
        '- id: typo',
        '  title: A typo',
        '  query: "?dataset=costs&series=micro"',
        '- id: no-rows',
        '  title: Nothing left',
        '  query: "?dataset=cost&y=cost_per_post_usd&where=tier=average_consumer"',
        '- id: typo',
        '  title: The same id',
        '  query: "?dataset=cost"',
        '',
      ].join('\n'),
    );
    expect(resolveViews(SITE, root).views).toEqual([]);
    expect(formatProblems(resolveViews(SITE, root).problems)).toBe(
      [
        'content/views.yml:3:10: There is no dataset "costs"; showing "Weekly buying conversations by influence…". Expected a query the explorer reads as written, received "?dataset=costs&series=micro". Open the view in the explorer, set it up there and copy its address. [TB059]',
        'content/views.yml:6:10: no row of data/cost.csv has tier=average_consumer. Expected one of "nano", "mega", "micro", "mid_tier" or "macro", received "average_consumer". Use a value that occurs in the column (values match exactly, case included). [TB053]',
        'content/views.yml:7:7: two views have the id "typo" (the other is view 1). Expected a unique id per view, received "typo". Give one of them another id; ids are permanent links. [TB058]',
        '3 problems found.',
      ].join('\n'),
    );
  });
});
