/**
 * Splits a report into frontmatter and body and validates the frontmatter with
 * positions (Astro's own message points at the wrong place for YAML mistakes).
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { aliasIssue, MAX_ALIAS_COUNT, reservedKeys } from '../data/metadata.ts';
import type { Problem } from '../errors.ts';
import { bidiInYaml } from './bidi-fields.ts';
import { ReportFrontmatterSchema, type ReportFrontmatter } from '../report/frontmatter-schema.ts';
import { isRuleAcrossFields, problemsFromZod } from '../zod-errors.ts';

/** A report's parts: frontmatter (when valid) and the body with frontmatter blanked out, so positions stay true. */
export interface SplitReport {
  frontmatter?: ReportFrontmatter | undefined;
  /** The whole file with the frontmatter replaced by spaces (newlines kept). */
  body: string;
  problems: Problem[];
  /** Finds where a frontmatter key was written. */
  locate: (keys: readonly PropertyKey[], options?: { key?: boolean }) => { line: number; column: number };
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
    problems.push({ path, line: 1, column: 1, what: 'the report has no frontmatter', expected: 'a first line "---", then title, description and date, then "---"', received: JSON.stringify(text.split('\n')[0]!.slice(0, 40)), fix: 'Start the file with frontmatter: ---, title: …, description: …, date: YYYY-MM-DD, ---' });
    return { body: text, problems, locate: () => ({ line: 1, column: 1 }) };
  }
  const close = /\r?\n---[ \t]*(\r?\n|$)/.exec(text.slice(open[0].length - 1));
  if (!close) {
    problems.push({ path, line: 1, column: 1, what: 'the frontmatter is never closed', expected: 'a line "---" after the frontmatter', received: 'the end of the file', fix: 'Add a line with --- after the last frontmatter field' });
    return { body: text, problems, locate: () => ({ line: 1, column: 1 }) };
  }
  const yamlStart = open[0].length;
  const yamlEnd = open[0].length - 1 + close.index;
  const end = yamlEnd + close[0].length;
  const yamlText = text.slice(yamlStart, yamlEnd);
  const body = text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
  const lineOffset = text.slice(0, yamlStart).split('\n').length - 1;

  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const position = (offset: number) => {
    const place = lineCounter.linePos(offset);
    return { line: place.line + lineOffset, column: place.col };
  };
  const locate = (keys: readonly PropertyKey[], options: { key?: boolean } = {}) => position(nodeAt(document.contents, keys, options.key)?.range?.[0] ?? 0);
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      problems.push({
        path,
        ...position(error.pos[0]),
        what: `the frontmatter is not valid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '')}`,
        fix: 'Indent with spaces, and put text that contains ": " or starts with a quote inside double quotes',
      });
    }
    return { body, problems, locate };
  }
  const reserved = reservedKeys(document);
  if (reserved.length > 0) {
    problems.push(...reserved.map(({ offset, issue }) => ({ path, ...position(offset), ...issue })));
    return { body, problems, locate };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const alias = aliasIssue(error, document, 'the frontmatter');
    problems.push({ path, ...position(alias.offset), ...alias.issue });
    return { body, problems, locate };
  }
  const result = ReportFrontmatterSchema.safeParse(value ?? {}, { reportInput: true });
  if (!result.success) {
    problems.push(...problemsFromZod(result.error.issues, path, locate, (issue) => (!isRuleAcrossFields(issue) && (issue.path[0] === 'date' || issue.path[0] === 'updated') ? 'Write the date as YYYY-MM-DD, for example 2024-05-31' : undefined)));
    return { body, problems, locate };
  }
  // Titles and labels reach <title>, feeds and cards: the body's warning about direction overrides applies to them too.
  problems.push(...bidiInYaml(yamlText, path, lineOffset));
  return { frontmatter: result.data, body, problems, locate };
}

function nodeAt(root: unknown, keys: readonly PropertyKey[], wantKey = false): YamlNode | undefined {
  let node = root as YamlNode | undefined;
  for (const [index, key] of keys.entries()) {
    if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as YamlNode | undefined;
      if (!item) return node;
      node = item;
      continue;
    }
    if (!isMap(node)) return node;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
    if (!pair) return node;
    node = (wantKey && index === keys.length - 1 ? pair.key : (pair.value ?? pair.key)) as YamlNode;
  }
  return node;
}
