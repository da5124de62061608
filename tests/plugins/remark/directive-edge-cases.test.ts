/**
 * Regressions in directives (claims, attribute values, missing series, ids,
 * suggestions, stats in links and headings, tiers): each test names what used to go wrong.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { closest, ReportError } from '../../../src/lib/errors.ts';
import { slugify } from '../../../src/lib/slugify.ts';
import { createReportProcessor } from '../../../src/plugins/remark/processor.ts';
import { SITE } from '../../../src/site.config.ts';

const root = mkdtempSync(join(tmpdir(), 'trendbook-review-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'data'));
writeFileSync(
  join(root, 'data/eng.csv'),
  'year,tier,rate,share\n2016,micro,3.5,0.035\n2016,mega,1.7,0.017\n2017,micro,3.5,0.03\n2017,,2.0,0.02\n',
);
writeFileSync(
  join(root, 'data/eng.yml'),
  'title: Eng\ncolumns:\n  rate: { type: percent }\n  share: { type: fraction }\n',
);

async function run(markdown: string): Promise<string> {
  const file = new VFile({ value: markdown, path: join(root, 'input.md') });
  try {
    return String(await createReportProcessor({ root, config: SITE }).process(file));
  } catch (error) {
    if (error instanceof ReportError) return error.message;
    throw error;
  }
}

describe('claims, attribute values, ids and suggestions', () => {
  it('states a failed percentage-point claim in points, not percent', async () => {
    expect(
      await run(':stat[1.5 pp]{dataset="eng" y="rate" where="year=2016" compare="tier=micro/mega" as="difference"}'),
    ).toBe(
      'input.md:1:1: the text says 1.5 pp but data/eng.csv gives 1.8 pp (3.5 − 1.7, year=2016). Expected 1.8 pp at the claim\'s precision, received "1.5 pp". Correct the sentence, or correct the data if the sentence is right. [TB121]\n1 problem found.',
    );
  });

  it('checks claims about fraction columns as percentages', async () => {
    const html = await run(
      'A :stat[3.5%]{dataset="eng" y="share" where="tier=micro year=2016"} share, :stat[1.8 pp]{dataset="eng" y="share" where="year=2016" compare="tier=micro/mega" as="difference"} apart.',
    );
    expect(html).toContain('aria-describedby="stat-working-1">3.5%<span');
    expect(html).toContain('aria-describedby="stat-working-2">1.8 pp<span');
  });

  it('accepts a curly apostrophe inside a straight-quoted value', async () => {
    expect(
      await run('::chart{dataset="eng" y="rate" where="year=2016" series="tier" title="Creators’ engagement"}'),
    ).toContain('id="creators-engagement"');
  });

  it('does not take unquoted values for attribute names', async () => {
    expect(await run('::chart{dataset=eng y=rate series=tier where="year=2016" title=Rate}')).toContain(
      '<figure class="chart" id="rate"',
    );
  });

  it('reports values that have no series instead of dropping them', async () => {
    expect(await run('::chart{dataset="eng" y="rate" series="tier" title="Rate"}')).toBe(
      'input.md:1:1: a row of data/eng.csv has a value but no "year" or "tier" (line 5). Expected every drawn row to say where it belongs, received an empty cell. Fill in the empty cell, or leave these rows out with where="…". [TB055]\n1 problem found.',
    );
  });

  it('transliterates letters that do not decompose when making ids', () => {
    expect(slugify('Ärger & Œuvre: Straße, Łódź, Æsir')).toBe('arger-oeuvre-strasse-lodz-aesir');
  });

  it('suggests the right name for swapped letters', () => {
    expect(closest('teir', ['year', 'tier', 'rate'])).toBe('tier');
  });
});

describe('stats inside links and headings', () => {
  it('print alone, so links do not nest and headings keep their own text', async () => {
    const html = await run(
      '## Micro at :stat{dataset="eng" y="rate" where="tier=micro year=2016"}\n\nSee [the :stat{dataset="eng" y="rate" where="tier=mega year=2016"} figure](https://example.com).',
    );
    expect(html).toBe(
      '<h2 id="section-micro-at">Micro at <span class="stat" data-stat="" title="Rate, Micro, 2016: 3.5%.">3.5%</span></h2>\n<p>See <a href="https://example.com">the <span class="stat" data-stat="" title="Rate, Mega / celebrity, 2016: 1.7%.">1.7%</span> figure</a>.</p>',
    );
  });
});

describe('tiers along the x axis', () => {
  it('take their labels and order from the site config, not the CSV', async () => {
    writeFileSync(join(root, 'data/by_tier.csv'), 'tier,rate\nmega,1.7\nmid_tier,2.1\nmicro,2.4\n');
    const html = await run('::chart{#by-tier dataset="by_tier" y="rate" x="tier" type="bar" title="By tier"}');
    expect(html).toContain('"values":["micro","mid_tier","mega"],"labels":["Micro","Mid-tier","Mega / celebrity"]');
    expect(html).toContain('<th scope="row">Micro</th><td>2.4</td></tr><tr><th scope="row">Mid-tier</th>');
  });
});
