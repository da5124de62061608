/**
 * Problems with report files and their frontmatter (TB150–TB199).
 * Codes are permanent: never reuse or renumber one; retire a kind by leaving its code out.
 */
import { quote, type ErrorCode } from '../errors.ts';
import { type AnyErrorKind, kind } from './define.ts';

export const reportErrors = {
  // Entries look like this (the code is the key):
  // TB012: kind({ title: '…', about: '…', example: { … }, message: ({ … }) => ({ what, expected, received, fix }) }),
  TB170: kind({
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
      fix: suggested ? `Rename it to ${suggested}.md` : 'Rename it with lowercase letters, digits and hyphens, such as my-report.md',
    }),
  }),
  TB171: kind({
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
  }),
} satisfies Record<ErrorCode, AnyErrorKind>;
