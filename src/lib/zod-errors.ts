/**
 * Turns zod issues into Problems with positions, for YAML sidecars,
 * frontmatter and site settings alike (after Starlight's error map).
 */
import type { z } from 'zod';
import { type ErrorKind, type Message, problem } from './error-codes/define.ts';
import { isRuleAcrossFields, schemaMessage } from './error-codes/schema-messages.ts';
import type { Problem } from './errors.ts';

/** Where a value sits in its file: maps a key path to a line and column. */
export type Locate = (path: readonly PropertyKey[], options?: { key?: boolean }) => { line: number; column: number };

/**
 * A catalogue kind whose message is the sentence `schemaMessage` writes from a zod issue
 * (an entry with `message: (parts: Message) => parts`): one per kind of file, such as
 * TB028 for a sidecar, TB153 for frontmatter, TB200 for site settings.
 */
export type SchemaCode = ErrorKind<Message>;

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
    const where =
      issue.code === 'unrecognized_keys' ? locate([...issue.path, issue.keys[0]!], { key: true }) : locate(issue.path);
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
    return problem(code, schemaMessage(issue, field, fixFor?.(issue)), { path: file, ...where });
  });
}

export { isRuleAcrossFields };
