/**
 * Section C of tests/checklist/README.md (directives): malformed attributes, attribute injection,
 * directives in odd places and `:stat` over data with no usable value. Each
 * case renders Markdown against `tests/fixtures/checklist/c-directives/data/`
 * through the report pipeline and asserts the exact problems or HTML.
 */
import { join, resolve } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { formatProblems, ReportError } from '../../src/lib/errors.ts';
import { createReportProcessor } from '../../src/plugins/remark/processor.ts';
import { SITE } from '../../src/site.config.ts';

const ROOT = resolve(import.meta.dirname, '../fixtures/checklist/c-directives');

/** Renders a report body; returns its HTML, or its problems as printed. */
async function render(markdown: string): Promise<{ html?: string; error?: string }> {
  const file = new VFile({ value: markdown, path: join(ROOT, 'content/reports/q3.md') });
  const processor = createReportProcessor({ root: ROOT, config: SITE });
  try {
    return { html: String(await processor.process(file)) };
  } catch (error) {
    if (error instanceof ReportError) return { error: formatProblems(error.problems) };
    throw error;
  }
}

async function errorOf(markdown: string): Promise<string> {
  const { html, error } = await render(markdown);
  if (error === undefined) throw new Error(`expected a failure, got:\n${html}`);
  return error;
}

async function htmlOf(markdown: string): Promise<string> {
  const { html, error } = await render(markdown);
  if (html === undefined) throw new Error(`expected HTML, got:\n${error}`);
  return html;
}

/** The "cannot be read" problem for a ::chart at `place`, as printed. */
function unreadable(place: string, received: string): string {
  return `content/reports/q3.md:${place}: this looks like a chart directive, but it cannot be read. Expected ::chart{name="value" …} alone on its line, with straight quotes and a closing }, received ${JSON.stringify(received)}. Close the braces and quotes, and write attributes as name="value". [TB112]\n1 problem found.`;
}

// Under 50 characters, so messages quote it whole.
const CHART = '::chart{dataset="tiers" y="engagement_rate"}';

describe('C3: unterminated directives', () => {
  it('C3: ::chart{dataset="tiers} (quote never closed) fails at its line', async () => {
    expect(await errorOf('Intro.\n\n::chart{dataset="tiers}\n\nAfter.\n')).toBe(
      unreadable('3:1', '::chart{dataset="tiers}'),
    );
  });
});

describe('C4: word-processor artefacts', () => {
  it('C4: a non-breaking space between attributes fails at the directive', async () => {
    const directive = '::chart{dataset="tiers"\u00a0y="engagement_rate"}';
    expect(await errorOf(`${directive}\n`)).toBe(
      'content/reports/q3.md:1:24: the chart directive has a non-breaking space between its attributes. Expected ordinary spaces between attributes, received U+00A0 (non-breaking space). Replace it with an ordinary space; word processors put non-breaking spaces in automatically. [TB111]\n1 problem found.',
    );
  });

  it('C4: a narrow non-breaking space in a :stat fails at that space; one inside a quoted value is text', async () => {
    expect(await errorOf('Engagement was :stat{dataset="tiers"\u202fy="engagement_rate"} in 2024.\n')).toBe(
      'content/reports/q3.md:1:37: the stat directive has a narrow non-breaking space between its attributes. Expected ordinary spaces between attributes, received U+202F (narrow non-breaking space). Replace it with an ordinary space; word processors put non-breaking spaces in automatically. [TB111]\n1 problem found.',
    );
    expect(await errorOf('::chart{dataset="tiers" title="A\u00a0B"\n')).toBe(
      unreadable('1:1', '::chart{dataset="tiers" title="A\u00a0B"'),
    );
  });
});

describe('C5: attribute injection', () => {
  it('C5: :stat{label="<img src=x onerror=alert(1)>"} fails as an unknown attribute and nothing reaches the page', async () => {
    const { html, error } = await render('A :stat{label="<img src=x onerror=alert(1)>"} here.\n');
    expect(html).toBeUndefined();
    expect(error).toBe(
      [
        'content/reports/q3.md:1:3: :stat needs dataset="…". Expected the name of a CSV file in data/, received nothing. Add dataset="…". [TB103]',
        'content/reports/q3.md:1:3: :stat needs y="…". Expected the column to read, received nothing. Add y="…". [TB103]',
        'content/reports/q3.md:1:9: :stat has no attribute "label". Expected only "dataset", "y", "where", "compare", "as" or "agg", received "label". Remove the attribute. [TB100]',
        '3 problems found.',
      ].join('\n'),
    );
  });
});

describe('C6: directives in odd places', () => {
  it('C6: ::chart in a table cell fails at the cell', async () => {
    expect(await errorOf(`| a | b |\n|---|---|\n| ${CHART} | x |\n`)).toBe(unreadable('3:3', CHART));
  });

  it('C6: ::chart in a heading fails at the heading text', async () => {
    expect(await errorOf(`## ${CHART}\n`)).toBe(unreadable('1:4', CHART));
  });

  it('C6: ::chart in link text fails at the link text', async () => {
    expect(await errorOf(`See [${CHART}](https://example.com).\n`)).toBe(unreadable('1:6', CHART));
  });

  it('C6: ::chart in inline code stays literal', async () => {
    expect(await htmlOf(`Write \`${CHART}\` on its own line.\n`)).toBe(
      '<p>Write <code>::chart{dataset="tiers" y="engagement_rate"}</code> on its own line.</p>',
    );
  });

  it('C6: ::chart in a fenced code block stays literal', async () => {
    expect(await htmlOf(`\`\`\`md\n${CHART}\n:stat{dataset="nothing"}\n\`\`\`\n`)).toBe(
      '<pre><code class="language-md">::chart{dataset="tiers" y="engagement_rate"}\n:stat{dataset="nothing"}\n</code></pre>',
    );
  });
});

describe('C7: :stat over data with no usable value', () => {
  /** Fails the test if text shows a number that is not one. */
  function expectNoBadNumbers(text: string): void {
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
  }

  it('C7: a filter of known values that matches 0 rows fails with the filter', async () => {
    const error = await errorOf(
      'Micro drew :stat{dataset="tiers" y="engagement_rate" where="tier=micro year=2017"}.\n',
    );
    expect(error).toBe(
      'content/reports/q3.md:1:54: no value of "engagement_rate" in data/tiers.csv matches tier=micro year=2017. Expected at least one row with a value, received 0 matching rows. Check the filter, or fill in the value in the CSV. [TB136]\n1 problem found.',
    );
    expectNoBadNumbers(error);
  });

  it('C7: a column with no values fails, with agg too', async () => {
    const error = await errorOf(
      'One :stat{dataset="tiers" y="no_values" where="tier=micro year=2016"}.\n\nMean :stat{dataset="tiers" y="no_values" where="tier=mega" agg="mean"}.\n',
    );
    expect(error).toBe(
      [
        'content/reports/q3.md:1:41: no value of "no_values" in data/tiers.csv matches tier=micro year=2016. Expected at least one row with a value, received 1 matching row, all missing a value. Check the filter, or fill in the value in the CSV. [TB136]',
        'content/reports/q3.md:3:42: no value of "no_values" in data/tiers.csv matches tier=mega. Expected at least one row with a value, received 2 matching rows, all missing a value. Check the filter, or fill in the value in the CSV. [TB136]',
        '2 problems found.',
      ].join('\n'),
    );
    expectNoBadNumbers(error);
  });

  it('C7: a zero denominator fails for as="ratio" and as="percent-more"', async () => {
    const compare = 'dataset="tiers" y="listeners" where="year=2016" compare="tier=micro/mega"';
    const error = await errorOf(
      `A :stat{${compare} as="ratio"} ratio.\n\nA :stat{${compare} as="percent-more"} gap.\n`,
    );
    expect(error).toBe(
      [
        'content/reports/q3.md:1:57: the second value of the comparison (mega) is 0, so there is no ratio. Expected a non-zero value to compare with, received 0. Compare with another value, or use as="difference". [TB135]',
        'content/reports/q3.md:3:57: the second value of the comparison (mega) is 0, so there is no percentage. Expected a non-zero value to compare with, received 0. Compare with another value, or use as="difference". [TB135]',
        '2 problems found.',
      ].join('\n'),
    );
    expectNoBadNumbers(error);
  });

  it('C7: a stat over a column with gaps prints only real numbers', async () => {
    const html = await htmlOf(
      'Mega averaged :stat{dataset="tiers" y="engagement_rate" where="tier=mega" agg="mean"}; the difference is :stat{dataset="tiers" y="listeners" where="year=2016" compare="tier=micro/mega" as="difference"}.\n',
    );
    expectNoBadNumbers(html);
    expect(html).toContain('aria-describedby="stat-working-1">1.6%<span');
    expect(html).toContain('aria-describedby="stat-working-2">120<span');
  });
});
