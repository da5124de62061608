/**
 * Problems in a CSV file and its sidecar: encoding, quoting, size, headers and column types (TB001–TB049).
 * Codes are permanent: never reuse or renumber one; retire a kind by leaving its code out.
 */
import { type ErrorCode, listValues, quote } from '../errors.ts';
import { type AnyErrorKind, kind, type Message } from './define.ts';

const FIX_ENCODING = 'Re-export the file from your spreadsheet as "CSV UTF-8 (Comma delimited)"';
const PLAIN_DATASET_RULE = 'letters, digits, - and _ only (the file name in data/ without .csv)';
const MISSING_OR_FIX = 'Correct the value, or leave the cell empty (or write N/A) for a missing value';

const TOO_BIG_FIX =
  'Aggregate the data upstream (for example with a DuckDB or warehouse query) and commit the tidy result, or raise limits in src/site.config.ts';

export const TB001 = /* @__PURE__ */ kind('TB001', {
  title: 'Dataset file too large',
  about:
    'A CSV file is larger than the byte limit. The limit is checked before the file is read, so a huge file fails fast instead of exhausting memory.',
  exampleAt: 'data/clicks.csv:1:1',
  example: { path: 'data/clicks.csv', size: 300 * 1024 * 1024, limit: 256 * 1024 * 1024 },
  message: ({ path, size, limit }: { path: string; size: number; limit: number }) => ({
    what: `${path} is ${megabytes(size)}, over the limit of ${megabytes(limit)}`,
    expected: `at most ${limit} bytes`,
    received: `${size} bytes`,
    fix: TOO_BIG_FIX,
  }),
});

export const TB002 = /* @__PURE__ */ kind('TB002', {
  title: 'Too many columns',
  about:
    'The header row names more columns than the limit allows. Wide tables are usually a sign that categories sit in columns instead of rows.',
  exampleAt: 'data/wide.csv:1:1',
  example: { fields: 1200, limit: 1000 },
  message: ({ fields, limit }: { fields: number; limit: number }) => ({
    what: `the header has ${fields.toLocaleString('en-US')} columns, over the limit of ${limit.toLocaleString('en-US')}`,
    expected: `at most ${limit} columns`,
    received: `${fields}`,
    fix: 'Keep one column per variable and put categories in rows (a "tidy" table), or raise limits in src/site.config.ts',
  }),
});

export const TB003 = /* @__PURE__ */ kind('TB003', {
  title: 'Line too long',
  about:
    'A line of the file is longer than the line limit, which usually means the file is not a CSV or has no line breaks between rows.',
  exampleAt: 'data/one-line.csv:2:1',
  example: { line: 2, length: 250_000, limit: 100_000 },
  message: ({ line, length, limit }: { line: number; length: number; limit: number }) => ({
    what: `line ${line} is ${length.toLocaleString('en-US')} characters long, over the limit of ${limit.toLocaleString('en-US')}`,
    expected: 'one row per line',
    received: `${length} characters`,
    fix: `Check that the file is a CSV with a line break after each row. ${TOO_BIG_FIX}`,
  }),
});

export const TB004 = /* @__PURE__ */ kind('TB004', {
  title: 'Too many rows',
  about:
    'The file has more lines than the row limit. Trendbook reads every row at build time; data this large belongs aggregated upstream.',
  exampleAt: 'data/events.csv:2000001:1',
  example: { path: 'data/events.csv', lines: 2_500_000, limit: 2_000_000 },
  message: ({ path, lines, limit }: { path: string; lines: number; limit: number }) => ({
    what: `${path} has ${lines.toLocaleString('en-US')} lines, over the limit of ${limit.toLocaleString('en-US')}`,
    expected: `at most ${limit} lines`,
    received: `${lines} lines`,
    fix: TOO_BIG_FIX,
  }),
});

export const TB005 = /* @__PURE__ */ kind('TB005', {
  title: 'Unreadable CSV row',
  about:
    'The CSV parser could not read a row even after broken quotes were set aside. This is rare and usually means the export itself is damaged.',
  exampleAt: 'data/tiers.csv:4:1',
  example: { error: 'Trailing quote on quoted field is malformed', source: 'micro,"1,2' },
  message: ({ error, source }: { error: string; source: string }) => ({
    what: `this row cannot be read (${error})`,
    expected: 'cells separated by the delimiter, each quoted cell closed by a quote',
    received: quote(source),
    fix: 'Export the file again from the spreadsheet as "CSV UTF-8"',
  }),
});

export const TB006 = /* @__PURE__ */ kind('TB006', {
  title: 'Empty CSV file',
  about: 'The file has no text, or only blank lines. A dataset needs a header row that names its columns.',
  exampleAt: 'data/tiers.csv:1:1',
  example: {},
  message: (_: object) => ({
    what: 'the file is empty',
    expected: 'a header row and at least one data row',
    received: 'no text',
    fix: 'Export the dataset again, with its header row',
  }),
});

export const TB007 = /* @__PURE__ */ kind('TB007', {
  title: 'Semicolon-separated file read as comma-separated',
  about:
    'The header is one cell holding semicolons: the file was exported with ";" between cells (common with European settings) but is read with ",". Every row would be one cell.',
  exampleAt: 'data/tiers.csv:1:1',
  example: { header: 'tier;year;cost' },
  message: ({ header }: { header: string }) => ({
    what: 'the header looks semicolon-separated, but the file is read as comma-separated',
    expected: 'columns separated by ","',
    received: quote(header),
    fix: 'Export as "CSV UTF-8 (Comma delimited)", or add the line sep=; at the top of the file',
  }),
});

export const TB008 = /* @__PURE__ */ kind('TB008', {
  title: 'Column without a name',
  about: 'A header cell is empty. Every column needs a name so that charts and filters can refer to it.',
  exampleAt: 'data/tiers.csv:1:10',
  example: { index: 3 },
  message: ({ index }: { index: number }) => ({
    what: `column ${index} has no name`,
    expected: 'a name for every column',
    received: 'an empty header cell',
    fix: 'Name the column in the header row, or delete the column if it is empty',
  }),
});

export const TB009 = /* @__PURE__ */ kind('TB009', {
  title: 'Reserved column name',
  about:
    'A column is named like a built-in property of JavaScript objects (`__proto__`, `constructor` …). Such a name could change how every row behaves, so it is refused.',
  exampleAt: 'data/tiers.csv:1:6',
  example: { index: 2, name: 'constructor' },
  message: ({ index, name }: { index: number; name: string }) => ({
    what: `column ${index} is named ${quote(name)}, which is reserved`,
    expected: 'a name other than __proto__, constructor, prototype, toString, valueOf or hasOwnProperty',
    received: quote(name),
    fix: 'Rename the column, for example to a more specific snake_case name',
  }),
});

export const TB010 = /* @__PURE__ */ kind('TB010', {
  title: 'Duplicate column name',
  about: 'Two header cells have the same name, so a chart could not tell which column it means.',
  exampleAt: 'data/tiers.csv:1:16',
  example: { name: 'tier', first: 1, second: 4 },
  message: ({ name, first, second }: { name: string; first: number; second: number }) => ({
    what: `duplicate column ${quote(name)} (columns ${first} and ${second})`,
    expected: 'each column name once',
    received: `${quote(name)} twice`,
    fix: 'Rename one of the columns, or delete the copy',
  }),
});

export const TB011 = /* @__PURE__ */ kind('TB011', {
  title: 'Row with the wrong number of fields',
  about:
    'A row has more or fewer cells than the header has columns, so its values cannot be matched to columns. A trailing comma or an unquoted comma inside a cell is the usual cause.',
  exampleAt: 'data/tiers.csv:3:1',
  example: { found: 4, columns: 3, source: 'micro,2024,1,200' },
  message: ({ found, columns, source }: { found: number; columns: number; source: string }) => ({
    what: `this row has ${found} ${found === 1 ? 'field' : 'fields'}, the header has ${columns}`,
    expected: `${columns} ${columns === 1 ? 'field' : 'fields'}`,
    received: `${found} (${quote(source)})`,
    fix:
      found > columns
        ? 'Remove the extra fields (a trailing comma counts as one), or quote cells that contain commas'
        : 'Add the missing fields (empty ones are fine: write nothing between the commas)',
  }),
});

export const TB012 = /* @__PURE__ */ kind('TB012', {
  title: 'Dataset without data rows',
  about: 'The file has a header but no rows below it, so there is nothing to chart.',
  exampleAt: 'data/tiers.csv:1:1',
  example: {},
  message: (_: object) => ({
    what: 'the dataset has no data rows',
    expected: 'at least one row below the header',
    received: 'only the header',
    fix: 'Add data rows, or remove the file',
  }),
});

export const TB013 = /* @__PURE__ */ kind('TB013', {
  title: 'Unclosed quote',
  about:
    'A quoted cell is never closed on its line. Read as written, every row after it would vanish into one cell, so the line is reported and the rows after it are still checked.',
  exampleAt: 'data/tiers.csv:3:7',
  example: { line: 'micro,"Small accounts,2024,1200' },
  message: ({ line }: { line: string }) => ({
    what: 'a quote opened here is never closed',
    expected: 'a closing " before the end of the cell',
    received: quote(line),
    fix: 'Close the quote, or write a literal quote inside a quoted cell as two quotes ("")',
  }),
});

export const TB014 = /* @__PURE__ */ kind('TB014', {
  title: 'Text after a closing quote',
  about:
    'A quoted cell is followed by more text before the next delimiter, which usually means a quote inside the cell was not doubled.',
  exampleAt: 'data/tiers.csv:3:10',
  example: { delimiter: ',', line: 'micro,"a "b"" c,2024' },
  message: ({ delimiter, line }: { delimiter: string; line: string }) => ({
    what: 'text after the closing quote of a cell',
    expected: `${quote(delimiter)} or the end of the line right after a closing quote`,
    received: quote(line),
    fix: 'Quote the whole cell and double every quote inside it, for example "a ""b"""',
  }),
});

export const TB015 = /* @__PURE__ */ kind('TB015', {
  title: 'Space before an opening quote',
  about:
    'A cell starts with spaces and then a quote. CSV readers disagree on what that means, so the cell is refused rather than guessed.',
  exampleAt: 'data/tiers.csv:3:8',
  example: { delimiter: ',', cell: ' "Small accounts"' },
  message: ({ delimiter, cell }: { delimiter: string; cell: string }) => ({
    what: 'a space before the opening quote of a cell',
    expected: `the quote right after ${quote(delimiter)} or at the start of the line`,
    received: quote(cell),
    fix: 'Remove the spaces before the quote',
  }),
});

export const TB016 = /* @__PURE__ */ kind('TB016', {
  title: 'Quote inside an unquoted cell',
  about:
    'A quote appears in the middle of a cell that does not start with one (`5" screen`). CSV readers disagree on such cells, so the whole cell must be quoted.',
  exampleAt: 'data/devices.csv:4:9',
  example: { cell: '5" screen' },
  message: ({ cell }: { cell: string }) => ({
    what: 'a quote inside a cell that does not start with a quote',
    expected: 'quotes only around a whole cell, with quotes inside it doubled',
    received: quote(cell),
    fix: `Quote the whole cell and double the quote inside it: "${cell.replaceAll('"', '""')}"`,
  }),
});

export const TB017 = /* @__PURE__ */ kind('TB017', {
  title: 'CSV file encoded as UTF-16',
  about:
    'The file is UTF-16 (Excel\'s "Unicode Text"), not UTF-8. Trendbook reads UTF-8 only and refuses other encodings instead of guessing.',
  exampleAt: 'data/tiers.csv:1:1',
  example: { endian: 'UTF-16', bom: true },
  message: ({ endian, bom }: { endian: string; bom: boolean }) => ({
    what: `the file is encoded as ${endian} (Excel's "Unicode Text"), not UTF-8`,
    expected: 'UTF-8 text',
    received: bom ? 'a UTF-16 byte order mark' : 'NUL bytes between characters',
    fix: FIX_ENCODING,
  }),
});

export const TB018 = /* @__PURE__ */ kind('TB018', {
  title: 'Invalid UTF-8',
  about:
    'A byte of the file is not valid UTF-8, most often because the file was saved as Windows-1252 ("CSV (Comma delimited)" in Excel). Guessing the encoding could change names and numbers silently.',
  exampleAt: 'data/tiers.csv:3:5',
  example: { offset: 42, byte: 0xe9, guess: 'é' },
  message: ({ offset, byte, guess }: { offset: number; byte: number; guess?: string | undefined }) => ({
    what: `invalid UTF-8 at byte ${offset}${guess ? ` (looks like Windows-1252 ${JSON.stringify(guess)})` : ''}`,
    expected: 'UTF-8 text',
    received: `the byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    fix: FIX_ENCODING,
  }),
});

export const TB019 = /* @__PURE__ */ kind('TB019', {
  title: 'Unknown dataset',
  about:
    'A report, key figure or view names a dataset that has no file in data/. Names are matched exactly, case included, so a report reads the same on every filesystem.',
  exampleAt: 'content/reports/example.md:12:1',
  example: { name: 'teirs', names: ['engagement', 'tiers'], suggestion: 'dataset="tiers"' },
  message: ({ name, names, suggestion }: { name: string; names: string[]; suggestion?: string | undefined }) => ({
    what: `unknown dataset ${quote(name)}: no file named exactly data/${name}.csv`,
    expected: names.length ? `one of ${listValues(names)}` : 'a CSV file in data/',
    received: quote(name),
    fix: suggestion ? `Did you mean ${suggestion}?` : `Add data/${name}.csv, or use the name of a file in data/`,
  }),
});

export const TB020 = /* @__PURE__ */ kind('TB020', {
  title: 'Dataset named by a path',
  about:
    'A dataset is named with folders, dots or spaces. A dataset is named by its file name in data/ without .csv, so no name can reach a file outside data/.',
  exampleAt: 'content/reports/example.md:12:1',
  example: { name: 'data/tiers.csv', suggestion: 'dataset="tiers"' },
  message: ({
    name,
    suggestion,
    example,
  }: {
    name: string;
    suggestion?: string | undefined;
    example?: string | undefined;
  }) => ({
    what: `dataset ${quote(name)} is not a plain name`,
    expected: PLAIN_DATASET_RULE,
    received: quote(name),
    fix: suggestion
      ? `Write ${suggestion}`
      : example
        ? `Write the name of a file in data/ without .csv, such as ${example}`
        : 'Write the name of a file in data/ without .csv',
  }),
});

export const TB021 = /* @__PURE__ */ kind('TB021', {
  title: 'Dataset file name that is not plain',
  about:
    "A CSV file in data/ has a name that no report could write (spaces, accents, dots). Its name is the dataset's name, so it must be letters, digits, - and _.",
  exampleAt: 'data/café prices.csv:1:1',
  example: { name: 'café prices', rename: 'cafe-prices' },
  message: ({ name, rename }: { name: string; rename?: string | undefined }) => ({
    what: `the dataset name ${quote(name)} is not a plain name`,
    expected: PLAIN_DATASET_RULE,
    received: quote(name),
    fix: rename ? `Rename the file to ${rename}.csv` : 'Name a file in data/ by its name without .csv',
  }),
});

export const TB022 = /* @__PURE__ */ kind('TB022', {
  title: 'Reserved dataset name',
  about:
    'A dataset file is named like a built-in property of JavaScript objects (`__proto__.csv`), which could reach object internals wherever datasets are looked up by name.',
  exampleAt: 'data/__proto__.csv:1:1',
  example: { name: '__proto__' },
  message: ({ name }: { name: string }) => ({
    what: `the dataset name ${JSON.stringify(name)} is not allowed`,
    expected: 'a plain file name such as engagement.csv',
    received: JSON.stringify(name),
    fix: 'Rename the file',
  }),
});

export const TB023 = /* @__PURE__ */ kind('TB023', {
  title: 'Sidecar without its CSV file',
  about:
    'A YAML sidecar (data/<name>.yml) exists but the CSV it describes does not, usually after a rename of one of the two.',
  exampleAt: 'data/tiers.csv:1:1',
  example: { path: 'data/tiers.csv', metaPath: 'data/tiers.yml' },
  message: ({ path, metaPath }: { path: string; metaPath: string }) => ({
    what: `${path} does not exist`,
    expected: `a CSV file beside ${metaPath}`,
    received: 'no file',
    fix: `Add ${path}, or remove ${metaPath}`,
  }),
});

export const TB024 = /* @__PURE__ */ kind('TB024', {
  title: 'YAML syntax error',
  about: 'A YAML file (a dataset sidecar or content/views.yml) cannot be parsed. Nothing in it is used until it reads.',
  exampleAt: 'data/tiers.yml:3:8',
  example: { detail: 'Nested mappings are not allowed in compact mappings' },
  message: ({ detail }: { detail: string }) => ({
    what: `the YAML cannot be read: ${detail}`,
    fix: 'Fix the YAML syntax (indent with spaces, quote text that contains ": ")',
  }),
});

export const TB025 = /* @__PURE__ */ kind('TB025', {
  title: 'Reserved YAML key',
  about:
    'A sidecar, frontmatter or views file uses a key that names object internals (`__proto__`, `constructor`, `prototype`). Schema checks would drop it silently inside free-form maps, so it is refused wherever it appears.',
  exampleAt: 'data/tiers.yml:4:3',
  example: { key: '__proto__' },
  message: ({ key }: { key: string }) => ({
    what: `unknown key ${JSON.stringify(key)}`,
    expected: 'only the documented keys',
    received: JSON.stringify(key),
    fix: 'Remove the key or correct its spelling (docs/authoring.md lists the allowed keys)',
  }),
});

export const TB026 = /* @__PURE__ */ kind('TB026', {
  title: 'YAML alias before its anchor',
  about: 'A YAML alias (`*name`) is used before the anchor (`&name`) it repeats, so there is nothing to repeat.',
  exampleAt: 'data/tiers.yml:6:10',
  example: { subject: 'the sidecar', name: 'usd' },
  message: ({ subject, name }: { subject: string; name: string }) => ({
    what: `${subject} uses the alias *${name} before its anchor &${name}`,
    expected: `&${name} on an earlier value`,
    received: `*${name} without it`,
    fix: `Put &${name} on the value to repeat, above *${name}, or write the value out`,
  }),
});

export const TB027 = /* @__PURE__ */ kind('TB027', {
  title: 'Too many YAML aliases',
  about:
    'YAML aliases copy more values than any real file needs. Aliases of aliases multiply at every level (a "billion laughs"), so their number is capped.',
  exampleAt: 'content/reports/example.md:3:5',
  example: { subject: 'the frontmatter', limit: 100 },
  message: ({ subject, limit }: { subject: string; limit: number }) => ({
    what: `${subject} uses too many YAML aliases (*name)`,
    expected: `at most ${limit} values copied by aliases`,
    received: 'aliases of aliases that multiply the values at every level',
    fix: 'Write the values out instead of repeating them with &anchors and *aliases',
  }),
});

export const TB028 = /* @__PURE__ */ kind('TB028', {
  title: 'Invalid sidecar setting',
  about:
    'A key of a dataset sidecar (data/<name>.yml) is unknown, missing or has a value of the wrong kind. The parts that still hold are used to check the CSV too.',
  exampleAt: 'data/tiers.yml:5:10',
  example: {
    what: '"sources.0.url": expected an http:// or https:// address',
    received: '"ftp://example.org"',
    fix: 'Correct "sources.0.url" (docs/authoring.md lists the allowed values)',
  },
  message: (parts: Message) => parts,
});

export const TB029 = /* @__PURE__ */ kind('TB029', {
  title: 'Sidecar column not in the CSV',
  about:
    'The sidecar describes a column that the CSV header does not have, usually after a column was renamed in the spreadsheet.',
  exampleAt: 'data/tiers.yml:8:3',
  example: { name: 'teir', path: 'data/tiers.csv', suggestion: 'tier' },
  message: ({ name, path, suggestion }: { name: string; path: string; suggestion?: string | undefined }) => ({
    what: `the sidecar describes a column ${quote(name)} that ${path} does not have`,
    expected: "one of the CSV's columns",
    received: quote(name),
    fix: suggestion
      ? `Did you mean ${quote(suggestion)}? Rename the key to match the CSV header exactly`
      : 'Remove the key, or add the column to the CSV',
  }),
});

export const TB030 = /* @__PURE__ */ kind('TB030', {
  title: 'Decimal comma in a comma-separated file',
  about:
    'A column holds numbers written with a decimal comma (1,5) in a file whose cells are separated by commas, so they would be read as text labels.',
  exampleAt: 'data/rates.csv:2:6',
  example: { name: 'rate', cell: '1,5', metaPath: 'data/rates.yml' },
  message: ({ name, cell, metaPath }: { name: string; cell: string; metaPath: string }) => ({
    what: `column ${quote(name)} holds numbers written with a decimal comma, which a comma-separated file reads as text`,
    expected: 'a decimal point (1.5), or a semicolon-separated file',
    received: quote(cell),
    fix: `Export the file with decimal points, or as semicolon-separated CSV with sep=; as its first line (or delimiter: ";" in ${metaPath}), or declare type: category under columns.${name} if these are labels`,
  }),
});

export const TB031 = /* @__PURE__ */ kind('TB031', {
  title: 'Dates without a declared format',
  about:
    'A column holds dates such as 03/04/2024, which is 3 April in some countries and 4 March in others. Only the author knows, so the format must be declared.',
  exampleAt: 'data/launches.csv:2:1',
  example: { name: 'day', cell: '03/04/2024', fits: ['DD/MM/YYYY', 'MM/DD/YYYY'], metaPath: 'data/launches.yml' },
  message: ({ name, cell, fits, metaPath }: { name: string; cell: string; fits: string[]; metaPath: string }) => ({
    what: `column ${quote(name)} holds dates such as ${quote(cell)}, which read differently in different countries`,
    expected: `a date format declared in ${metaPath}`,
    received: fits.length > 0 ? `dates that fit ${fits.join(' or ')}` : 'dates in no single format',
    fix: `Add "type: date" and "format: ${fits[0] ?? 'DD/MM/YYYY'}" under columns.${name} in ${metaPath} (formats: YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY, DD.MM.YYYY), or write the dates as 2024-04-03`,
  }),
});

export const TB032 = /* @__PURE__ */ kind('TB032', {
  title: 'Date format on a column that is not a date',
  about:
    'The sidecar gives a column a date `format`, but the column is not a date column, so the format would be ignored.',
  exampleAt: 'data/launches.yml:6:5',
  example: { name: 'day', type: 'category' },
  message: ({ name, type }: { name: string; type: string }) => ({
    what: `columns.${name} has a date format, but the column is not a date column`,
    expected: 'format only together with type: date',
    received: `type ${type}`,
    fix: `Add "type: date" under columns.${name}, or remove "format"`,
  }),
});

export const TB033 = /* @__PURE__ */ kind('TB033', {
  title: 'Currency column without a unit',
  about:
    'A column is declared as currency, but neither the sidecar nor its cells say which currency. Amounts without a currency cannot be labelled or compared.',
  exampleAt: 'data/cost.yml:5:3',
  example: { name: 'cost', metaPath: 'data/cost.yml' },
  message: ({ name, metaPath }: { name: string; metaPath: string }) => ({
    what: `the currency column ${quote(name)} has no unit`,
    expected: 'a currency code in the sidecar, or a symbol such as $ in the cells',
    received: 'plain numbers',
    fix: `Add "unit: USD" (or another ISO code) under columns.${name} in ${metaPath}`,
  }),
});

export const TB034 = /* @__PURE__ */ kind('TB034', {
  title: 'Invalid basis value',
  about:
    'A `basis` column says for each figure whether a source reported it or it is an illustrative placeholder; any other value would leave readers unsure what they see.',
  exampleAt: 'data/cost.csv:3:18',
  example: { index: 5, text: 'estimated' },
  message: ({ index, text }: { index: number; text: string }) => ({
    what: `column "basis" (${index}) must say whether the figure is reported or illustrative`,
    expected: '"reported" or "illustrative"',
    received: quote(text),
    fix: 'Write reported for a figure a source gives and illustrative for a placeholder',
  }),
});

export const TB035 = /* @__PURE__ */ kind('TB035', {
  title: 'Unknown source id',
  about: 'A `source_id` cell names a source that the sidecar does not list, so the figure could not be credited.',
  exampleAt: 'data/cost.csv:3:22',
  example: { id: 'inflencer-report', metaPath: 'data/cost.yml', hasSources: true, suggestion: 'influencer-report' },
  message: ({
    id,
    metaPath,
    hasSources,
    suggestion,
  }: {
    id: string;
    metaPath: string;
    hasSources: boolean;
    suggestion?: string | undefined;
  }) => ({
    what: `source ${quote(id)} is not listed in ${metaPath}`,
    expected: hasSources ? "one of the sidecar's source ids" : `a source with this id in the sidecar's "sources"`,
    received: quote(id),
    fix: suggestion
      ? `Did you mean ${quote(suggestion)}? Use an id from "sources" in ${metaPath}`
      : `Add it to "sources" in ${metaPath} (id, title, publisher, year, url)`,
  }),
});

export const TB036 = /* @__PURE__ */ kind('TB036', {
  title: 'Range names missing columns',
  about: "A column's `range: { low, high }` names columns the CSV does not have, so no midpoint could be filled.",
  exampleAt: 'data/cost.yml:7:5',
  example: { name: 'cost', missing: ['cost_lo'], path: 'data/cost.csv' },
  message: ({ name, missing, path }: { name: string; missing: string[]; path: string }) => ({
    what: `the range of ${quote(name)} names ${missing.map((column) => quote(column)).join(' and ')}, which ${path} does not have`,
    expected: 'two numeric columns of the CSV',
    received: missing.map((column) => quote(column)).join(', '),
    fix: 'Name existing columns in "range: { low, high }"',
  }),
});

export const TB037 = /* @__PURE__ */ kind('TB037', {
  title: 'Range bound is not a number column',
  about:
    'A column used as a bound of a `range` is not a number column, so every midpoint would be silently empty. The first cell that is not a number is named when there is one.',
  exampleAt: 'data/cost.yml:7:5',
  example: { name: 'cost', bound: 'cost_low', type: 'category', cell: { at: 'data/cost.csv:4:12', text: 'about 400' } },
  message: ({
    name,
    bound,
    type,
    cell,
  }: {
    name: string;
    bound: string;
    type: string;
    cell?: { at: string; text: string } | undefined;
  }) => ({
    what: cell
      ? `the range of ${quote(name)} uses ${quote(bound)}, which is text, not a number: ${cell.at} holds ${quote(cell.text)}`
      : `the range of ${quote(name)} uses ${quote(bound)}, which is a ${type} column`,
    expected: 'a number in every cell of a column used as a range bound',
    received: cell ? 'text' : `${type} column ${quote(bound)}`,
    fix: cell
      ? 'Correct that cell (or leave it empty for a missing value), or name other columns in "range: { low, high }"'
      : 'Name two numeric columns in "range: { low, high }"',
  }),
});

export const TB038 = /* @__PURE__ */ kind('TB038', {
  title: 'Spreadsheet error in a cell',
  about:
    'A cell holds a spreadsheet error such as #DIV/0! or #REF!: a formula failed, and its text is not what the author meant to publish.',
  exampleAt: 'data/cost.csv:5:12',
  example: { column: 'cost', error: '#DIV/0!', expected: 'a number such as 12,400 or 3.5', text: '#DIV/0!' },
  message: ({ column, error, expected, text }: { column: string; error: string; expected: string; text: string }) => ({
    what: `column ${quote(column)} holds the spreadsheet error ${quote(error)}`,
    expected,
    received: quote(text),
    fix: 'Fix the formula in the spreadsheet and export again, or leave the cell empty for a missing value',
  }),
});

export const TB039 = /* @__PURE__ */ kind('TB039', {
  title: 'Number that cannot be stored exactly',
  about:
    'A number has more than 15 significant digits or is out of range, so storing it would change it silently. Long identifiers belong in a category column.',
  exampleAt: 'data/accounts.csv:2:1',
  example: { column: 'account', text: '12345678901234567890' },
  message: ({ column, text }: { column: string; text: string }) => ({
    what: `column ${quote(column)} holds a number too large or too precise to store exactly`,
    expected: 'at most 15 significant digits, between 1e-308 and 1e308 in size',
    received: quote(text),
    fix: 'Round the value, or store an identifier like this as text in a category column',
  }),
});

export const TB040 = /* @__PURE__ */ kind('TB040', {
  title: 'Text in a number column',
  about:
    'A cell of a column declared (or read) as numbers is not a number. Nothing is coerced silently: write the number, or leave the cell empty for a missing value.',
  exampleAt: 'data/cost.csv:4:12',
  example: { column: 'cost', type: 'number', expected: 'a number such as 12,400 or 3.5', text: 'about 400' },
  message: ({ column, type, expected, text }: { column: string; type: string; expected: string; text: string }) => ({
    what: `column ${quote(column)} is ${type === 'year' ? 'a year column' : `a ${type} column`}, but this cell is not a number`,
    expected,
    received: quote(text),
    fix: /^N\/A'|^n\.?a\.?$/i.test(text.trim())
      ? 'Write N/A (or leave the cell empty) for a missing value'
      : MISSING_OR_FIX,
  }),
});

export const TB041 = /* @__PURE__ */ kind('TB041', {
  title: 'Not a whole year',
  about: 'A cell of a year column is a fraction, a percentage or an amount instead of a year.',
  exampleAt: 'data/cost.csv:4:7',
  example: { column: 'year', expected: 'a year such as 2024', text: '2024.5' },
  message: ({ column, expected, text }: { column: string; expected: string; text: string }) => ({
    what: `column ${quote(column)} holds years, but this cell is not a whole year`,
    expected,
    received: quote(text),
    fix: 'Write the year as four digits, for example 2024',
  }),
});

export const TB042 = /* @__PURE__ */ kind('TB042', {
  title: 'Percentage in a column that is not percent',
  about:
    'A cell is written as a percentage in a column of plain numbers or fractions, where 2.4% and 2.4 would read as different values.',
  exampleAt: 'data/rates.csv:3:10',
  example: { column: 'rate', type: 'fraction', expected: 'a fraction such as 0.024', text: '2.4%' },
  message: ({ column, type, expected, text }: { column: string; type: string; expected: string; text: string }) => ({
    what: `column ${quote(column)} is a ${type} column, but this cell is a percentage`,
    expected,
    received: quote(text),
    fix:
      type === 'fraction'
        ? 'Write the fraction (0.024 for 2.4%), or declare the column as percent'
        : 'Remove the % sign, or declare the column as percent in the sidecar',
  }),
});

export const TB043 = /* @__PURE__ */ kind('TB043', {
  title: 'Mixed units in a column',
  about:
    "A cell carries a currency symbol that differs from the column's currency, or a column of plain numbers holds an amount. Adding dollars to euros would chart nonsense.",
  exampleAt: 'data/cost.csv:6:12',
  example: {
    column: 'cost',
    currency: 'EUR',
    type: 'currency',
    unit: 'USD',
    expected: 'an amount in USD such as 1200 or 1,200',
    text: '€1,100',
  },
  message: ({
    column,
    currency,
    type,
    unit,
    expected,
    text,
  }: {
    column: string;
    currency: string;
    type: string;
    unit?: string | undefined;
    expected: string;
    text: string;
  }) => ({
    what: `column ${quote(column)} mixes units: this cell is in ${currency}`,
    expected,
    received: quote(text),
    fix:
      type === 'currency'
        ? `Convert the value to ${unit}, or split the currencies into separate columns`
        : 'Remove the currency symbol, or declare the column as currency',
  }),
});

export const TB044 = /* @__PURE__ */ kind('TB044', {
  title: "Date not in the column's format",
  about:
    'A cell of a date column is not a date in the format the column declares (or not a real day), so it cannot be placed on a time axis.',
  exampleAt: 'data/launches.csv:5:1',
  example: {
    column: 'day',
    format: 'DD/MM/YYYY',
    expected: 'a date written DD/MM/YYYY, such as 03/04/2024 for 3 April 2024',
    text: '2024-04-03',
    fits: ['YYYY-MM-DD'],
    dateLike: true,
  },
  message: ({
    column,
    format,
    expected,
    text,
    fits,
    dateLike,
  }: {
    column: string;
    format: string;
    expected: string;
    text: string;
    fits: string[];
    dateLike: boolean;
  }) => ({
    what: `column ${quote(column)} is a date column written ${format}, but this cell is not such a date`,
    expected,
    received: quote(text),
    fix:
      fits.length > 0
        ? `Write it as ${format} like the other dates (it reads as ${fits.join(' or ')})`
        : dateLike
          ? 'There is no such day: check the day and the month'
          : 'Correct the date, or leave the cell empty for a missing value',
  }),
});

/** Every kind of this area, by code. */
export const TB045 = /* @__PURE__ */ kind('TB045', {
  title: 'Column names that differ only in case',
  about:
    'Two columns are named alike but for upper and lower case (Year and year). Spreadsheets, DuckDB and Parquet treat such names as one, so the downloads and queries could not hold both, and readers could not tell them apart.',
  exampleAt: 'data/tiers.csv:1:1',
  example: { first: 'Year', second: 'year' },
  message: ({ first, second }: { first: string; second: string }) => ({
    what: `the columns ${quote(first)} and ${quote(second)} differ only in case`,
    expected: 'column names that differ in more than case',
    received: `${quote(first)} and ${quote(second)}`,
    fix: 'Rename one of them, or delete the copy',
  }),
});

export const csvErrors = {
  TB001,
  TB002,
  TB003,
  TB004,
  TB005,
  TB006,
  TB007,
  TB008,
  TB009,
  TB010,
  TB011,
  TB012,
  TB013,
  TB014,
  TB015,
  TB016,
  TB017,
  TB018,
  TB019,
  TB020,
  TB021,
  TB022,
  TB023,
  TB024,
  TB025,
  TB026,
  TB027,
  TB028,
  TB029,
  TB030,
  TB031,
  TB032,
  TB033,
  TB034,
  TB035,
  TB036,
  TB037,
  TB038,
  TB039,
  TB040,
  TB041,
  TB042,
  TB043,
  TB044,
  TB045,
} satisfies Record<ErrorCode, AnyErrorKind>;

/** A size for a message: bytes, MB or GB. */
function megabytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0)} MB`;
  return `${bytes.toLocaleString('en-US')} bytes`;
}
