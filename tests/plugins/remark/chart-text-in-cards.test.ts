/**
 * A chart's card and PNG download are drawn with the bundled fonts. A text in a script none of them covers is
 * left out of those pictures (never drawn as empty boxes), and the check warns at the chart which texts and
 * characters; the page keeps every character.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/errors.ts';
import { problemsOf } from '../../../src/plugins/remark/context.ts';
import { createReportProcessor } from '../../../src/plugins/remark/processor.ts';
import { SITE } from '../../../src/site.config.ts';

const root = mkdtempSync(join(tmpdir(), 'trendbook-card-scripts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'data'));
// Bengali (no bundled font), Thai and Devanagari (bundled), Latin.
writeFileSync(
  join(root, 'data/reach.csv'),
  'year,creator,reach\n2024,বাংলা,2.4\n2024,ไทย,2.1\n2024,हिन्दी,1.9\n2024,Latin,1.5\n',
);

async function run(markdown: string) {
  const file = new VFile({ value: markdown, path: join(root, 'content/reports/x.md') });
  const html = String(await createReportProcessor({ root, config: SITE, failOnProblems: false }).process(file));
  return { html, problems: problemsOf(file).map(formatProblem) };
}

describe('chart text on cards', () => {
  it('warns at the chart about text no bundled font draws, and keeps it on the page', async () => {
    const { html, problems } = await run(
      'Intro.\n\n::chart{dataset="reach" y="reach" x="creator" type="bar" title="Reach"}\n',
    );
    expect(problems).toEqual([
      `content/reports/x.md:3:1: warning: the chart's text "বাংলা" holds characters no bundled font draws (বাংল). Expected text in a script the bundled fonts cover, received "বাংল". The page shows them; the social card and PNG download leave them out. To draw them there too, add a @fontsource font for the script to src/lib/images/image-fonts.ts. [TB142]`,
    ]);
    // The page and both of its drawings keep every label.
    expect(html.match(/>বাংলা<\/text>/g)).toHaveLength(2);
    expect(html.match(/>ไทย<\/text>/g)).toHaveLength(2);
  });

  it('is quiet about Thai, Devanagari and Latin', async () => {
    writeFileSync(join(root, 'data/covered.csv'), 'year,creator,reach\n2024,ไทย,2.1\n2024,हिन्दी,1.9\n2024,Latin,1.5\n');
    const { problems } = await run('::chart{dataset="covered" y="reach" x="creator" type="bar" title="Reach"}\n');
    expect(problems).toEqual([]);
  });
});
