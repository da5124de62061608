/**
 * Validates the site settings, failing with every problem and its key path.
 */
import type { z } from 'zod';
import { TB200 } from './error-codes/project.ts';
import { ReportError } from './errors.ts';
import { problemsFromZod } from './zod-errors.ts';

/**
 * Parses settings with their schema or throws a ReportError.
 * @param schema The settings schema.
 * @param input The settings as written.
 * @param path The settings file, for messages.
 */
export function loadSiteConfig<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  path: string,
): z.infer<Schema> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new ReportError(problemsFromZod(result.error.issues, path, () => ({ line: 1, column: 1 }), TB200));
}
