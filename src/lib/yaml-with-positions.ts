/**
 * Reads a YAML file (a dataset sidecar, a report's frontmatter, the named
 * views) strictly and with positions: syntax errors, keys that name object
 * internals and alias bombs are problems at their line, and the value is
 * checked against a zod schema whose problems point at the key concerned.
 */
import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { TB025, TB026, TB027 } from './error-codes/csv.ts';
import type { ErrorKind } from './error-codes/define.ts';
import { issue, problem } from './error-codes/define.ts';
import type { Issue, Problem } from './errors.ts';
import { type Locate, problemsFromZod, type SchemaCode } from './zod-errors.ts';

/** How many values YAML aliases may copy in one file: enough for any real sidecar or frontmatter, far below a "billion laughs". */
const MAX_ALIAS_COUNT = 100;

/** What `parseYamlWithSchema` needs to know about the file. */
export interface YamlWithSchemaOptions<Schema extends z.ZodType> {
  /** Path relative to the project root, for problems. */
  path: string;
  /** The schema the value must fit. */
  schema: Schema;
  /** What the YAML is, for alias messages (`the sidecar`, `the frontmatter`, `the views file`). */
  subject: string;
  /** The code of a syntax error: TB024 for a YAML file, TB152 for frontmatter. */
  syntaxCode: ErrorKind<{ detail: string }>;
  /** The code of the schema's problems (see `problemsFromZod`). */
  schemaCode: SchemaCode;
  /** The value of an empty document (`{}` for a mapping, `[]` for a list). */
  empty: unknown;
  /** Lines before the YAML in its file (frontmatter starts after the first `---`). Default 0. */
  lineOffset?: number | undefined;
  /** Advice per schema issue; a generic sentence otherwise. */
  fixFor?: ((issue: z.core.$ZodIssue) => string | undefined) | undefined;
}

/** A YAML file read against its schema. */
export interface YamlWithSchema<T> {
  /** The value, when the file reads and fits the schema. */
  value?: T | undefined;
  /** The plain value of a file that reads but does not fit the schema, for callers that salvage what still holds. */
  unchecked?: unknown;
  problems: Problem[];
  /** Finds where a key path was written (the deepest part that exists). */
  locate: Locate;
}

/**
 * Parses YAML with line/column positions and validates it with a zod schema.
 * The first stage with problems ends the reading: syntax, reserved keys, aliases, then the schema.
 * @param text The YAML text.
 * @param options The file's path and schema, and the codes of its problems.
 */
export function parseYamlWithSchema<Schema extends z.ZodType>(
  text: string,
  options: YamlWithSchemaOptions<Schema>,
): YamlWithSchema<z.infer<Schema>> {
  const { path, lineOffset = 0 } = options;
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => {
    const place = lineCounter.linePos(offset);
    return { line: place.line + lineOffset, column: place.col };
  };
  const locate: Locate = (keyPath, locateOptions = {}) =>
    position(nodeAt(document.contents, keyPath, locateOptions.key)?.range?.[0] ?? 0);
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const detail = error.message
        .split('\n')[0]!
        .replace(/ at line \d+, column \d+:?$/, '')
        .replace(/\.$/, '');
      return problem(options.syntaxCode, { detail }, { path, ...position(error.pos[0]) });
    });
    return { problems, locate };
  }
  const reserved = reservedKeys(document);
  if (reserved.length > 0) {
    return { problems: reserved.map(({ offset, issue: found }) => ({ path, ...position(offset), ...found })), locate };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const alias = aliasIssue(error, document, options.subject);
    return { problems: [{ path, ...position(alias.offset), ...alias.issue }], locate };
  }
  const result = options.schema.safeParse(value ?? options.empty, { reportInput: true });
  if (!result.success) {
    return {
      problems: problemsFromZod(result.error.issues, path, locate, options.schemaCode, options.fixFor),
      unchecked: value,
      locate,
    };
  }
  return { value: result.data as z.infer<Schema>, problems: [], locate };
}

/**
 * Finds keys that name object internals (`__proto__`, `constructor`, `prototype`) at any depth:
 * schema checks drop them silently inside free-form maps such as `columns` (B6 in tests/checklist/README.md).
 * @param document The parsed YAML.
 */
function reservedKeys(document: Document.Parsed): { offset: number; issue: Issue }[] {
  const found: { offset: number; issue: Issue }[] = [];
  visit(document, {
    Pair(_key, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
        found.push({ offset: (pair.key as YamlNode).range?.[0] ?? 0, issue: issue(TB025, { key }) });
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Turns what yaml's `toJS` throws for aliases into an issue at the alias: yaml throws
 * instead of reporting an alias bomb or an alias before its anchor (B6 in tests/checklist/README.md).
 * Rethrows anything else.
 * @param error What `toJS` threw.
 * @param document The parsed document.
 * @param subject What the YAML is, for the message (`the frontmatter`, `the sidecar`).
 */
function aliasIssue(error: unknown, document: Document.Parsed, subject: string): { offset: number; issue: Issue } {
  if (!(error instanceof ReferenceError)) throw error;
  const unresolved = /^Unresolved alias.*: (.+)$/.exec(error.message)?.[1];
  let offset = 0;
  visit(document, {
    Alias(_key, node) {
      if (unresolved !== undefined && node.source !== unresolved) return undefined;
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  if (unresolved !== undefined) return { offset, issue: issue(TB026, { subject, name: unresolved }) };
  return { offset, issue: issue(TB027, { subject, limit: MAX_ALIAS_COUNT }) };
}

/**
 * The YAML node at a key path (the deepest one that exists), for positions in messages.
 * @param root The document's contents.
 * @param keyPath Keys and list indexes from the root.
 * @param wantKey Whether to return the last key itself rather than its value.
 */
function nodeAt(root: unknown, keyPath: readonly PropertyKey[], wantKey = false): YamlNode | undefined {
  let node = root as YamlNode | undefined;
  for (const [index, key] of keyPath.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) return node;
      node = (wantKey && index === keyPath.length - 1 ? pair.key : (pair.value ?? pair.key)) as YamlNode;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as YamlNode | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}
