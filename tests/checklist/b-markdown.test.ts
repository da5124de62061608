/**
 * Section B of tests/checklist/README.md (Markdown and frontmatter): YAML mistakes, schema
 * mistakes, YAML bombs and prototype keys (in reports and dataset sidecars),
 * escaping of odd but valid titles in share links and embed code, and the
 * class of a code fence with a hostile info string.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/lib/check/check-project.ts';
import { splitReport } from '../../src/lib/check/frontmatter.ts';
import { parseDatasetMeta } from '../../src/lib/data/metadata.ts';
import { formatProblems } from '../../src/lib/errors.ts';
import { embedCode, shareLinks } from '../../src/lib/share.ts';
import { createReportProcessor } from '../../src/plugins/remark/processor.ts';
import { SITE } from '../../src/site.config.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/checklist');

/** Reads a file of a fixture project. */
function fixture(folder: string, path: string): string {
  return readFileSync(join(FIXTURES, folder, path), 'utf8');
}

/** The problems splitReport finds in a fixture report, as printed. */
function frontmatterProblems(folder: string, name: string): string {
  const path = `content/reports/${name}.md`;
  return formatProblems(splitReport(fixture(folder, path), path).problems);
}

describe('B3: text hidden by HTML', () => {
  it('B3: a comment closed far too late gives a warning at the comment, and --strict fails on it; an unclosed one is an error and nothing more', async () => {
    const root = join(FIXTURES, 'b3-text-hidden-by-html');
    const expected = [
      'content/reports/late.md:9:1: warning: the page shows 15 of the 92 words in the source (16%). Expected at least 50% of them, received 77 words inside HTML that is not shown, starting here. Look for an HTML comment or raw HTML that hides text; end the comment where it should end, or write the text as Markdown. [TB130]',
      'content/reports/unclosed.md:9:1: HTML comment never closed, so everything after it would be hidden. Expected "-->" to end the comment, received "<!-- Editor: check the figures…" running to the end of the file. Close the comment with --> where it should end, or delete the <!--. [TB125]',
    ];
    const { problems, warnings } = await checkProject(root, SITE);
    expect(formatProblems(problems)).toBe(`${expected[1]}\n1 problem found.`);
    expect(formatProblems(warnings)).toBe(`${expected[0]}\n1 warning found.`);
    const strict = await checkProject(root, SITE, true);
    expect(strict.problems.map((problem) => `${problem.path}:${problem.line}`)).toEqual([
      'content/reports/late.md:9',
      'content/reports/unclosed.md:9',
    ]);
  });
});

describe('B4: YAML syntax mistakes in frontmatter', () => {
  const folder = 'b4-frontmatter-yaml-mistakes';
  const fix = 'Indent with spaces, and put text that contains ": " or starts with a quote inside double quotes.';

  it('B4: a tab indent fails at the tab', () => {
    expect(frontmatterProblems(folder, 'tab-indent')).toBe(
      `content/reports/tab-indent.md:5:1: the frontmatter is not valid YAML: Tabs are not allowed as indentation. ${fix} [TB152]\n1 problem found.`,
    );
  });

  it('B4: title: Q3: results fails at the unquoted value', () => {
    expect(frontmatterProblems(folder, 'colon-in-title')).toBe(
      `content/reports/colon-in-title.md:2:8: the frontmatter is not valid YAML: Nested mappings are not allowed in compact mappings. ${fix} [TB152]\n1 problem found.`,
    );
  });

  it('B4: a missing closing --- fails at the opening line', () => {
    expect(frontmatterProblems(folder, 'no-closing-dashes')).toBe(
      'content/reports/no-closing-dashes.md:1:1: the frontmatter is never closed. Expected a line "---" after the frontmatter, received the end of the file. Add a line with --- after the last frontmatter field. [TB151]\n1 problem found.',
    );
  });

  it('B4: a duplicate key fails at the second one', () => {
    expect(frontmatterProblems(folder, 'duplicate-key')).toBe(
      `content/reports/duplicate-key.md:5:1: the frontmatter is not valid YAML: Map keys must be unique. ${fix} [TB152]\n1 problem found.`,
    );
  });

  it('B4: a project check names each report, not another file', async () => {
    const { problems } = await checkProject(join(FIXTURES, folder), SITE);
    expect(formatProblems(problems)).toBe(
      [
        `content/reports/colon-in-title.md:2:8: the frontmatter is not valid YAML: Nested mappings are not allowed in compact mappings. ${fix} [TB152]`,
        `content/reports/duplicate-key.md:5:1: the frontmatter is not valid YAML: Map keys must be unique. ${fix} [TB152]`,
        'content/reports/no-closing-dashes.md:1:1: the frontmatter is never closed. Expected a line "---" after the frontmatter, received the end of the file. Add a line with --- after the last frontmatter field. [TB151]',
        `content/reports/tab-indent.md:5:1: the frontmatter is not valid YAML: Tabs are not allowed as indentation. ${fix} [TB152]`,
        '4 problems found.',
      ].join('\n'),
    );
  });
});

describe('B5: frontmatter values', () => {
  const folder = 'b5-frontmatter-schema-mistakes';

  it('B5: a missing title fails with file and field', () => {
    expect(frontmatterProblems(folder, 'missing-title')).toBe(
      'content/reports/missing-title.md:2:1: "title" is missing. Expected string, received nothing. Correct "title" (docs/authoring.md lists the allowed values). [TB153]\n1 problem found.',
    );
  });

  it('B5: date: 2024-13-45 fails at the date', () => {
    expect(frontmatterProblems(folder, 'impossible-date')).toBe(
      'content/reports/impossible-date.md:4:7: "date": 2024-13-45 is not a calendar date. Received "2024-13-45". Write the date as YYYY-MM-DD, for example 2024-05-31. [TB153]\n1 problem found.',
    );
  });

  it('B5: a 5,000-character title fails at the title', () => {
    const text = fixture(folder, 'content/reports/long-title.md');
    expect(/^title: (.*)$/m.exec(text)![1]).toHaveLength(5000);
    expect(frontmatterProblems(folder, 'long-title')).toBe(
      'content/reports/long-title.md:2:8: "title": keep titles under 200 characters; they become page titles and share text. Received "Influencer Influencer Influencer Influencer Influencer Influencer Influencer In. Correct "title" (docs/authoring.md lists the allowed values). [TB153]\n1 problem found.',
    );
  });

  it('B5: a title with " < & \', an emoji and Arabic text is valid and kept as written', () => {
    const split = splitReport(fixture(folder, 'content/reports/odd-title.md'), 'content/reports/odd-title.md');
    expect(split.problems).toEqual([]);
    expect(split.frontmatter!.title).toBe('" < & \' 📈 مرحبا');
  });

  const title = '" < & \' 📈 مرحبا';

  it('B5: the odd title is attribute-escaped in the embed code', () => {
    expect(embedCode('https://trends.example.com/embed/q3/engagement/', title)).toBe(
      '<iframe src="https://trends.example.com/embed/q3/engagement/" title="&quot; &lt; &amp; \' 📈 مرحبا" width="100%" height="520" style="border:0;max-width:800px" loading="lazy" sandbox="allow-scripts" referrerpolicy="strict-origin-when-cross-origin"></iframe>',
    );
  });

  it('B5: the odd title is percent-encoded in every share link, and decodes back exactly', () => {
    const links = shareLinks(
      { url: 'https://trends.example.com/reports/q3/', title, text: title },
      { handle: '@trendbook', utm: { enabled: true, source: 'share', campaign: 'q3 & "more"' } },
    );
    expect(links).toEqual({
      x: 'https://twitter.com/intent/tweet?text=%22+%3C+%26+%27+%F0%9F%93%88+%D9%85%D8%B1%D8%AD%D8%A8%D8%A7&url=https%3A%2F%2Ftrends.example.com%2Freports%2Fq3%2F%3Futm_source%3Dx%26utm_medium%3Dsocial%26utm_campaign%3Dq3%2B%2526%2B%2522more%2522&via=trendbook',
      linkedin:
        'https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Ftrends.example.com%2Freports%2Fq3%2F%3Futm_source%3Dlinkedin%26utm_medium%3Dsocial%26utm_campaign%3Dq3%2B%2526%2B%2522more%2522',
      email:
        "mailto:?subject=%22%20%3C%20%26%20'%20%F0%9F%93%88%20%D9%85%D8%B1%D8%AD%D8%A8%D8%A7&body=%22%20%3C%20%26%20'%20%F0%9F%93%88%20%D9%85%D8%B1%D8%AD%D8%A8%D8%A7%0A%0Ahttps%3A%2F%2Ftrends.example.com%2Freports%2Fq3%2F%3Futm_source%3Demail%26utm_medium%3Demail%26utm_campaign%3Dq3%2B%2526%2B%2522more%2522",
      copy: 'https://trends.example.com/reports/q3/?utm_source=share&utm_medium=link&utm_campaign=q3+%26+%22more%22',
    });
    expect(new URL(links.x).searchParams.get('text')).toBe(title);
    expect(new URL(links.copy).searchParams.get('utm_campaign')).toBe('q3 & "more"');
    for (const link of Object.values(links)) expect(link).not.toMatch(/[<>"\s]/);
  });
});

describe('B6: YAML bombs and prototype keys', () => {
  const folder = 'b6-yaml-bombs-and-prototype-keys';
  const tooMany =
    'Expected at most 100 values copied by aliases, received aliases of aliases that multiply the values at every level. Write the values out instead of repeating them with &anchors and *aliases.';

  it('B6: a billion-laughs frontmatter fails quickly at its first alias instead of crashing', () => {
    const started = performance.now();
    expect(frontmatterProblems(folder, 'billion-laughs')).toBe(
      `content/reports/billion-laughs.md:6:8: the frontmatter uses too many YAML aliases (*name). ${tooMany} [TB027]\n1 problem found.`,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('B6: a billion-laughs sidecar fails quickly at its first alias instead of crashing', () => {
    const started = performance.now();
    const { problems, meta } = parseDatasetMeta(fixture(folder, 'data/billion_laughs.yml'), 'data/billion_laughs.yml');
    expect(formatProblems(problems)).toBe(
      `data/billion_laughs.yml:3:8: the sidecar uses too many YAML aliases (*name). ${tooMany} [TB027]\n1 problem found.`,
    );
    expect(meta).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('B6: an alias used before its anchor is a problem, not a crash', () => {
    const text = '---\ntitle: T\ndescription: d\ndate: 2024-05-01\ntags: *missing\n---\n';
    expect(formatProblems(splitReport(text, 'content/reports/q3.md').problems)).toBe(
      'content/reports/q3.md:5:7: the frontmatter uses the alias *missing before its anchor &missing. Expected &missing on an earlier value, received *missing without it. Put &missing on the value to repeat, above *missing, or write the value out. [TB026]\n1 problem found.',
    );
    expect(formatProblems(parseDatasetMeta('title: T\nnotes: *gone\n', 'data/x.yml').problems)).toBe(
      'data/x.yml:2:8: the sidecar uses the alias *gone before its anchor &gone. Expected &gone on an earlier value, received *gone without it. Put &gone on the value to repeat, above *gone, or write the value out. [TB026]\n1 problem found.',
    );
  });

  it('B6: a project with bombs, merge-key chains and __proto__ keys in reports and sidecars lists every one, fast, and pollutes nothing', async () => {
    const started = performance.now();
    const { problems } = await checkProject(join(FIXTURES, folder), SITE);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(formatProblems(problems)).toBe(
      [
        `content/reports/billion-laughs.md:6:8: the frontmatter uses too many YAML aliases (*name). ${tooMany} [TB027]`,
        `content/reports/merge-key-chain.md:6:13: the frontmatter uses too many YAML aliases (*name). ${tooMany} [TB027]`,
        'content/reports/merge-proto.md:5:6: unknown key "__proto__". Expected only the documented keys, received "__proto__". Remove the key or correct its spelling (docs/authoring.md lists the allowed keys). [TB025]',
        'content/reports/proto-key.md:5:1: unknown key "__proto__". Expected only the documented keys, received "__proto__". Remove the key or correct its spelling (docs/authoring.md lists the allowed keys). [TB025]',
        `data/billion_laughs.yml:3:8: the sidecar uses too many YAML aliases (*name). ${tooMany} [TB027]`,
        'data/merge_chain.yml:6:5: the YAML cannot be read: Map keys must be unique. Fix the YAML syntax (indent with spaces, quote text that contains ": "). [TB024]',
        'data/merge_chain.yml:7:5: the YAML cannot be read: Map keys must be unique. Fix the YAML syntax (indent with spaces, quote text that contains ": "). [TB024]',
        'data/merge_proto.yml:2:6: unknown key "__proto__". Expected only the documented keys, received "__proto__". Remove the key or correct its spelling (docs/authoring.md lists the allowed keys). [TB025]',
        // Inside `columns`, a free-form map, a schema would drop the key without a word.
        'data/proto_column.yml:3:3: unknown key "__proto__". Expected only the documented keys, received "__proto__". Remove the key or correct its spelling (docs/authoring.md lists the allowed keys). [TB025]',
        'data/proto_key.yml:2:1: unknown key "__proto__". Expected only the documented keys, received "__proto__". Remove the key or correct its spelling (docs/authoring.md lists the allowed keys). [TB025]',
        '10 problems found.',
      ].join('\n'),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

describe('B7: code fence info strings', () => {
  it('B7: ```js&#x20;xss gets exactly one class, language-js', async () => {
    const file = new VFile({ value: '```js&#x20;xss\nconst x = 1;\n```\n', path: '/nowhere/content/reports/q3.md' });
    const html = String(
      await createReportProcessor({ root: join(FIXTURES, 'c-directives'), config: SITE }).process(file),
    );
    expect(html).toBe('<pre><code class="language-js">const x = 1;\n</code></pre>');
  });
});
