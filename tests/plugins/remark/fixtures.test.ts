/**
 * The Markdown pipeline on fixture folders (remark-gfm style): the one fixture suite of the report pipeline,
 * rendered through createReportProcessor() exactly as the check and the build render a report.
 *
 * Each folder `tests/fixtures/remark/<case>/` is one project root: `input.md`
 * (a report body), `data/` with the small CSVs it needs, and either
 * `output.html` (the HTML the pipeline renders) or `error.txt` (the full text
 * of the ReportError it throws, every problem with its `input.md:line:column`),
 * plus `warnings.txt` when a case that renders has warnings.
 * `UPDATE=1 npm test` rewrites the expected files; without it nothing is written.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { formatProblems, isWarning, ReportError } from '../../../src/lib/errors.ts';
import { problemsOf } from '../../../src/plugins/remark/context.ts';
import { createReportProcessor } from '../../../src/plugins/remark/processor.ts';
import { SITE } from '../../../src/site.config.ts';
import { expectFile } from '../../golden.ts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/remark');

/**
 * Renders Markdown with `root` as the project root; returns the HTML and the text of its warnings, or the
 * text of every problem the pipeline reports.
 */
async function render(root: string, markdown: string): Promise<{ html?: string; error?: string; warnings?: string }> {
  const file = new VFile({ value: markdown, path: join(root, 'input.md') });
  const processor = createReportProcessor({ root, config: SITE });
  try {
    const html = String(await processor.process(file));
    const warnings = problemsOf(file).filter(isWarning);
    return {
      html,
      ...(warnings.length > 0 ? { warnings: `${formatProblems(warnings).replaceAll(root, '<root>')}\n` } : {}),
    };
  } catch (error) {
    // Messages name resolved paths; the fixture files hold them as <root>, whatever folder the checkout is in.
    if (error instanceof ReportError) return { error: formatProblems(error.problems).replaceAll(root, '<root>') };
    throw error;
  }
}

/** Renders the case folder `name`. */
async function renderCase(name: string): Promise<{ html?: string; error?: string; warnings?: string }> {
  const root = join(FIXTURES, name);
  return render(root, readFileSync(join(root, 'input.md'), 'utf8'));
}

/** Renders a case that must succeed. */
async function htmlOf(name: string): Promise<string> {
  const { html, error } = await renderCase(name);
  if (html === undefined) throw new Error(`expected ${name} to render, got:\n${error}`);
  return html;
}

/** Renders a case that must fail. */
async function errorOf(name: string): Promise<string> {
  const { html, error } = await renderCase(name);
  if (error === undefined) throw new Error(`expected ${name} to fail, got:\n${html}`);
  return error;
}

const cases = readdirSync(FIXTURES)
  .filter((name) => statSync(join(FIXTURES, name)).isDirectory())
  .sort();

describe('remark fixtures', () => {
  it('has fixture folders', () => {
    expect(cases.length).toBe(49);
  });

  for (const name of cases) {
    it(name.replace(/-/g, ' '), async () => {
      const { html, error, warnings } = await renderCase(name);
      const outputFile = join(FIXTURES, name, 'output.html');
      const errorFile = join(FIXTURES, name, 'error.txt');
      const warningsFile = join(FIXTURES, name, 'warnings.txt');
      expectFile(warningsFile, warnings, { message: `${name}: warnings differ from warnings.txt` });
      const [actualFile, actual, staleFile] =
        error !== undefined ? [errorFile, `${error}\n`, outputFile] : [outputFile, `${html}\n`, errorFile];
      expectFile(actualFile, actual, { stale: [staleFile] });
    });
  }
});

/**
 * Counts the elements with this tag name in HTML from rehype-stringify, which
 * always double-quotes attribute values: text inside them is not markup.
 */
function countTags(html: string, tag: string): number {
  return html.replace(/="[^"]*"/g, '=""').match(new RegExp(`<${tag}[\\s>]`, 'gi'))?.length ?? 0;
}

describe('::chart renders a figure', () => {
  it('holds the canvas, the spec as JSON and a table with column and row headers', async () => {
    const html = await htmlOf('a-line-chart-becomes-a-figure-with-canvas-spec-and-table');
    expect(html).toContain(
      '<figure class="chart" id="engagement-by-tier" data-chart="" aria-labelledby="engagement-by-tier-title" data-pagefind-title="Engagement rate by tier">',
    );
    expect(html).toContain(
      '<canvas aria-hidden="true"></canvas><script type="application/json" class="chart__spec">{"id":"engagement-by-tier",',
    );
    expect(html).toContain(
      '<thead><tr><th scope="col">Year</th><th scope="col">Micro</th><th scope="col">Mega / celebrity</th></tr></thead>',
    );
    expect(html).toContain('<tr><th scope="row">2016</th><td>2.4%</td><td>1.7%</td></tr>');
  });

  it('keeps the prose around the chart', async () => {
    const html = await htmlOf('a-line-chart-becomes-a-figure-with-canvas-spec-and-table');
    expect(html).toMatch(
      /^<h1 id="section-engagement">Engagement<\/h1>\n<p>Micro-influencers drew more engagement than celebrities in both years\.<\/p>\n<figure /,
    );
    expect(html).toMatch(/<\/figure>\n<p>The gap narrowed a little in 2017\.<\/p>$/);
  });

  it('draws type="bar" as bars', async () => {
    const html = await htmlOf('a-bar-chart-groups-bars-by-tier');
    expect(html).toContain('<div class="chart__frame chart__frame--bar">');
    expect(html).toContain('"type":"bar"');
    expect(html).toContain('<tr><th scope="row">2016</th><td>$1,200</td><td>$3,000</td></tr>');
  });

  it('makes the id from the title, with accents stripped', async () => {
    const html = await htmlOf('the-id-comes-from-the-title-without-accents');
    expect(html).toContain('<figure class="chart" id="cout-par-post-ete-2016-apres"');
    expect(html).toContain('>Coût par post — été 2016 &#x26; après</p>');
  });

  it('prefers the explicit #id to the title', async () => {
    const html = await htmlOf('an-explicit-id-wins-over-the-title');
    expect(html).toContain('<figure class="chart" id="micro-vs-mega"');
    expect(html).not.toContain('engagement-in-2017');
  });
});

describe('where, series and agg', () => {
  it('keeps only the listed values of each column', async () => {
    const html = await htmlOf('where-filters-several-values-of-several-columns');
    expect(html).toContain(
      '"filters":[{"column":"tier","values":["micro","mega"]},{"column":"year","values":["2016"]}]',
    );
    expect(html).toContain('<tr><th scope="row">2016</th><td>2.4</td><td>1.7</td></tr>');
    expect(html).not.toMatch(/Nano|Macro|2017/);
  });

  it('splits pairs at ";" so a value may contain a space', async () => {
    const html = await htmlOf('where-with-semicolons-allows-values-with-spaces');
    expect(html).toContain(
      '"filters":[{"column":"service","values":["Apple Music"]},{"column":"year","values":["2022","2023"]}]',
    );
    expect(html).toContain('<tr><th scope="row">Apple Music</th><td>107</td></tr>');
    expect(html).not.toContain('Tidal');
  });

  it('combines rows that share a point with agg="mean"', async () => {
    const html = await htmlOf('agg-mean-combines-rows-that-share-a-point');
    expect(html).toContain('"values":[205,236]');
    expect(html).toContain('"values":[105,107]');
    expect(html).toContain('"agg":"mean"');
  });

  it('names the rows that share a point when there is no agg', async () => {
    const error = await errorOf('rows-that-share-a-point-without-agg-are-an-error');
    expect(error).toContain(
      'input.md:3:1: several rows of data/services.csv share a point: service=Spotify, year=2022 (lines 2, 3); service=Apple Music, year=2022 (lines 5, 6).',
    );
  });
});

describe('mistakes in a directive are reported where they are', () => {
  it('suggests the closest dataset', async () => {
    expect(await errorOf('an-unknown-dataset-suggests-the-closest-name')).toContain(
      'input.md:1:21: unknown dataset "engagment": no file named exactly data/engagment.csv.',
    );
    expect(await errorOf('an-unknown-dataset-suggests-the-closest-name')).toContain(
      'Did you mean dataset="engagement"?',
    );
  });

  it('suggests the closest column', async () => {
    expect(await errorOf('an-unknown-column-suggests-the-closest-name')).toContain(
      'input.md:1:42: y="engagment_rate": data/engagement.csv has no column "engagment_rate".',
    );
  });

  it('lists the values a where filter can take', async () => {
    expect(await errorOf('an-unknown-where-value-is-an-error')).toContain(
      'no row of data/engagement.csv has tier=Micro. Expected one of "mega" or "micro", received "Micro". Did you mean "micro"?',
    );
  });

  it('refuses unknown attributes and copies none of them into the page', async () => {
    const error = await errorOf('unknown-attributes-are-errors-and-never-reach-the-page');
    expect(error).toContain('input.md:1:62: ::chart has no attribute "onmouseover".');
    expect(error).toContain('input.md:1:85: ::chart has no attribute ".evil".');
    const root = join(FIXTURES, 'unknown-attributes-are-errors-and-never-reach-the-page');
    const markdown = readFileSync(join(root, 'input.md'), 'utf8');
    const file = new VFile({ value: markdown, path: join(root, 'input.md') });
    const processor = createReportProcessor({ root, config: SITE, failOnProblems: false });
    const html = String(await processor.process(file));
    expect(html).not.toMatch(/onmouseover|alert|evil/);
  });

  it('copies no unknown attribute into the page', async () => {
    expect(await errorOf('unknown-and-unsafe-attributes')).toContain('::chart has no attribute "onmouseover"');
  });

  it('refuses style="…"', async () => {
    const root = join(FIXTURES, 'unknown-attributes-are-errors-and-never-reach-the-page');
    const { error } = await render(
      root,
      '::chart{#engagement dataset="engagement" y="engagement_rate" style="position:fixed;inset:0" title="Engagement"}\n',
    );
    expect(error).toContain('input.md:1:62: ::chart has no attribute "style".');
  });

  it('refuses curly quotes at the quote', async () => {
    expect(await errorOf('curly-quotes-are-an-error')).toContain(
      'input.md:3:29: the directive quotes a value with the typographic quote “.',
    );
  });

  it('refuses an attribute given twice at the second one', async () => {
    expect(await errorOf('an-attribute-given-twice-is-an-error')).toContain(
      'input.md:1:48: the attribute y is given twice.',
    );
  });

  it('refuses an unterminated ::chart instead of printing it', async () => {
    expect(await errorOf('an-unterminated-chart-directive-is-an-error')).toContain(
      'input.md:3:1: this looks like a chart directive, but it cannot be read.',
    );
  });

  it('refuses two charts with one id, naming the first', async () => {
    expect(await errorOf('two-charts-with-one-id-are-an-error')).toContain(
      'input.md:3:9: two charts have the id #engagement (the other is on line 1).',
    );
  });

  it('refuses a chart id that a heading already uses', async () => {
    expect(await errorOf('a-chart-id-equal-to-a-heading-id-is-an-error')).toContain(
      'input.md:3:9: the chart id #section-engagement-by-tier is also the id of a heading.',
    );
  });
});

describe('other directives', () => {
  it('suggests ::chart for ::Chart', async () => {
    expect(await errorOf('a-capitalised-chart-directive-suggests-chart')).toContain(
      'input.md:1:1: unknown directive ::Chart.',
    );
    expect(await errorOf('a-capitalised-chart-directive-suggests-chart')).toContain('Did you mean ::chart{…}?');
  });

  it('refuses a container such as :::note', async () => {
    expect(await errorOf('a-container-directive-is-an-error')).toContain('input.md:3:1: unknown directive :::note.');
  });

  it('refuses :Stat{…} with a suggestion', async () => {
    expect(await errorOf('a-capitalised-stat-directive-is-an-error')).toContain(
      'input.md:1:16: unknown directive :Stat. Expected :stat,',
    );
  });

  it('keeps prose with colons exactly as written', async () => {
    const html = await htmlOf('prose-with-colons-is-kept-exactly');
    expect(html).toContain('<p>The call is at 10:30 UTC, with a 3:1 ratio of micro to mega.</p>');
    // GitHub-flavoured Markdown links bare addresses, as on the built page; their colons stay as written.
    expect(html).toContain(
      '<p>Tag it note:important for team:alpha, or see <a href="http://x">http://x</a> and <a href="http://example.com/a:b">http://example.com/a:b</a>.</p>',
    );
    expect(html).not.toContain('<div');
  });

  it('leaves directives in code alone', async () => {
    const html = await htmlOf('directives-in-code-stay-literal');
    expect(html).toContain('<code>::chart{dataset="engagement" y="engagement_rate"}</code>');
    expect(html).toContain(
      '<pre><code class="language-md">::chart{dataset="nothing" y="nope"}\nA :stat[60%]{dataset="nothing"} claim and a :::note.\n</code></pre>',
    );
  });
});

describe('text from data stays text', () => {
  it('escapes markup from cells and titles in the table, and adds no element', async () => {
    const html = await htmlOf('markup-in-data-stays-text-in-table-and-json');
    expect(html).toContain(
      '<th scope="col">&#x3C;img src=x onerror=alert(1)></th><th scope="col">&#x3C;/script>&#x3C;script>alert(1)&#x3C;/script></th><th scope="col">line\u2028break</th>',
    );
    expect(html).toContain('<p class="chart__title" id="labels-title">Labels &#x3C;/script>&#x3C;b>x&#x3C;/b></p>');
    expect(countTags(html, 'script')).toBe(1);
    // The chart's two static drawings; no image, and no element from a label.
    expect(countTags(html, 'svg')).toBe(2);
    expect(countTags(html, 'img')).toBe(0);
    expect(countTags(html, 'b')).toBe(0);
  });

  it('escapes <, > and U+2028 in the inline JSON', async () => {
    const html = await htmlOf('markup-in-data-stays-text-in-table-and-json');
    const json = /<script type="application\/json" class="chart__spec">(.*?)<\/script>/s.exec(html)![1]!;
    expect(json).not.toMatch(/[<>\u2028]/);
    expect(json).toContain('"label":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"');
    expect(json).toContain('"label":"line\\u2028break"');
    expect(JSON.parse(json).series.map((series: { label: string }) => series.label)).toEqual([
      '<img src=x onerror=alert(1)>',
      '</script><script>alert(1)</script>',
      'line\u2028break',
    ]);
  });
});

describe('reported and illustrative figures', () => {
  it('flags illustrative rows in the spec, the table and the caption', async () => {
    const html = await htmlOf('illustrative-rows-are-flagged-in-spec-table-and-caption');
    expect(html).toContain('"basis":["reported","illustrative","reported"]');
    expect(html).toContain(
      '<tr><th scope="row">2017</th><td class="is-illustrative">2.2% *</td><td class="is-illustrative">1.5% *</td></tr>',
    );
    expect(html).toContain(
      '<strong class="chart__illustrative">2 of 6 values are illustrative</strong> (hollow points, dashed where joined): no source gives them.',
    );
  });

  it('flags a value drawn at the midpoint of a range', async () => {
    const html = await htmlOf('a-range-midpoint-is-flagged');
    expect(html).toContain('"ranges":[null,[100,500]]');
    expect(html).toContain('<td>≈ $300 ($100–$500)</td>');
    expect(html).toContain('"midpoints":1');
  });
});

describe(':stat', () => {
  it('prints the value formatted by the column type', async () => {
    const html = await htmlOf('stat-prints-values-formatted-by-column-type');
    expect(html).toContain('aria-describedby="stat-working-1">2.4%<span');
    expect(html).toContain('aria-describedby="stat-working-2">$7,850<span');
    expect(html).toContain('aria-describedby="stat-working-3">12,400<span');
  });

  it('prints a claim that holds in the author’s words', async () => {
    const html = await htmlOf('stat-claims-that-hold-print-the-authors-words');
    const claims = [
      '60%',
      '6.7×',
      '6.7x',
      '22.2 times',
      '$1,200',
      '1.8 pp',
      '3.3k',
      '1.2M',
      '2.2×',
      '121%',
      '0.7 pp',
      '$3,000',
      '2.2 times',
      '105',
    ];
    expect(html.match(/<span class="stat"/g)).toHaveLength(claims.length);
    for (const claim of claims) {
      expect(html).toContain(`">${claim}<span class="stat__working"`);
    }
  });

  it('fails a claim that does not hold with the computed value and its working', async () => {
    const error = await errorOf('stat-claims-that-do-not-hold-are-errors');
    expect(error).toContain(
      'input.md:1:13: the text says 3.5× but data/services.csv gives 2.2× (236 / 107, year=2023).',
    );
    expect(error).toContain('input.md:5:115: the text says 3.4k but data/reach.csv gives 3.3k (3,349, tier=micro).');
  });

  it('refuses a claim with more than one number, years included, naming each', async () => {
    const error = await errorOf('a-stat-claim-with-several-numbers-is-an-error');
    expect(error).toContain(
      'input.md:1:12: the claim "60% or 70%" has 2 numbers (60% and 70%), but only one can be checked. Expected exactly one number in the brackets, with its unit or scale word (a year counts as a number too), received 2 numbers. Keep one number in the brackets and write the other words after the directive, or give each number its own :stat.',
    );
    expect(error).toContain(
      'input.md:3:12: the claim "60%, up from 10% in 2015" has 3 numbers (60%, 10% and 2015), but only one can be checked.',
    );
    expect(error).toContain(
      'input.md:5:14: the claim "between 2 and 3%" has 2 numbers (2 and 3%), but only one can be checked.',
    );
    // Words such as "first" and "two" are not numbers: the fourth claim on line 5 holds.
    expect(error).not.toContain('first year');
    // Reported together with the stat's other problems.
    expect(error).toContain('input.md:7:16: the claim "3 or 4" has 2 numbers (3 and 4)');
    expect(error).toContain('input.md:7:71: :stat has no attribute "colour".');
    expect(error).toContain('5 problems found.');
  });

  it('checks a claim to at least two significant figures', async () => {
    const error = await errorOf('stat-claims-coarser-than-two-significant-figures-are-errors');
    expect(error.split('\n')).toEqual([
      'input.md:1:11: the text says 1 times but data/engagement.csv gives 1.4× (2.37 / 1.66, year=2016). Expected 1.4×, since a claim is checked to at least two significant figures, received "1 times". Correct the sentence, or correct the data if the sentence is right. [TB121]',
      'input.md:3:11: the text says 2 million but data/reach.csv gives 2.1 million (2,134,000, tier=micro). Expected 2.1 million, since a claim is checked to at least two significant figures, received "2 million". Correct the sentence, or correct the data if the sentence is right. [TB121]',
      'input.md:5:13: the text says 0.1 pp but data/engagement.csv gives 0.14 pp (2.75 − 2.61, year=2017). Expected 0.14 pp, since a claim is checked to at least two significant figures, received "0.1 pp". Correct the sentence, or correct the data if the sentence is right. [TB121]',
      'input.md:5:144: the text says 0.1 but data/reach.csv gives 0.14 (0.14, tier=mega). Expected 0.14, since a claim is checked to at least two significant figures, received "0.1". Correct the sentence, or correct the data if the sentence is right. [TB121]',
      '4 problems found.',
    ]);
  });

  it('reads 2.1M, 2.1 million and 2,100,000 as one claim, also against a column declared in millions', async () => {
    const html = await htmlOf('stat-scale-words-mean-the-same-in-claims-and-declared-units');
    const claims = ['2.1M', '2.1 million', '2,100,000', '3.5 million', '2.1 million', '2.1M'];
    expect(html.match(/<span class="stat"/g)).toHaveLength(claims.length + 1);
    for (const claim of claims) expect(html).toContain(`">${claim}<span class="stat__working"`);
    // Printed without a claim, a value in millions keeps its scale word.
    expect(html).toContain('aria-describedby="stat-working-5">2.134 million<span');
  });

  it('refuses a claim whose scale word is missing or wrong', async () => {
    const error = await errorOf('stat-claims-with-a-wrong-scale-are-errors');
    expect(error.split('\n')).toEqual([
      'input.md:1:13: the text says 2.1 but data/streaming.csv gives 2.1 million (2.1, service=Spotify year=2023). Expected 2.1 million at the claim\'s precision, received "2.1". The column is in millions: write the scale word inside the brackets, as in 2.1 million. [TB121]',
      'input.md:3:13: the text says 2.1k but data/listeners.csv gives 2,134k (2,134,000). Expected 2,134k at the claim\'s precision, received "2.1k". Correct the sentence, or correct the data if the sentence is right. [TB121]',
      'input.md:3:74: the text says 3.5 thousand but data/streaming.csv gives 3,500 thousand (3.5, service=Tidal). Expected 3,500 thousand at the claim\'s precision, received "3.5 thousand". Correct the sentence, or correct the data if the sentence is right. [TB121]',
      '3 problems found.',
    ]);
  });

  it('refuses a stat that matches no row', async () => {
    expect(await errorOf('a-stat-matching-no-rows-is-an-error')).toContain('received 0 matching rows.');
  });

  it('refuses a stat that matches several rows without agg', async () => {
    expect(await errorOf('a-stat-matching-several-rows-needs-agg')).toContain(
      '2 rows of data/engagement.csv match tier=micro (lines 2, 4).',
    );
  });

  it('refuses a comparison with zero', async () => {
    expect(await errorOf('a-comparison-with-zero-is-an-error')).toContain(
      'the second value of the comparison (Tidal) is 0, so there is no ratio.',
    );
  });

  it('refuses as="ratio" without compare', async () => {
    expect(await errorOf('as-ratio-without-compare-is-an-error')).toContain(
      'input.md:1:87: as="ratio" compares two values, but there is no compare="…".',
    );
  });
});
