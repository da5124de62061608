/**
 * Problems with the project as a whole: site settings, links out of the project, bidirectional text, the explorer (TB200–TB249).
 * Codes are permanent: never reuse or renumber one; retire a kind by leaving its code out.
 */
import type { ErrorCode } from '../errors.ts';
import { type AnyErrorKind, kind, type Message } from './define.ts';

const BROKEN_LINK_EXPECTED = 'a link to a file or folder inside the project';

export const TB200 = /* @__PURE__ */ kind('TB200', {
  title: 'Site setting is invalid',
  about:
    'A setting in src/site.config.ts is unknown, missing or has a value of the wrong kind. The site is not built with settings it cannot trust.',
  exampleAt: 'src/site.config.ts:1:1',
  example: {
    what: '"locale" has the wrong type',
    expected: 'string',
    received: 'number 1',
    fix: 'Correct "locale" (docs/authoring.md lists the allowed values)',
  },
  message: (parts: Message) => parts,
});

export const TB201 = /* @__PURE__ */ kind('TB201', {
  title: 'Symbolic link out of the project',
  about:
    'A file or folder in data/, content/, public/ or src/ is a symbolic link to somewhere outside the project. ' +
    'The build would publish or compile a file nobody reviewed with the project, so the link is refused and nothing behind it is read.',
  exampleAt: 'public/hostname.txt:1:1',
  example: { kind: 'file', target: '/etc/hostname', folder: 'public' },
  message: ({ kind, target, folder }: { kind: 'file' | 'folder'; target: string; folder: string }) =>
    kind === 'file'
      ? {
          what: `the file links outside the project (${target})`,
          expected: `a regular file inside ${folder}/`,
          received: 'a symbolic link',
          fix: `Copy the file into ${folder}/ instead of linking to it`,
        }
      : {
          what: `the folder links outside the project (${target})`,
          expected: 'a folder inside the project',
          received: 'a symbolic link',
          fix: 'Copy the folder into the project instead of linking to it',
        },
});

export const TB202 = /* @__PURE__ */ kind('TB202', {
  title: 'Link to a missing file',
  about:
    'A symbolic link in an input folder points to a file that does not exist. ' +
    'The build would fail on it with a raw error or skip it without a word.',
  exampleAt: 'public/gone.txt:1:1',
  example: { written: 'missing.txt', folder: 'public' },
  message: ({ written, folder }: { written: string; folder: string }) => ({
    what: `the link leads to nothing: ${written} does not exist`,
    expected: BROKEN_LINK_EXPECTED,
    received: 'a link to a missing file',
    fix: `Remove the link, or replace it with the file itself in ${folder}/`,
  }),
});

export const TB203 = /* @__PURE__ */ kind('TB203', {
  title: 'Loop of symbolic links',
  about:
    'Symbolic links in an input folder point to each other, so following them never reaches a file. ' +
    'The build would fail on them with a raw error.',
  exampleAt: 'content/reports/loop-a.md:1:1',
  example: { written: 'loop-b.md', folder: 'content' },
  message: ({ written, folder }: { written: string; folder: string }) => ({
    what: `the link never reaches a file: it is part of a loop of links (${written})`,
    expected: BROKEN_LINK_EXPECTED,
    received: 'a loop of links',
    fix: `Remove the link, or replace it with the file itself in ${folder}/`,
  }),
});

export const TB204 = /* @__PURE__ */ kind('TB204', {
  title: 'Unreadable report file',
  about:
    'A file in content/reports/ exists but cannot be opened ' +
    '(its permissions forbid reading, or it is a folder with a report name).',
  exampleAt: 'content/reports/2026-q1.md:1:1',
  example: { errno: 'EACCES' as string | undefined },
  message: ({ errno }: { errno: string | undefined }) => ({
    what: `the report cannot be read (${errno ?? 'unknown error'})`,
    expected: 'a readable Markdown file',
    received: 'a file that cannot be opened',
    fix: 'Replace it with a readable Markdown file',
  }),
});

export const TB205 = /* @__PURE__ */ kind('TB205', {
  title: 'Bidirectional control character',
  about:
    'Text that reaches a reader (a report, its frontmatter, a dataset sidecar or a CSV cell) holds an invisible ' +
    'direction override (U+202A–U+202E, U+2066–U+2069). It makes text read differently from how it is stored ' +
    '("Trojan Source"), so drawn text leaves it out and the check warns.',
  warning: true,
  exampleAt: 'data/engagement.csv:3:6',
  example: { character: 'U+202E', field: 'a cell of column "tier"', shown: '"\\u202Eagem"' },
  message: ({ character, field, shown }: { character: string; field: string; shown: string }) => ({
    what: `bidirectional control character ${character} in ${field}`,
    expected: 'text without invisible direction overrides',
    received: shown,
    fix:
      'Delete the invisible character (it often comes from copying text); ' +
      'it can make the text read differently from how it is stored',
  }),
});

export const TB206 = /* @__PURE__ */ kind('TB206', {
  title: 'Dataset too large for the explorer',
  about:
    'A dataset the explorer could offer is over its download budget: a reader who picks it downloads the whole ' +
    'file, on a phone too. The explorer leaves it out; reports still chart and cite it.',
  warning: true,
  exampleAt: 'data/posts.csv:1:1',
  example: { name: 'posts', rows: 2_000_000, bytes: 31 * 1024 * 1024, budget: 2 * 1024 * 1024, exact: false },
  message: ({
    name,
    rows,
    bytes,
    budget,
    exact,
  }: {
    name: string;
    rows: number;
    bytes: number;
    budget: number;
    exact: boolean;
  }) => {
    const about = exact ? '' : 'about ';
    return {
      what:
        `the explorer leaves out ${name}: its ${rows.toLocaleString('en-US')} rows are ${about}${megabytes(bytes)} ` +
        'to download gzip-compressed, too much for a reader on a phone who picks it (reports still chart it and cite it)',
      expected: `at most ${megabytes(budget)} gzip per dataset`,
      received: `${about}${megabytes(bytes)} gzip`,
      fix:
        'To offer it in the explorer, publish a smaller dataset beside it for exploring, aggregated upstream to the ' +
        'points readers compare (for example one row per year and tier, from a DuckDB or warehouse query)',
    };
  },
});

export const TB207 = /* @__PURE__ */ kind('TB207', {
  title: 'View title names other years than it plots',
  about:
    'A named view\'s title names a span of years ("2016–2024", "since 2019", "until 2024", "in 2024") that is not ' +
    'the span its chart plots. The title is what readers see on the page and on its social card, so it must agree ' +
    'with the chart: the build compares the first and last year drawn with the years the title names.',
  exampleAt: 'content/views.yml:7:10',
  example: { named: '2016–2024', first: 2016, last: 2026, suggestion: '2016–2026' },
  message: ({
    named,
    first,
    last,
    suggestion,
  }: {
    named: string;
    first: number;
    last: number;
    suggestion: string;
  }) => ({
    what: `the title names ${JSON.stringify(named)}, but the chart plots ${first === last ? first : `${first} to ${last}`}`,
    expected: JSON.stringify(suggestion),
    received: JSON.stringify(named),
    fix: `Write ${JSON.stringify(suggestion)} in the title, or set the years the view plots with from= and to= in its query`,
  }),
});

/** Every kind of this area, by code. */
export const projectErrors = { TB200, TB201, TB202, TB203, TB204, TB205, TB206, TB207 } satisfies Record<
  ErrorCode,
  AnyErrorKind
>;

/** A download size for a message: `1.5 MB`, `2 MB` or `12 KB`. */
function megabytes(bytes: number): string {
  // Number() drops a trailing ".0": the budget reads "2 MB".
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}
