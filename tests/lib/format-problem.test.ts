/**
 * A problem prints with its place: `path:line:column: …` in a file, `path: …`
 * for a setting or a file without a line (line 0), and the message alone when
 * it has no place at all (a write error names its path in the message).
 */
import { describe, expect, it } from 'vitest';
import { TB254, TB256, TB258 } from '../../src/lib/error-codes/build.ts';
import { issue, problem } from '../../src/lib/error-codes/define.ts';
import { TB204, TB205 } from '../../src/lib/error-codes/project.ts';
import { formatIssue, formatProblem, formatProblems } from '../../src/lib/errors.ts';

describe('formatProblem', () => {
  it('prints path, line and column for a problem in a file', () => {
    const place = { path: 'content/reports/a.md', line: 1, column: 1 };
    expect(formatProblem(problem(TB204, { errno: 'EISDIR' }, place))).toBe(
      'content/reports/a.md:1:1: the report cannot be read (EISDIR). Expected a readable Markdown file, ' +
        'received a file that cannot be opened. Replace it with a readable Markdown file. [TB204]',
    );
  });

  it('prints the path alone for a problem at line 0', () => {
    const place = { path: 'TRENDBOOK_OUT=/srv', line: 0, column: 0 };
    expect(formatProblem(problem(TB256, { replaced: '/srv/site' }, place))).toBe(
      'TRENDBOOK_OUT=/srv: the output folder would replace /srv/site, deleting source files. ' +
        'Expected a folder of its own such as dist/. Set TRENDBOOK_OUT to an empty or build-only folder. [TB256]',
    );
  });

  it('prints the message alone without a path or a line; formatIssue prints any message without its place', () => {
    const written =
      'Could not write /srv/x: the file system is read-only (EROFS). Set TRENDBOOK_OUT to a folder on a writable disk. [TB254]';
    expect(formatProblem(problem(TB254, { path: '/srv/x' }, { path: '', line: 0, column: 0 }))).toBe(written);
    expect(formatIssue(issue(TB254, { path: '/srv/x' }))).toBe(written);
    const bidi = issue(TB205, { character: 'U+202E', field: 'the title', shown: '"\\u202Ex"' });
    expect(formatIssue(bidi)).toMatch(/^warning: bidirectional control character U\+202E in the title\. .* \[TB205\]$/);
  });

  it('sorts problems without a line before those of the same path with one', () => {
    const lines = formatProblems([
      problem(TB204, { errno: 'EACCES' }, { path: 'a', line: 2, column: 1 }),
      problem(TB258, { pid: '7', since: 'x', out: 'dist', lock: 'a' }, { path: 'a', line: 0, column: 0 }),
    ]).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^a: a build is already running/);
    expect(lines[1]).toMatch(/^a:2:1: the report cannot be read/);
    expect(lines[2]).toBe('2 problems found.');
  });
});
