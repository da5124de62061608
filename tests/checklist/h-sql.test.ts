/**
 * Section H of the checklist: query datasets (`data/<name>.sql`) that write,
 * reach outside data/raw/, break or return hostile values. Each must fail at
 * its file:line:column, all problems at once, and write nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/lib/data/load-dataset.ts';
import { formatProblem } from '../../src/lib/errors.ts';

let root: string;
let outside: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tb-sql-'));
  outside = mkdtempSync(join(tmpdir(), 'tb-secret-'));
  writeFileSync(join(outside, 'secret.csv'), 'password\nhunter2\n');
  mkdirSync(join(root, 'data', 'raw'), { recursive: true });
  writeFileSync(
    join(root, 'data', 'raw', 'posts.csv'),
    'tier,year,likes,caption\nnano,2024,10,hello\nmicro,2024,20,world\nnano,2025,30,again\n',
  );
  symlinkSync(join(outside, 'secret.csv'), join(root, 'data', 'raw', 'leak.csv'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

let counter = 0;
/** Writes `data/<name>.sql` and reads the dataset; returns its problems as printed. */
function query(sql: string, sidecar?: string): { printed: string[]; codes: string[]; rows: number } {
  const name = `q${++counter}`;
  writeFileSync(join(root, 'data', `${name}.sql`), sql);
  if (sidecar !== undefined) writeFileSync(join(root, 'data', `${name}.yml`), sidecar);
  const { dataset, problems } = readDataset(root, name);
  return {
    printed: problems.map((problem) => formatProblem(problem)),
    codes: problems.map((problem) => problem.code),
    rows: dataset?.rows.length ?? 0,
  };
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true }).map(String).sort();
}

describe('H1: writes and side effects are refused before anything runs', () => {
  const cases: [string, string, string][] = [
    ["COPY (SELECT 1) TO 'data/raw/out.csv'", 'TB302', ':1:1'],
    ['CREATE TABLE t AS SELECT 1', 'TB302', ':1:1'],
    ['INSERT INTO t VALUES (1)', 'TB302', ':1:1'],
    ["ATTACH 'data/raw/x.duckdb' AS x", 'TB302', ':1:1'],
    ['INSTALL httpfs', 'TB302', ':1:1'],
    ['LOAD httpfs', 'TB302', ':1:1'],
    ['SET enable_external_access = true', 'TB302', ':1:1'],
    ['-- a comment first\n  PRAGMA version', 'TB302', ':2:3'],
    ["SELECT * FROM 'data/raw/posts.csv' ORDER BY 1;\nCOPY (SELECT 1) TO 'data/raw/out.csv'", 'TB301', ':2:1'],
    ['SELECT 1 AS a ORDER BY a; SET threads = 8', 'TB301', ':1:27'],
  ];
  it.each(cases)('%s', (sql, code, at) => {
    const before = filesUnder(root);
    const { printed, codes } = query(sql);
    expect(codes).toContain(code);
    expect(printed.find((line) => line.includes(code))).toContain(`.sql${at}`);
    // Nothing written: data/ holds exactly what it held plus the query itself.
    expect(filesUnder(root).filter((file) => !before.includes(file))).toEqual([`data/q${counter}.sql`]);
  });

  it('reports the command and the second statement at once', () => {
    const { codes } = query("COPY (SELECT 1) TO 'x.csv'; INSTALL httpfs");
    expect(codes).toEqual(expect.arrayContaining(['TB302', 'TB301']));
  });
});

describe('H2: reading outside data/raw/ is refused, naming the path and the rule', () => {
  const cases: [string, string, string][] = [
    ["SELECT * FROM read_text('/etc/hostname') ORDER BY 1", 'TB303', ':1:25'],
    ["SELECT * FROM '../secret.csv' ORDER BY 1", 'TB303', ':1:15'],
    ["SELECT * FROM 'data/raw/../../secret.csv' ORDER BY 1", 'TB303', ':1:15'],
    ["SELECT * FROM read_text('~/.ssh/id_rsa') ORDER BY 1", 'TB303', ':1:25'],
    ["SELECT *\nFROM 'https://example.com/posts.csv' ORDER BY 1", 'TB304', ':2:6'],
    ["SELECT * FROM read_parquet('s3://bucket/posts/*.parquet') ORDER BY 1", 'TB304', ':1:28'],
    ["SELECT * FROM 'data/raw/leak.csv' ORDER BY 1", 'TB305', ':1:15'],
    ["SELECT * FROM 'content/reports/x.md' ORDER BY 1", 'TB303', ':1:15'],
  ];
  it.each(cases)('%s', (sql, code, at) => {
    const { printed, codes } = query(sql);
    expect(codes).toEqual([code]);
    expect(printed[0]).toContain(`.sql${at}`);
    expect(printed[0]).not.toContain('hunter2');
  });

  it('a path built by concatenation is refused by DuckDB itself, still at the query', () => {
    const { codes, printed } = query("SELECT * FROM read_text('/et' || 'c/hostname') ORDER BY 1");
    // '/et' alone already reads as an absolute path; a concatenation with no path-like part reaches DuckDB's own refusal.
    expect(codes).toEqual(['TB303']);
    const hidden = query("SELECT * FROM read_text(concat(chr(47), 'etc', chr(47), 'hostname')) ORDER BY 1");
    expect(hidden.codes).toEqual(['TB303']);
    expect(hidden.printed[0]).toMatch(/\.sql:1:\d+: the query reads/);
    expect(printed[0]).toContain('data/raw/');
  });
});

describe('H3: broken SQL fails with file:line:column and a suggestion', () => {
  it('a syntax error points at the word', () => {
    const { printed, codes } = query("SELECT tier\nFORM 'data/raw/posts.csv'\nORDER BY tier");
    expect(codes).toEqual(['TB307']);
    expect(printed[0]).toMatch(/q\d+\.sql:2:\d+: the SQL does not parse/);
  });

  it('an unknown column suggests the closest', () => {
    const { printed, codes } = query("SELECT teir, year\nFROM 'data/raw/posts.csv'\nORDER BY 1");
    expect(codes).toEqual(['TB308']);
    expect(printed[0]).toMatch(/\.sql:1:8: no column "teir"/);
    expect(printed[0]).toContain('Did you mean tier?');
  });

  it('an unknown file suggests the closest', () => {
    const { printed, codes } = query("SELECT * FROM\n  'data/raw/post.csv'\nORDER BY 1");
    expect(codes).toEqual(['TB306']);
    expect(printed[0]).toMatch(/\.sql:2:3: no file matches "data\/raw\/post.csv"/);
    expect(printed[0]).toContain("Did you mean 'data/raw/posts.csv'?");
  });

  it('a table name instead of a file suggests the file', () => {
    const { printed, codes } = query('SELECT * FROM posts ORDER BY 1');
    expect(codes).toEqual(['TB309']);
    expect(printed[0]).toContain("Write FROM 'data/raw/posts.csv'");
  });

  it('an empty result, no ORDER BY, duplicate columns, an empty file, an open quote', () => {
    expect(query("SELECT * FROM 'data/raw/posts.csv' WHERE likes > 1000 ORDER BY 1").codes).toEqual(['TB311']);
    const unordered = query("SELECT tier, year FROM 'data/raw/posts.csv'\n");
    expect(unordered.codes).toEqual(['TB310']);
    expect(unordered.printed[0]).toContain('ORDER BY tier, year');
    expect(query("SELECT tier, year, tier FROM 'data/raw/posts.csv' ORDER BY 1").codes).toEqual(['TB312']);
    expect(query('-- nothing here\n').codes).toEqual(['TB300']);
    expect(query("SELECT * FROM 'data/raw/posts.csv ORDER BY 1").printed[0]).toMatch(
      /\.sql:1:15: a string opened here is never closed/,
    );
  });

  it('a sidecar type the result cannot have fails at the sidecar', () => {
    const { printed, codes } = query(
      "SELECT tier, year FROM 'data/raw/posts.csv' ORDER BY 1, 2",
      'title: Posts\ncolumns:\n  tier:\n    type: number\n',
    );
    expect(codes).toEqual(['TB315']);
    expect(printed[0]).toMatch(/q\d+\.yml:4:11: the sidecar declares "tier" as number, but the query returns VARCHAR/);
  });

  it('numbers that would not be exact fail, naming the column', () => {
    const big = query('SELECT 9007199254740993::BIGINT AS impressions, 1 AS k ORDER BY k');
    expect(big.codes).toEqual(['TB313']);
    expect(big.printed[0]).toContain('"impressions" holds 9007199254740993 in row 1');
    expect(query('SELECT 123456789012.3456::DECIMAL(18,4) AS spend ORDER BY spend').codes).toEqual(['TB313']);
    const exact = query('SELECT 12.25::DECIMAL(10,2) AS spend, 2024::BIGINT AS year ORDER BY spend');
    expect(exact.codes).toEqual([]);
    expect(exact.rows).toBe(1);
  });

  it('a list column is refused with the fix', () => {
    const { printed } = query('SELECT [1, 2] AS tags, 1 AS k ORDER BY k');
    expect(printed[0]).toContain('Write unnest(tags) AS tags');
  });
});

describe('H4: hostile values stay text, bounded', () => {
  it('markup, formulas and bidi controls are kept as text', () => {
    writeFileSync(
      join(root, 'data', 'hostile.sql'),
      "SELECT * FROM (VALUES ('</script><script>alert(1)</script>', 1), ('=HYPERLINK(\"http://evil/\",\"x\")', 2), ('\u202Eevil', 3)) t(label, k) ORDER BY k",
    );
    const { dataset, problems } = readDataset(root, 'hostile');
    expect(problems).toEqual([]);
    expect(dataset!.rows.map((row) => row.label)).toEqual([
      '</script><script>alert(1)</script>',
      '=HYPERLINK("http://evil/","x")',
      '\u202Eevil',
    ]);
  });

  it('a NUL and a 10 MB string are refused, naming column and row', () => {
    expect(query("SELECT 'a' || chr(0) || 'b' AS caption, 1 AS k ORDER BY k").printed[0]).toContain(
      '"caption" in row 1 of the result holds a NUL character',
    );
    expect(query("SELECT repeat('x', 10000000) AS caption, 1 AS k ORDER BY k").printed[0]).toContain(
      'is 10,000,000 characters long',
    );
  });
});

describe('H5: a query that explodes stops at its limits', () => {
  it('a query over its memory cap stops with a clear message', () => {
    writeFileSync(
      join(root, 'data', 'hungry.sql'),
      "SELECT i % 7 AS k, string_agg(CAST(i AS VARCHAR), ',') AS s FROM range(20000000) t(i) GROUP BY k ORDER BY k",
    );
    const { problems } = readDataset(root, 'hungry', {
      bytes: 1e9,
      rows: 1e6,
      columns: 100,
      lineLength: 1e9,
      queryMemory: '64MB',
      queryThreads: 1,
      querySeconds: 60,
    });
    expect(problems.map(formatProblem)).toEqual([
      expect.stringContaining('hungry.sql:1:1: the query needs more than 64MB of memory'),
    ]);
  });

  it('a cross join is stopped at the time limit with a clear message', () => {
    const name = 'explode';
    writeFileSync(
      join(root, 'data', `${name}.sql`),
      'SELECT count(*) AS n FROM range(100000000) a, range(100000000) b ORDER BY n',
    );
    const started = Date.now();
    const { problems } = readDataset(root, name, {
      bytes: 1e9,
      rows: 1e6,
      columns: 100,
      lineLength: 1e5,
      queryMemory: '256MB',
      queryThreads: 1,
      querySeconds: 1,
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(problems.map((problem) => problem.code)).toEqual(['TB316']);
    expect(formatProblem(problems[0]!)).toContain('ran longer than 1 s and was stopped');
  });
});
