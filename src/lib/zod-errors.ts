/**
 * Turns zod issues into Problems with positions, for YAML sidecars,
 * frontmatter and site settings alike (after Starlight's error map).
 */
import type { z } from 'zod';
import type { Message } from './error-codes/define.ts';
import { type ArgsOf, type Code, problem } from './error-codes/index.ts';
import type { Problem } from './errors.ts';

/** Where a value sits in its file: maps a key path to a line and column. */
export type Locate = (path: readonly PropertyKey[], options?: { key?: boolean }) => { line: number; column: number };

/**
 * A catalogue code whose message is the sentence this module writes from a zod
 * issue (an entry with `message: (parts: Message) => parts`): one per kind of
 * file, such as TB028 for a sidecar, TB153 for frontmatter, TB200 for site settings.
 */
export type SchemaCode = { [C in Code]: ArgsOf<C> extends Message ? (Message extends ArgsOf<C> ? C : never) : never }[Code];

/**
 * Converts zod issues to problems.
 * @param issues The issues of a failed `safeParse`.
 * @param file Path relative to the project root.
 * @param locate Finds the position of a key path in the file.
 * @param code The catalogue code every problem carries (the kind of file: sidecar, frontmatter, settings …).
 * @param fixFor Optional advice per issue; a generic sentence otherwise.
 */
export function problemsFromZod(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  locate: Locate,
  code: SchemaCode,
  fixFor?: (issue: z.core.$ZodIssue) => string | undefined,
): Problem[] {
  return issues.map((issue) => {
    // An unknown key is reported where the key is written, not where its block starts.
    const where = issue.code === 'unrecognized_keys' ? locate([...issue.path, issue.keys[0]!], { key: true }) : locate(issue.path);
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
    const { what, expected, received } = describe(issue, field);
    const fix =
      fixFor?.(issue) ??
      (issue.code === 'unrecognized_keys'
        ? issue.keys.length > 1
          ? 'Remove the keys or correct their spelling (docs/authoring.md lists the allowed keys)'
          : 'Remove the key or correct its spelling (docs/authoring.md lists the allowed keys)'
        : `Correct "${field}" (docs/authoring.md lists the allowed values)`);
    return problem(code, { what, expected, received, fix } as ArgsOf<SchemaCode>, { path: file, ...where });
  });
}

function describe(issue: z.core.$ZodIssue, field: string): { what: string; expected?: string | undefined; received?: string | undefined } {
  switch (issue.code) {
    case 'invalid_type': {
      const received = !('input' in issue) || issue.input === undefined ? 'nothing' : typeName(issue.input);
      if (received === 'nothing') return { what: `"${field}" is missing`, expected: issue.expected, received };
      return { what: `"${field}" has the wrong type`, expected: issue.expected, received };
    }
    case 'unrecognized_keys':
      return {
        what: `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((key) => `"${key}"`).join(', ')}${issue.path.length ? ` in "${field}"` : ''}`,
        expected: 'only the documented keys',
        received: issue.keys.map((key) => `"${key}"`).join(', '),
      };
    case 'invalid_value':
      return {
        what: `"${field}" has a value that is not allowed`,
        expected: `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`,
        received: JSON.stringify(issue.input),
      };
    case 'custom':
      // A rule across fields names them itself; its input is the whole object, not worth printing.
      if (isRuleAcrossFields(issue)) return { what: issue.message.replace(/\.$/, '') };
      return { what: `"${field}": ${issue.message.replace(/\.$/, '')}`, received: inputOf(issue) };
    default:
      return { what: `"${field}": ${issue.message.replace(/\.$/, '')}`, received: inputOf(issue) };
  }
}

/** Whether an issue comes from a rule over a whole object (`refine` on an object), not from one value. */
export function isRuleAcrossFields(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && 'input' in issue && typeof issue.input === 'object' && issue.input !== null;
}

function inputOf(issue: z.core.$ZodIssue): string | undefined {
  return 'input' in issue && issue.input !== undefined ? JSON.stringify(issue.input)?.slice(0, 80) : undefined;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.slice(0, 60))}`;
  return `${typeof value} ${String(value)}`;
}
