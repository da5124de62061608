/**
 * A quoted multi-line cell used as a chart's x, beside a notes column
 * that mixes numbers and text, passes the check and builds; the line break
 * reaches the download (inside quotes, CRLF between records) and the table.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SITE = join(ROOT, 'tests/fixtures/site-multiline');
const temp = mkdtempSync(join(tmpdir(), 'trendbook-multiline-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function run(script: 'build' | 'check', out?: string) {
  const result = spawnSync(process.execPath, [join(ROOT, `scripts/${script}.ts`)], {
    cwd: ROOT,
    env: {
      ...process.env,
      TRENDBOOK_SITE: SITE,
      ...(out ? { TRENDBOOK_OUT: out } : {}),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('a chart whose x labels run over two lines', () => {
  const out = join(temp, 'out');
  let built: ReturnType<typeof run>;
  beforeAll(() => {
    built = run('build', out);
  });

  it('passes the check', () => {
    const checked = run('check');
    expect(checked.stderr).toBe('');
    expect(checked.stdout.trim().split('\n').at(-1)).toMatch(
      /^Checked 1 dataset, 1 report and 1 chart in \d+\.\d s: no problems\.$/,
    );
    expect(checked.status).toBe(0);
  });

  it('builds', () => {
    expect(built.stderr).toBe('');
    expect(built.stdout.trim().split('\n').at(-1)).toMatch(/^Built 1 report, 1 chart and \d+ pages from 1 dataset in /);
    expect(built.status).toBe(0);
  });

  it('writes the label quoted, with its line break inside the quotes and CRLF between records', () => {
    const text = readFileSync(join(out, 'downloads/tales/engagement-by-story.csv'), 'utf8');
    expect(text).toBe(
      '\uFEFFstory,engagement_rate,basis\r\n"Once upon\na time",2.4,reported\r\nThe end,2.2,reported\r\nEpilogue,1.9,reported\r\n',
    );
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ['story', 'engagement_rate', 'basis'],
      ['Once upon\na time', '2.4', 'reported'],
      ['The end', '2.2', 'reported'],
      ['Epilogue', '1.9', 'reported'],
    ]);
  });

  it('keeps the line break in the table and the chart, and reads it as a space in the alt text', () => {
    const page = readFileSync(join(out, 'reports/tales/index.html'), 'utf8');
    expect(page.match(/<th scope="row">[^<]*<\/th>/g)).toEqual([
      '<th scope="row">Once upon\na time</th>',
      '<th scope="row">The end</th>',
      '<th scope="row">Epilogue</th>',
    ]);
    const spec = JSON.parse(
      /<script type="application\/json" class="chart__spec">(.*?)<\/script>/s.exec(page)![1]!,
    ) as { x: { labels: string[] } };
    expect(spec.x.labels).toEqual(['Once upon\na time', 'The end', 'Epilogue']);
    expect(page).toContain('aria-label="Bar chart of engagement rate from Once upon a time to Epilogue.');
    // Under the axis of both static drawings (wide and phone), the label runs over two lines, as on the canvas.
    expect(page.match(/>Once upon<\/text>/g)).toHaveLength(2);
    expect(page.match(/>a time<\/text>/g)).toHaveLength(2);
  });

  it('publishes the notes column that mixes numbers and text as it is', () => {
    expect(readFileSync(join(out, 'data/tales.csv'), 'utf8')).toBe(
      '\uFEFFstory,note,engagement_rate\r\n"Once upon\na time",1,2.4\r\nThe end,"Read it\ntwice",2.2\r\nEpilogue,7,1.9\r\n',
    );
  });
});
