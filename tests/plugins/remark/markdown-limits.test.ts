/**
 * Issue 14, leftovers of the adversarial run: Markdown nested thousands of
 * levels deep, backslash escapes in directive attributes, and images from
 * other sites. Each used to crash, mislead or build a broken page.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { type Processor, unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/lib/check/check-project.ts';
import { formatProblems, ReportError } from '../../../src/lib/errors.ts';
import { createReportProcessor, reportMarkdownSettings } from '../../../src/plugins/remark/processor.ts';
import { SITE } from '../../../src/site.config.ts';

const root = mkdtempSync(join(tmpdir(), 'trendbook-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'data'));
mkdirSync(join(root, 'content/reports'), { recursive: true });
writeFileSync(
  join(root, 'data/eng.csv'),
  'year,tier,rate\n2016,micro,3.5\n2016,mega,1.7\n2017,micro,3.4\n2017,mega,1.6\n',
);

const FRONTMATTER = '---\ntitle: Deep\ndescription: A report nested too deep.\ndate: 2025-01-01\n---\n\n';
const FIX =
  'Flatten the text: a quote or list inside another needs only a few levels; remove the extra > or list markers. [TB129]';

// biome-ignore lint/suspicious/noExplicitAny: any unified processor, whatever its stages.
type AnyProcessor = Processor<any, any, any, any, any>;

async function run(
  markdown: string,
  processor: () => AnyProcessor = () => createReportProcessor({ root, config: SITE }),
): Promise<string> {
  const file = new VFile({ value: markdown, path: join(root, 'input.md') });
  try {
    return String(await processor().process(file));
  } catch (error) {
    if (error instanceof ReportError) return error.message;
    throw error;
  }
}

/** Checks a project holding one report with this body, and formats what the check found. */
async function check(name: string, body: string): Promise<string> {
  const site = join(root, name);
  mkdirSync(join(site, 'content/reports'), { recursive: true });
  writeFileSync(join(site, 'content/reports/deep.md'), `${FRONTMATTER}${body}`);
  const { problems } = await checkProject(site, SITE);
  return formatProblems(problems);
}

describe('Markdown nested too deep', () => {
  it('reports 20,000 nested > quotes as one problem where the limit is crossed, not a stack trace', {
    timeout: 60_000,
  }, async () => {
    expect(await check('quotes', `Some text.\n\n${'>'.repeat(20_000)} deep\n`)).toBe(
      `content/reports/deep.md:9:101: blockquotes nest 20000 levels deep. Expected at most 100 levels, received 20000 levels. ${FIX}\n1 problem found.`,
    );
  });

  it('reports lists written as 2,000 list markers on one line', { timeout: 60_000 }, async () => {
    expect(await check('lists', `Some text.\n\n${'- '.repeat(2000)}deep\n`)).toBe(
      `content/reports/deep.md:9:201: lists nest 2000 levels deep. Expected at most 100 levels, received 2000 levels. ${FIX}\n1 problem found.`,
    );
  });

  it('accepts 100 levels and refuses the 101st at its own column, naming what nests', async () => {
    expect(await run(`${'>'.repeat(50)} ${'- '.repeat(50)}fine`)).toContain('fine');
    expect(await run(`${'>'.repeat(50)} ${'- '.repeat(51)}too deep`)).toBe(
      `input.md:1:152: blockquotes and lists nest 101 levels deep. Expected at most 100 levels, received 101 levels. ${FIX}\n1 problem found.`,
    );
  });

  it('turns a stack overflow inside the parser into the same problem, at the line that nests too deep', async () => {
    // The report pipeline's plugins behind a parser that overflows, as remark-parse does on some inputs.
    const overflowing = () =>
      unified()
        .use(function (this: Processor) {
          this.parser = () => {
            throw new RangeError('Maximum call stack size exceeded');
          };
        })
        .use(reportMarkdownSettings({ root, config: SITE }).remarkPlugins)
        .use(remarkRehype)
        .use(rehypeStringify);
    expect(await run(`Fine.\n\n> quoted\n\n${'> '.repeat(500)}deep\n`, overflowing)).toBe(
      `input.md:5:201: blockquotes nest 500 levels deep. Expected at most 100 levels, received 500 levels. ${FIX}\n1 problem found.`,
    );
    expect(await run('***'.repeat(10), overflowing)).toBe(
      `input.md:1:1: the Markdown nests too deeply to be read. Expected at most 100 levels, received more than the parser can follow. ${FIX}\n1 problem found.`,
    );
  });
});

describe('backslash escapes in directive attributes', () => {
  const fix = `Quote the value with the other quote character (title='The "big" one'), or write the quote as &quot;. [TB110]`;

  it('says a chart title cannot escape its quotes with a backslash, at the backslash', async () => {
    expect(await run('Text.\n\n::chart{dataset="eng" y="rate" series="tier" title="The \\"big\\" tiers"}\n')).toBe(
      `input.md:3:57: the directive escapes a quote with a backslash (\\"), and backslash escapes are not supported in attribute values. Expected the value to end at its next quote, received title="The \\". ${fix}\n1 problem found.`,
    );
  });

  it('says the same for a :stat and for a value that still parses', async () => {
    expect(await run('It was :stat{dataset="eng" y="rate" where="tier=micro year=\\"2016\\""} then.')).toBe(
      `input.md:1:60: the directive escapes a quote with a backslash (\\"), and backslash escapes are not supported in attribute values. Expected the value to end at its next quote, received where="tier=micro year=\\". ${fix}\n1 problem found.`,
    );
    expect(await run(`::chart{dataset="eng" y="rate" series="tier" title='It\\'s big'}`)).toBe(
      `input.md:1:55: the directive escapes a quote with a backslash (\\'), and backslash escapes are not supported in attribute values. Expected the value to end at its next quote, received title='It\\'. Quote the value with the other quote character (title="The 'big' one"), or write the quote as &#39;. [TB110]\n1 problem found.`,
    );
  });

  it('reads the two ways the fix suggests', async () => {
    expect(await run(`::chart{dataset="eng" y="rate" series="tier" title='The "big" tiers'}`)).toContain(
      'The “big” tiers'.replace(/[“”]/g, '"').replace(/"/g, '&#x22;'),
    );
    expect(await run('::chart{dataset="eng" y="rate" series="tier" title="The &quot;big&quot; tiers"}')).toContain(
      'id="the-big-tiers"',
    );
  });
});

describe('images from other sites', () => {
  const fix =
    'Download the image into public/images/ and link it as /images/<name>; pages load images only from the site itself, so readers would see a broken image. [TB128]';

  it('refuses an https image at its line, with the fix, because the site’s policy would block it', async () => {
    expect(await run('A photo:\n\n![Creators at work](https://images.example.com/photo.jpg)\n')).toBe(
      `input.md:3:1: image from another site. Expected an image stored with the site, such as /images/chart.png, received "https://images.example.com/photo.jpg". ${fix}\n1 problem found.`,
    );
  });

  it('refuses protocol-relative and reference-style images too', async () => {
    expect(await run('![a](//cdn.example.com/a.png) and ![b][logo]\n\n[logo]: http://example.com/logo.png\n')).toBe(
      [
        `input.md:1:1: image from another site. Expected an image stored with the site, such as /images/chart.png, received "//cdn.example.com/a.png". ${fix}`,
        `input.md:1:35: image from another site. Expected an image stored with the site, such as /images/chart.png, received "http://example.com/logo.png". ${fix}`,
        '2 problems found.',
      ].join('\n'),
    );
  });

  it('keeps a local image and a link to another site', async () => {
    expect(await run('![Chart](/images/chart.png) and [a source](https://example.com/report)')).toBe(
      '<p><img src="/images/chart.png" alt="Chart"> and <a href="https://example.com/report">a source</a></p>',
    );
  });
});
