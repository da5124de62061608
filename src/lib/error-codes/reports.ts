/**
 * Problems with report files and their frontmatter (TB150–TB199).
 * Codes are permanent: never reuse or renumber one; retire a kind by leaving its code out.
 */
import { type ErrorCode, quote } from '../errors.ts';
import { type AnyErrorKind, kind, type Message } from './define.ts';

export const TB150 = /* @__PURE__ */ kind('TB150', {
  title: 'Report without frontmatter',
  about:
    'A report does not start with a frontmatter block (---, title, description, date, ---). Every report needs one: its title and date make its page, feed entry and card.',
  example: { firstLine: '# Micro influencers cost less' },
  message: ({ firstLine }: { firstLine: string }) => ({
    what: 'the report has no frontmatter',
    expected: 'a first line "---", then title, description and date, then "---"',
    received: JSON.stringify(firstLine),
    fix: 'Start the file with frontmatter: ---, title: …, description: …, date: YYYY-MM-DD, ---',
  }),
});

export const TB151 = /* @__PURE__ */ kind('TB151', {
  title: 'Frontmatter never closed',
  about: 'The frontmatter opens with --- but no line --- ends it, so the whole report would be read as YAML.',
  example: {},
  message: (_: object) => ({
    what: 'the frontmatter is never closed',
    expected: 'a line "---" after the frontmatter',
    received: 'the end of the file',
    fix: 'Add a line with --- after the last frontmatter field',
  }),
});

export const TB152 = /* @__PURE__ */ kind('TB152', {
  title: 'Frontmatter YAML syntax error',
  about: 'The frontmatter cannot be parsed as YAML, most often because a title contains ": " or starts with a quote.',
  exampleAt: 'content/reports/example.md:2:17',
  example: { detail: 'Nested mappings are not allowed in compact mappings' },
  message: ({ detail }: { detail: string }) => ({
    what: `the frontmatter is not valid YAML: ${detail}`,
    fix: 'Indent with spaces, and put text that contains ": " or starts with a quote inside double quotes',
  }),
});

export const TB153 = /* @__PURE__ */ kind('TB153', {
  title: 'Invalid frontmatter field',
  about:
    'A frontmatter key is unknown, missing or has a value of the wrong kind (a date that is not YYYY-MM-DD, an empty title).',
  exampleAt: 'content/reports/example.md:4:7',
  example: {
    what: '"date" has the wrong type',
    expected: 'date',
    received: 'the text "31 May 2024"',
    fix: 'Write the date as YYYY-MM-DD, for example 2024-05-31',
  },
  message: (parts: Message) => parts,
});

export const TB154 = /* @__PURE__ */ kind('TB154', {
  title: 'Text too long for the social card',
  about:
    "A report's social card gives its title three lines, and the label of the key figure marked `card: true` (or, without one, its description) three more. " +
    'A text that needs more lines would end in "…" on every shared link, so it gets this warning (an error under `--strict`, as in CI). ' +
    '`card_title` in the frontmatter gives the card a shorter title; the page keeps the full one.',
  exampleAt: 'content/reports/example.md:2:8',
  warning: true,
  example: { field: 'title', lines: 4, max: 3 },
  message: ({
    field,
    lines,
    max,
  }: {
    field: 'title' | 'card_title' | 'label' | 'description';
    lines: number;
    max: number;
  }) => ({
    what: `the ${field === 'label' ? "card figure's label" : field} takes ${lines} lines on the report's social card, which has room for ${max}`,
    expected: `text that fits ${max} lines on the card`,
    received: `${lines} lines`,
    fix: {
      title:
        'Add card_title: to the frontmatter with a shorter title for the card (about 60 characters beside a chart); the page keeps the full title',
      card_title: 'Shorten card_title (about 60 characters beside a chart)',
      label: 'Shorten the label of the figure marked card: true (about 100 characters)',
      description:
        'Shorten the description (about 130 characters beside a chart), or mark a key figure card: true, which the card shows instead',
    }[field],
  }),
});

export const TB170 = /* @__PURE__ */ kind('TB170', {
  title: 'Report file name cannot be an address',
  about:
    "A report's file name is its address: content/reports/x.md is published at /reports/x/. A name with capitals, " +
    'spaces, accents or other characters would be published under an address the author did not write, so it is refused.',
  exampleAt: 'content/reports/My report.md:1:1',
  example: { file: 'My report.md', suggested: 'my-report' },
  message: ({ file, suggested }: { file: string; suggested: string }) => ({
    what: `the file name ${JSON.stringify(file)} cannot be the report's address`,
    expected:
      'lowercase letters, digits and single hyphens, ending in .md (the name is the address: x.md is published at /reports/x/)',
    received: JSON.stringify(file),
    fix: suggested
      ? `Rename it to ${suggested}.md`
      : 'Rename it with lowercase letters, digits and hyphens, such as my-report.md',
  }),
});

export const TB171 = /* @__PURE__ */ kind('TB171', {
  title: 'Key figure from a dataset with problems',
  about:
    "A key figure in the frontmatter's figures list is computed from a dataset that has problems of its own. " +
    'The figure is not computed until the dataset is fixed; its problems are listed with it.',
  exampleAt: 'content/reports/q3-reach.md:6:14',
  example: { dataset: 'engagement' },
  message: ({ dataset }: { dataset: string }) => ({
    what: `the dataset ${quote(dataset)} cannot be used: data/${dataset}.csv has problems (listed below)`,
    fix: 'Fix the dataset first',
  }),
});

/** Every kind of this area, by code. */
export const reportErrors = { TB150, TB151, TB152, TB153, TB154, TB170, TB171 } satisfies Record<
  ErrorCode,
  AnyErrorKind
>;
