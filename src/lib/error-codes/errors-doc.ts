/**
 * Writes docs/errors.md from the catalogue: one section per code with its
 * title, when it happens, and an example message exactly as Trendbook prints it.
 */
import { type ErrorCode, formatProblem } from '../errors.ts';
import { type AnyErrorKind, AREAS, issue } from './define.ts';
import { AREA_TABLES } from './index.ts';

const DEFAULT_PLACE = 'content/reports/example.md:1:1';

/** The text of docs/errors.md. */
export function renderErrorsDoc(): string {
  const lines = [
    '# Error codes',
    '',
    '<!-- Generated from src/lib/error-codes/ by `npm run docs:errors`. Edit the catalogue, not this file. -->',
    '',
    'Every problem Trendbook reports is printed as one line:',
    '',
    '```',
    'path:line:column: what is wrong. Expected …, received …. How to fix. [TB012]',
    '```',
    '',
    'The code at the end is permanent: it names the kind of problem, so it can be',
    'searched for and linked to (`docs/errors.md#tb012`). All problems of a check or',
    'a build are printed together, and any problem stops the build before anything',
    'is written. A warning lets the build go on; `npm run check -- --strict` (and CI)',
    'fails on warnings too.',
    '',
  ];
  for (const area of AREAS) {
    const table = AREA_TABLES[area.file] as Record<ErrorCode, AnyErrorKind>;
    const codes = Object.keys(table).sort() as ErrorCode[];
    if (codes.length === 0) continue;
    lines.push(`## ${area.title}`, '');
    for (const code of codes) {
      const entry = table[code]!;
      const example = formatProblem({
        ...examplePlace(entry.exampleAt ?? DEFAULT_PLACE),
        ...issue(entry, entry.example),
      });
      lines.push(
        `### ${code}`,
        '',
        `**${entry.title}**${entry.warning ? ' (warning)' : ''}`,
        '',
        entry.about,
        '',
        '```',
        example,
        '```',
        '',
      );
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** `path:line:column` as a place; a bare `path` (or '') is a place without a position (line 0). */
function examplePlace(at: string): { path: string; line: number; column: number } {
  const match = /^(.*):(\d+):(\d+)$/.exec(at);
  return match
    ? { path: match[1]!, line: Number(match[2]), column: Number(match[3]) }
    : { path: at, line: 0, column: 0 };
}
