/**
 * The wording of a settings problem found by a schema (zod): a key that is
 * missing, unknown, of the wrong type or not one of the allowed values. The
 * catalogue's schema entries (TB028 sidecar, TB057 views, TB153 frontmatter,
 * TB200 site settings) print what this writes; `zod-errors.ts` adds the place.
 */
import type { z } from 'zod';
import type { Message } from './define.ts';

/**
 * The message for one zod issue.
 * @param issue The issue.
 * @param field The key path as written (`sources.0.url`), or `(top level)`.
 * @param fix Advice for this issue, when the caller has better than the generic sentence.
 */
export function schemaMessage(issue: z.core.$ZodIssue, field: string, fix?: string): Message {
  const generic =
    issue.code === 'unrecognized_keys'
      ? issue.keys.length > 1
        ? 'Remove the keys or correct their spelling (docs/authoring.md lists the allowed keys)'
        : 'Remove the key or correct its spelling (docs/authoring.md lists the allowed keys)'
      : `Correct "${field}" (docs/authoring.md lists the allowed values)`;
  return { ...describe(issue, field), fix: fix ?? generic };
}

function describe(
  issue: z.core.$ZodIssue,
  field: string,
): { what: string; expected?: string | undefined; received?: string | undefined } {
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
