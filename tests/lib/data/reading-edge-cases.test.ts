/**
 * Regressions in reading datasets: numbers, line endings, delimiters and sidecars.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../../src/lib/data/decode.ts';
import { readDataset } from '../../../src/lib/data/load-dataset.ts';
import { readCell } from '../../../src/lib/data/values.ts';
import { formatProblems } from '../../../src/lib/errors.ts';

const temp = mkdtempSync(join(tmpdir(), 'trendbook-data-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(temp, 'project-'));
  mkdirSync(join(root, 'data'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'data', name), text);
  return root;
}

describe('reading numbers, line endings and delimiters', () => {
  it('reads 1.234 as one thousand two hundred and thirty-four where the decimal mark is a comma', () => {
    expect(readCell('1.234', true)).toEqual({
      kind: 'number',
      value: 1234,
      percent: false,
      currency: undefined,
      decimals: 0,
    });
  });

  it('refuses (-5) instead of reading it as +5', () => {
    expect(readCell('(-5)')).toEqual({ kind: 'text', text: '(-5)' });
  });

  it('places an invalid byte on the right line in a file with old Mac line endings', () => {
    const bytes = new Uint8Array([...Buffer.from('year,city\r2016,Paris\r2017,caf'), 0xe9, 0x0d]);
    expect(decodeUtf8(bytes, 'data/x.csv').problem).toMatchObject({ line: 3, column: 9 });
  });

  it('reports a semicolon file read with commas once, not once per row', () => {
    const { problems } = readDataset(project({ 'input.csv': 'year;value\n2016;1,5\n2017;2,5\n' }), 'input');
    expect(formatProblems(problems)).toBe(
      'data/input.csv:1:1: the header looks semicolon-separated, but the file is read as comma-separated. Expected columns separated by ",", received "year;value". Export as "CSV UTF-8 (Comma delimited)", or add the line sep=; at the top of the file. [TB007]\n1 problem found.',
    );
  });

  it('reports a sidecar without its CSV instead of crashing', () => {
    const { problems } = readDataset(project({ 'input.yml': 'title: Lonely\n' }), 'input');
    expect(formatProblems(problems)).toBe(
      'data/input.csv:1:1: data/input.csv does not exist. Expected a CSV file beside data/input.yml, received no file. Add data/input.csv, or remove data/input.yml. [TB023]\n1 problem found.',
    );
  });
});

describe('sidecar positions', () => {
  it('point at an unknown key itself, at any depth', () => {
    const root = project({
      'input.csv': 'year,value\n2016,1\n',
      'input.yml': 'title: T\ncolour: blue\ncolumns:\n  value:\n    colour: x\n',
    });
    expect(formatProblems(readDataset(root, 'input').problems)).toBe(
      [
        'data/input.yml:2:1: unknown key "colour". Expected only the documented keys, received "colour". Remove the key or correct its spelling (docs/authoring.md lists the allowed keys). [TB028]',
        'data/input.yml:5:5: unknown key "colour" in "columns.value". Expected only the documented keys, received "colour". Remove the key or correct its spelling (docs/authoring.md lists the allowed keys). [TB028]',
        '2 problems found.',
      ].join('\n'),
    );
  });

  it('point at a described column the CSV lacks', () => {
    const root = project({
      'input.csv': 'year,value\n2016,1\n',
      'input.yml': 'title: T\ncolumns:\n  valeu:\n    type: number\n',
    });
    expect(formatProblems(readDataset(root, 'input').problems)).toBe(
      'data/input.yml:3:3: the sidecar describes a column "valeu" that data/input.csv does not have. Expected one of the CSV\'s columns, received "valeu". Did you mean "value"? Rename the key to match the CSV header exactly. [TB029]\n1 problem found.',
    );
  });
});
