import { describe, expect, it } from 'vitest';
import { looksLikePath } from '../../../src/lib/data/sql/query-checks.ts';
import { globPattern, matchRawFiles } from '../../../src/lib/data/sql/raw-files.ts';
import { scanSql } from '../../../src/lib/data/sql/sql-text.ts';

describe('scanSql', () => {
  it('finds statements after comments, strings and quoted names holding ";"', () => {
    const text = [
      '-- a comment; not a statement',
      '/* nested /* comment; */ still ; comment */ SELECT \'a;b\' AS "x;y", $$c;d$$ AS z',
      "FROM 'data/raw/posts.csv'; COPY x TO 'y'",
    ].join('\n');
    const scanned = scanSql(text);
    expect(scanned.statements.map((statement) => [statement.keyword, statement.line, statement.column])).toEqual([
      ['SELECT', 2, 45],
      ['COPY', 3, 28],
    ]);
    expect(scanned.strings.map((string) => string.value)).toEqual(['a;b', 'c;d', 'data/raw/posts.csv', 'y']);
    expect(scanned.words.find((word) => word.quoted)?.value).toBe('x;y');
  });

  it("undoes doubled quotes and E'' escapes, and counts columns in characters", () => {
    const scanned = scanSql("SELECT 'it''s', E'a\\'b', 'é' || 'data/raw/x.csv'");
    expect(scanned.strings.map((string) => [string.value, string.column])).toEqual([
      ["it's", 8],
      ["a'b", 18],
      ['é', 26],
      ['data/raw/x.csv', 33],
    ]);
  });

  it('reports a quote or comment left open, where it opened', () => {
    expect(scanSql("SELECT 1\nFROM 'data/raw/x.csv").unclosed).toEqual({ kind: 'string', line: 2, column: 6 });
    expect(scanSql('SELECT 1 /* open').unclosed).toEqual({ kind: 'comment', line: 1, column: 10 });
    expect(scanSql('SELECT "open').unclosed?.kind).toBe('quoted name');
  });

  it('counts no statement in a file of comments', () => {
    expect(scanSql('-- only\n/* comments */\n').statements).toEqual([]);
  });
});

describe('looksLikePath', () => {
  it.each([
    ['data/raw/posts.csv', true],
    ['/etc/hostname', true],
    ['~/.ssh/id_rsa', true],
    ['../secret.csv', true],
    ['https://example.com/x.csv', true],
    ['s3://bucket/x', true],
    ['C:\\data\\x.csv', true],
    ['posts.parquet', true],
    ['content/reports/x.md', true],
    ['N/A', false],
    ['Mega / celebrity', false],
    ['nano', false],
    ['2020/21', false],
  ])('%s → %s', (value, expected) => {
    expect(looksLikePath(value)).toBe(expected);
  });
});

describe('globs over data/raw/', () => {
  const files = [
    'data/raw/posts/year=2024/part-0.parquet',
    'data/raw/posts/year=2025/part-0.parquet',
    'data/raw/posts/year=2025/deep/part-1.parquet',
    'data/raw/accounts.csv',
  ].map((path) => ({ path, stamp: '1:1' }));

  it('matches *, ** and ? like DuckDB, and a folder by its files', () => {
    const paths = (pattern: string) => matchRawFiles(files, pattern).map((file) => file.path);
    expect(paths('data/raw/posts/*/*.parquet')).toHaveLength(2);
    expect(paths('data/raw/posts/**/*.parquet')).toHaveLength(3);
    expect(paths('data/raw/posts/year=202?/part-0.parquet')).toHaveLength(2);
    expect(paths('data/raw/posts')).toHaveLength(3);
    expect(paths('data/raw/accounts.csv')).toEqual(['data/raw/accounts.csv']);
    expect(paths('data/raw/account.csv')).toEqual([]);
  });

  it('escapes every other character', () => {
    expect(globPattern('data/raw/a+b(1).csv').test('data/raw/a+b(1).csv')).toBe(true);
    expect(globPattern('data/raw/a.csv').test('data/raw/aXcsv')).toBe(false);
  });
});
