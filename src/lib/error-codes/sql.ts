/**
 * Problems in a query dataset (`data/<name>.sql`, run by DuckDB): what the query
 * may do, what it may read and what its result must look like (TB300–TB349).
 * Codes are permanent: never reuse or renumber one; retire a kind by leaving its code out.
 */
import { type ErrorCode, listValues, quote } from '../errors.ts';
import { type AnyErrorKind, kind } from './define.ts';

const ONE_QUERY = 'one SELECT (or WITH … SELECT, or FROM …) ending in ORDER BY';
const RAW_RULE = 'a path under data/raw/, written from the project root (data/raw/posts.csv)';

export const TB300 = /* @__PURE__ */ kind('TB300', {
  title: 'Query file without a query',
  about: 'A data/<name>.sql file holds nothing but spaces or comments, so there is no dataset to build.',
  exampleAt: 'data/posts.sql:1:1',
  example: {},
  message: () => ({
    what: 'the file holds no query',
    expected: ONE_QUERY,
    received: 'an empty file',
    fix: "Write a query such as SELECT tier, year, count(*) AS posts FROM 'data/raw/posts.csv' GROUP BY ALL ORDER BY tier, year, or remove the file",
  }),
});

export const TB301 = /* @__PURE__ */ kind('TB301', {
  title: 'More than one statement',
  about:
    'A query dataset is one statement, the query whose result is the dataset. A second statement after a semicolon could change settings or write files, so it is refused before anything runs.',
  exampleAt: 'data/posts.sql:4:1',
  example: { keyword: 'COPY' },
  message: ({ keyword }: { keyword: string }) => ({
    what: 'a second statement after ";"',
    expected: ONE_QUERY,
    received: `a second statement starting with ${keyword}`,
    fix: 'Keep only the query; combine steps with WITH name AS (…) inside it',
  }),
});

const STATEMENT_WHY: Record<string, string> = {
  COPY: 'COPY writes files',
  EXPORT: 'EXPORT writes files',
  CREATE: 'CREATE makes tables, views, macros or secrets',
  INSERT: 'INSERT changes tables',
  UPDATE: 'UPDATE changes tables',
  DELETE: 'DELETE changes tables',
  DROP: 'DROP removes tables',
  ALTER: 'ALTER changes tables',
  ATTACH: 'ATTACH opens a database file',
  DETACH: 'DETACH closes a database',
  INSTALL: 'INSTALL downloads an extension',
  FORCE: 'FORCE INSTALL downloads an extension',
  LOAD: 'LOAD runs an extension',
  SET: 'SET changes settings (they are locked)',
  RESET: 'RESET changes settings (they are locked)',
  PRAGMA: 'PRAGMA changes or reads settings',
  CALL: 'CALL runs a procedure',
  USE: 'USE switches databases',
  IMPORT: 'IMPORT reads a database export',
  EXPLAIN: 'EXPLAIN describes a plan instead of returning data',
  DESCRIBE: 'DESCRIBE describes a table instead of returning data',
  SUMMARIZE: 'SUMMARIZE returns statistics instead of the data',
  SHOW: 'SHOW describes tables instead of returning data',
  BEGIN: 'transactions have no place in a query',
  CHECKPOINT: 'CHECKPOINT writes the database',
  VACUUM: 'VACUUM changes the database',
  PREPARE: 'PREPARE stores a statement',
  EXECUTE: 'EXECUTE runs a stored statement',
  UPDATE_EXTENSIONS: 'it downloads extensions',
};

export const TB302 = /* @__PURE__ */ kind('TB302', {
  title: 'Statement that is not a query',
  about:
    'A query dataset may only read: statements that write files or tables, attach databases, install or load extensions or change settings are refused before anything runs, whatever they would do.',
  exampleAt: 'data/posts.sql:1:1',
  example: { keyword: 'COPY' },
  message: ({ keyword }: { keyword: string }) => ({
    what: `a ${keyword} statement is not allowed${STATEMENT_WHY[keyword] ? `: ${STATEMENT_WHY[keyword]}` : ''}`,
    expected: ONE_QUERY,
    received: keyword,
    fix: 'Write only the SELECT whose result is the dataset; Trendbook writes the downloads itself',
  }),
});

export const TB303 = /* @__PURE__ */ kind('TB303', {
  title: 'Query reads outside data/raw/',
  about:
    'A query may read files under data/raw/ only, so a report cannot publish a file from elsewhere on the machine. The path is refused before any file is opened, and DuckDB is set to refuse it too.',
  exampleAt: 'data/posts.sql:2:20',
  example: { path: '/etc/hostname' },
  message: ({ path }: { path: string }) => ({
    what: `the query reads ${quote(path)}, which is not under data/raw/`,
    expected: RAW_RULE,
    received: quote(path),
    fix: 'Copy the file into data/raw/ and write its path from the project root, such as data/raw/posts.csv',
  }),
});

export const TB304 = /* @__PURE__ */ kind('TB304', {
  title: 'Query reads from the network',
  about:
    'A build reads local files only, so two builds of the same commit give the same site. Data in object storage or on the web is downloaded or exported into data/raw/ first (README, "When data outgrows one machine").',
  exampleAt: 'data/posts.sql:2:20',
  example: { path: 's3://bucket/posts/*.parquet' },
  message: ({ path }: { path: string }) => ({
    what: `the query reads the address ${quote(path)}`,
    expected: RAW_RULE,
    received: quote(path),
    fix: 'Download or export the files into data/raw/ (partitioned Parquet from a warehouse works well) and read them from there',
  }),
});

export const TB305 = /* @__PURE__ */ kind('TB305', {
  title: 'Link in data/raw/ pointing outside',
  about:
    'A symbolic link under data/raw/ leads to a file outside the project. Reading it would publish that file, so the query is refused before it is opened.',
  exampleAt: 'data/posts.sql:2:20',
  example: { link: 'data/raw/posts.csv', target: '/home/me/export.csv' },
  message: ({ link, target }: { link: string; target: string }) => ({
    what: `${link} is a link to ${quote(target)}, outside data/raw/`,
    expected: 'files inside data/raw/',
    received: `a link to ${quote(target)}`,
    fix: `Replace the link with a copy of the file: cp --remove-destination "$(readlink -f ${link})" ${link}`,
  }),
});

export const TB306 = /* @__PURE__ */ kind('TB306', {
  title: 'No file at a query path',
  about: 'A path in a query names no file under data/raw/ (a pattern matches none).',
  exampleAt: 'data/posts.sql:2:20',
  example: { path: 'data/raw/post.csv', suggestion: 'data/raw/posts.csv' },
  message: ({ path, suggestion }: { path: string; suggestion?: string | undefined }) => ({
    what: `no file matches ${quote(path)}`,
    expected: 'a file, or a pattern matching at least one file, under data/raw/',
    received: quote(path),
    fix: suggestion ? `Did you mean '${suggestion}'?` : 'Add the file under data/raw/, or correct the path',
  }),
});

export const TB307 = /* @__PURE__ */ kind('TB307', {
  title: 'SQL that does not parse',
  about: "DuckDB cannot read the query's SQL: a typo, a missing comma or parenthesis, or a quote left open.",
  exampleAt: 'data/posts.sql:3:14',
  example: { detail: 'syntax error at or near "FORM"' },
  message: ({ detail }: { detail: string }) => ({
    what: `the SQL does not parse: ${detail}`,
    expected: ONE_QUERY,
    received: detail,
    fix: 'Correct the SQL at this position',
  }),
});

export const TB308 = /* @__PURE__ */ kind('TB308', {
  title: 'Unknown column in a query',
  about: 'The query names a column its files or subqueries do not have.',
  exampleAt: 'data/posts.sql:1:8',
  example: { column: 'teir', names: ['tier', 'year', 'likes'], suggestion: 'tier' },
  message: ({ column, names, suggestion }: { column: string; names: string[]; suggestion?: string | undefined }) => ({
    what: `no column ${quote(column)}`,
    expected: names.length ? `one of ${listValues(names)}` : 'a column of the files read',
    received: quote(column),
    fix: suggestion ? `Did you mean ${suggestion}?` : 'Use a column the files have',
  }),
});

export const TB309 = /* @__PURE__ */ kind('TB309', {
  title: 'Query names a table',
  about:
    "A query reads files under data/raw/, named by their path in quotes (FROM 'data/raw/posts.csv'), the CSV datasets in data/ by name (FROM engagement), and steps declared with WITH; there are no other tables.",
  exampleAt: 'data/posts.sql:2:6',
  example: { name: 'posts', suggestion: 'data/raw/posts.csv' },
  message: ({ name, suggestion }: { name: string; suggestion?: string | undefined }) => ({
    what: `there is no table ${quote(name)}`,
    expected: "a file path in quotes (FROM 'data/raw/posts.csv'), a CSV dataset's name or a step named in WITH",
    received: name,
    fix: suggestion
      ? `Write FROM '${suggestion}'`
      : "Name a file under data/raw/ in quotes, such as FROM 'data/raw/posts.csv'",
  }),
});

export const TB310 = /* @__PURE__ */ kind('TB310', {
  title: 'Query without ORDER BY',
  about:
    'Rows of a result without ORDER BY come in any order, and may differ from one build to the next. Tables, downloads and "first" and "last" values follow the order of the rows, so the query must fix it.',
  exampleAt: 'data/posts.sql:5:1',
  example: { columns: ['tier', 'year'] },
  message: ({ columns }: { columns: string[] }) => ({
    what: 'the query has no ORDER BY, so its rows have no defined order',
    expected: 'ORDER BY at the end of the query',
    received: 'no ORDER BY',
    fix: columns.length
      ? `End the query with ORDER BY ${columns.slice(0, 3).join(', ')}`
      : 'End the query with ORDER BY',
  }),
});

export const TB311 = /* @__PURE__ */ kind('TB311', {
  title: 'Query returns no rows',
  about: 'The result is empty, so the dataset would chart nothing. Usually a filter matches no row.',
  exampleAt: 'data/posts.sql:1:1',
  example: {},
  message: () => ({
    what: 'the query returns no rows',
    expected: 'at least one row',
    received: 'no rows',
    fix: 'Check the WHERE clause and the files read',
  }),
});

export const TB312 = /* @__PURE__ */ kind('TB312', {
  title: 'Duplicate column in a result',
  about: 'Two columns of the result have one name, so a chart could not say which it means.',
  exampleAt: 'data/posts.sql:1:1',
  example: { column: 'year', positions: [1, 4] },
  message: ({ column, positions }: { column: string; positions: number[] }) => ({
    what: `two result columns are named ${quote(column)} (columns ${positions.join(' and ')})`,
    expected: 'each column name once',
    received: `${quote(column)} ${positions.length} times`,
    fix: 'Name one of them with AS',
  }),
});

export const TB313 = /* @__PURE__ */ kind('TB313', {
  title: 'Number too large to be exact',
  about:
    'A BIGINT, HUGEINT or DECIMAL value has more digits than a chart number holds exactly (15), so it would change silently.',
  exampleAt: 'data/posts.sql:1:1',
  example: { column: 'impressions', value: '9007199254740993', row: 3 },
  message: ({ column, value, row }: { column: string; value: string; row: number }) => ({
    what: `${quote(column)} holds ${value} in row ${row} of the result, too many digits to keep exactly`,
    expected: 'at most 15 significant digits',
    received: value,
    fix: `Scale or round it in the query (${column} / 1e6 AS ${column}_millions), or CAST it to DOUBLE if an approximation is meant`,
  }),
});

export const TB314 = /* @__PURE__ */ kind('TB314', {
  title: 'Result column of a type a dataset cannot hold',
  about:
    'A dataset holds numbers, text and dates. Lists, structs, maps, blobs, times and timestamps with a time of day must be turned into one of those in the query.',
  exampleAt: 'data/posts.sql:1:1',
  example: { column: 'tags', type: 'VARCHAR[]', rewrite: 'unnest(tags) AS tag' },
  message: ({ column, type, rewrite }: { column: string; type: string; rewrite?: string | undefined }) => ({
    what: `the result column ${quote(column)} is of type ${type}`,
    expected: 'a number, text (VARCHAR) or DATE column',
    received: type,
    fix: rewrite ? `Write ${rewrite}` : `CAST it in the query, such as CAST(${column} AS VARCHAR)`,
  }),
});

export const TB315 = /* @__PURE__ */ kind('TB315', {
  title: "Sidecar type does not match the query's column",
  about: "The sidecar declares a column's type that the query's result cannot have, such as a number for text.",
  exampleAt: 'data/posts.yml:6:11',
  example: { column: 'tier', declared: 'number', sqlType: 'VARCHAR' },
  message: ({ column, declared, sqlType }: { column: string; declared: string; sqlType: string }) => ({
    what: `the sidecar declares ${quote(column)} as ${declared}, but the query returns ${sqlType}`,
    expected:
      declared === 'date'
        ? 'a DATE column'
        : declared === 'category'
          ? 'any column'
          : 'a numeric column (INTEGER, DOUBLE, DECIMAL …)',
    received: sqlType,
    fix: `CAST the column in the query, or declare the type it has`,
  }),
});

export const TB316 = /* @__PURE__ */ kind('TB316', {
  title: 'Query ran past its time limit',
  about:
    'A query is stopped after the time limit (limits.querySeconds in src/site.config.ts, 120 s by default), so a runaway join cannot hang a build.',
  exampleAt: 'data/posts.sql:1:1',
  example: { seconds: 120 },
  message: ({ seconds }: { seconds: number }) => ({
    what: `the query ran longer than ${seconds} s and was stopped`,
    expected: `a result within ${seconds} s`,
    received: 'a query still running',
    fix: 'Check the joins (a missing ON multiplies rows), read Parquet rather than CSV, or raise limits.querySeconds in src/site.config.ts',
  }),
});

export const TB317 = /* @__PURE__ */ kind('TB317', {
  title: 'Query needs more memory than allowed',
  about:
    'DuckDB may use limits.queryMemory (1GB by default) and spills to disk beyond it; a query that still does not fit is stopped.',
  exampleAt: 'data/posts.sql:1:1',
  example: { limit: '1GB' },
  message: ({ limit }: { limit: string }) => ({
    what: `the query needs more than ${limit} of memory`,
    expected: `at most ${limit}`,
    received: 'more',
    fix: 'Aggregate earlier in the query, select fewer columns, or raise limits.queryMemory in src/site.config.ts',
  }),
});

export const TB318 = /* @__PURE__ */ kind('TB318', {
  title: 'Query failed',
  about:
    'DuckDB could not run the query for another reason (a file it cannot read, a value it cannot convert); its own words are quoted.',
  exampleAt: 'data/posts.sql:2:6',
  example: { detail: 'Conversion Error: Could not convert string "n/a" to INT32' },
  message: ({ detail }: { detail: string }) => ({
    what: 'the query failed',
    expected: 'a query DuckDB can run',
    received: detail,
    fix: 'Correct the query or the file it reads at this point',
  }),
});

export const TB319 = /* @__PURE__ */ kind('TB319', {
  title: 'Text in a result that cannot be published',
  about:
    'A text value holds a NUL character, which no page or spreadsheet can show, or is longer than the longest line a dataset may have.',
  exampleAt: 'data/posts.sql:1:1',
  example: { column: 'caption', row: 12, problem: 'holds a NUL character' },
  message: ({ column, row, problem: what }: { column: string; row: number; problem: string }) => ({
    what: `${quote(column)} in row ${row} of the result ${what}`,
    expected: 'text without NUL characters, within the line length limit',
    received: what,
    fix: `Clean it in the query, such as replace(${column}, chr(0), '') or left(${column}, 500)`,
  }),
});

export const TB320 = /* @__PURE__ */ kind('TB320', {
  title: 'Two files for one dataset',
  about: 'A dataset is either data/<name>.csv or data/<name>.sql; with both, no one could tell which a chart shows.',
  exampleAt: 'data/posts.sql:1:1',
  example: { name: 'posts' },
  message: ({ name }: { name: string }) => ({
    what: `both data/${name}.csv and data/${name}.sql exist`,
    expected: 'one of the two',
    received: 'both',
    fix: `Remove one, or rename the query (data/${name}_by_year.sql)`,
  }),
});

export const TB321 = /* @__PURE__ */ kind('TB321', {
  title: 'Query result too large',
  about:
    "A query dataset's result is published whole (page tables, downloads), so it is held to the dataset row limit; aggregate in the query.",
  exampleAt: 'data/posts.sql:1:1',
  example: { rows: 3_000_000, limit: 2_000_000 },
  message: ({ rows, limit }: { rows: number; limit: number }) => ({
    what: `the query returns ${rows.toLocaleString('en-US')} rows`,
    expected: `at most ${limit.toLocaleString('en-US')} rows`,
    received: `${rows.toLocaleString('en-US')} rows`,
    fix: 'Aggregate in the query (GROUP BY), or raise limits.rows in src/site.config.ts',
  }),
});

export const TB322 = /* @__PURE__ */ kind('TB322', {
  title: 'publish_raw on a CSV dataset',
  about:
    'publish_raw: true publishes the raw files a query reads. A CSV dataset is itself published, so the setting means nothing there.',
  exampleAt: 'data/tiers.yml:3:1',
  example: { name: 'tiers' },
  message: ({ name }: { name: string }) => ({
    what: `publish_raw is set for data/${name}.csv, which is not a query`,
    expected: 'publish_raw only beside a data/<name>.sql query',
    received: 'publish_raw on a CSV dataset',
    fix: 'Remove publish_raw from the sidecar',
  }),
});

export const TB323 = /* @__PURE__ */ kind('TB323', {
  title: 'Query reads a dataset with problems',
  about:
    'A query reads a CSV dataset by name (FROM engagement) whose own file has problems, so its values cannot be trusted; those problems are reported at the CSV.',
  exampleAt: 'data/engagement_change.sql:3:6',
  example: { name: 'engagement' },
  message: ({ name }: { name: string }) => ({
    what: `the dataset ${quote(name)} this query reads has problems`,
    expected: `data/${name}.csv without problems`,
    received: 'a dataset with problems',
    fix: `Fix the problems reported at data/${name}.csv first`,
  }),
});

/**
 * The words of a value's problem once it is moved from the cell the typing found it in to the
 * query that produced the value: the same words, naming the row of the query's result.
 * @param what The problem's own words.
 * @param row The row of the result (1 is the first row after the header).
 */
export function inQueryResultRow(what: string, row: number): string {
  return `${what}, in row ${row} of the query's result`;
}

export const sqlErrors = {
  TB300,
  TB301,
  TB302,
  TB303,
  TB304,
  TB305,
  TB306,
  TB307,
  TB308,
  TB309,
  TB310,
  TB311,
  TB312,
  TB313,
  TB314,
  TB315,
  TB316,
  TB317,
  TB318,
  TB319,
  TB320,
  TB321,
  TB322,
  TB323,
} satisfies Record<ErrorCode, AnyErrorKind>;
