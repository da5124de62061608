/**
 * Splits a report into frontmatter and body and validates the frontmatter with
 * positions (Astro's own message points at the wrong place for YAML mistakes).
 */
import { problem } from '../error-codes/define.ts';
import { TB150, TB151, TB152, TB153 } from '../error-codes/reports.ts';
import type { Problem } from '../errors.ts';
import { type ReportFrontmatter, ReportFrontmatterSchema } from '../report/frontmatter-schema.ts';
import { parseYamlWithSchema } from '../yaml-with-positions.ts';
import { isRuleAcrossFields, type Locate } from '../zod-errors.ts';
import { bidiInYaml } from './bidi-fields.ts';

/** A report's parts: frontmatter (when valid) and the body with frontmatter blanked out, so positions stay true. */
export interface SplitReport {
  frontmatter?: ReportFrontmatter | undefined;
  /** The whole file with the frontmatter replaced by spaces (newlines kept). */
  body: string;
  problems: Problem[];
  /** Finds where a frontmatter key was written. */
  locate: Locate;
}

/**
 * Reads a report's frontmatter.
 * @param text The Markdown file.
 * @param path Path relative to the project root.
 */
export function splitReport(text: string, path: string): SplitReport {
  const problems: Problem[] = [];
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) {
    problems.push(problem(TB150, { firstLine: text.split('\n')[0]!.slice(0, 40) }, { path, line: 1, column: 1 }));
    return { body: text, problems, locate: () => ({ line: 1, column: 1 }) };
  }
  const close = /\r?\n---[ \t]*(\r?\n|$)/.exec(text.slice(open[0].length - 1));
  if (!close) {
    problems.push(problem(TB151, {}, { path, line: 1, column: 1 }));
    return { body: text, problems, locate: () => ({ line: 1, column: 1 }) };
  }
  const yamlStart = open[0].length;
  const yamlEnd = open[0].length - 1 + close.index;
  const end = yamlEnd + close[0].length;
  const yamlText = text.slice(yamlStart, yamlEnd);
  const body = text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
  const lineOffset = text.slice(0, yamlStart).split('\n').length - 1;

  const parsed = parseYamlWithSchema(yamlText, {
    path,
    schema: ReportFrontmatterSchema,
    subject: 'the frontmatter',
    syntaxCode: TB152,
    schemaCode: TB153,
    empty: {},
    lineOffset,
    fixFor: (issue) =>
      !isRuleAcrossFields(issue) && (issue.path[0] === 'date' || issue.path[0] === 'updated')
        ? 'Write the date as YYYY-MM-DD, for example 2024-05-31'
        : undefined,
  });
  const { locate } = parsed;
  if (parsed.value === undefined) {
    problems.push(...parsed.problems);
    return { body, problems, locate };
  }
  // Titles and labels reach <title>, feeds and cards: the body's warning about direction overrides applies to them too.
  problems.push(...bidiInYaml(yamlText, path, lineOffset));
  return { frontmatter: parsed.value, body, problems, locate };
}
