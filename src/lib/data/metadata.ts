/**
 * The optional `data/<name>.yml` beside a dataset: title, sources, licence,
 * notes and per-column label, type and unit. Validated strictly, with positions.
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, visit, type Document, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type { Issue, Problem } from '../errors.ts';
import { problemsFromZod } from '../zod-errors.ts';
import { DATE_FORMATS } from './dates.ts';

/** Column types a dataset can declare (docs/authoring.md, "Datasets"). `fraction` means 0.024 is 2.4 %. */
const COLUMN_TYPES = ['year', 'category', 'number', 'percent', 'currency', 'fraction', 'date'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

const SourceSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, "_", "-" or "." only'),
  title: z.string().min(1),
  publisher: z.string().optional(),
  year: z.number().int().min(1800).max(2200).optional(),
  url: z
    .url({ protocol: /^https?$/, error: 'expected an http:// or https:// address' })
    .optional(),
});

const ColumnMetaSchema = z.strictObject({
  label: z.string().min(1).optional(),
  type: z.enum(COLUMN_TYPES).optional(),
  /** How a date column writes its dates (default for type date: YYYY-MM-DD). */
  format: z.enum(DATE_FORMATS).optional(),
  unit: z.string().min(1).max(12).optional(),
  description: z.string().optional(),
  range: z.strictObject({ low: z.string().min(1), high: z.string().min(1) }).optional(),
});

const DatasetMetaSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().optional(),
  licence: z.string().optional(),
  notes: z.array(z.string()).optional(),
  sources: z.array(SourceSchema).default([]),
  delimiter: z.enum([',', ';', '\t']).optional(),
  columns: z.record(z.string(), ColumnMetaSchema).default({}),
});

export type DatasetMeta = z.infer<typeof DatasetMetaSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type ColumnMeta = z.infer<typeof ColumnMetaSchema>;

/** A parsed sidecar, plus a way to find where a key was written (for later checks). */
export interface ParsedMeta {
  meta?: DatasetMeta | undefined;
  problems: Problem[];
  locate: (path: readonly PropertyKey[], options?: { key?: boolean }) => { line: number; column: number };
  /**
   * For a sidecar that failed validation, the parts that still hold, so the CSV
   * is checked against them too: every column key (with its settings where they
   * are valid), every source id, and a valid delimiter.
   */
  partial?: DatasetMeta | undefined;
}

/** The usable parts of a sidecar whose other parts are wrong (their problems are reported already). */
function salvage(value: unknown): DatasetMeta | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const columns: Record<string, ColumnMeta> = Object.create(null) as Record<string, ColumnMeta>;
  if (typeof record.columns === 'object' && record.columns !== null && !Array.isArray(record.columns)) {
    for (const [name, settings] of Object.entries(record.columns)) {
      const parsed = ColumnMetaSchema.safeParse(settings ?? {});
      columns[name] = parsed.success ? parsed.data : {};
    }
  }
  const sources = (Array.isArray(record.sources) ? record.sources : []).flatMap((source: unknown) => {
    const id = typeof source === 'object' && source !== null ? (source as Record<string, unknown>).id : undefined;
    return typeof id === 'string' ? [{ id, title: id }] : [];
  });
  const delimiter = DatasetMetaSchema.shape.delimiter.safeParse(record.delimiter);
  return {
    title: typeof record.title === 'string' && record.title !== '' ? record.title : 'untitled',
    sources,
    columns,
    ...(delimiter.success && delimiter.data !== undefined ? { delimiter: delimiter.data } : {}),
  };
}

/**
 * Parses and validates a dataset's YAML sidecar.
 * @param text The file's text.
 * @param path Path relative to the project root.
 */
export function parseDatasetMeta(text: string, path: string): ParsedMeta {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locate = (keyPath: readonly PropertyKey[], options: { key?: boolean } = {}) => {
    const node = nodeAt(document.contents, keyPath, options.key);
    const offset = node?.range?.[0] ?? 0;
    const position = lineCounter.linePos(offset);
    return { line: position.line, column: position.col };
  };
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        return {
          path,
          line: position.line,
          column: position.col,
          what: `the YAML cannot be read: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '')}`,
          fix: 'Fix the YAML syntax (indent with spaces, quote text that contains ": ")',
        };
      }),
      locate,
    };
  }
  const reserved = reservedKeys(document);
  if (reserved.length > 0) {
    return {
      problems: reserved.map(({ offset, issue }) => {
        const position = lineCounter.linePos(offset);
        return { path, line: position.line, column: position.col, ...issue };
      }),
      locate,
    };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const alias = aliasIssue(error, document, 'the sidecar');
    const position = lineCounter.linePos(alias.offset);
    return { problems: [{ path, line: position.line, column: position.col, ...alias.issue }], locate };
  }
  const result = DatasetMetaSchema.safeParse(value ?? {}, { reportInput: true });
  if (!result.success) return { problems: problemsFromZod(result.error.issues, path, locate), locate, partial: salvage(value) };
  return { meta: result.data, problems: [], locate };
}

/**
 * Finds keys that name object internals (`__proto__`, `constructor`, `prototype`) at any depth:
 * schema checks drop them silently inside free-form maps such as `columns` (B6 in tests/checklist/README.md).
 * @param document The parsed YAML.
 */
export function reservedKeys(document: Document.Parsed): { offset: number; issue: Issue }[] {
  const found: { offset: number; issue: Issue }[] = [];
  visit(document, {
    Pair(_key, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
        found.push({
          offset: (pair.key as YamlNode).range?.[0] ?? 0,
          issue: { what: `unknown key ${JSON.stringify(key)}`, expected: 'only the documented keys', received: JSON.stringify(key), fix: 'Remove the key or correct its spelling (docs/authoring.md lists the allowed keys)' },
        });
      }
      return undefined;
    },
  });
  return found;
}

/** How many values YAML aliases may copy in one file: enough for any real sidecar or frontmatter, far below a "billion laughs". */
export const MAX_ALIAS_COUNT = 100;

/**
 * Turns what yaml's `toJS` throws for aliases into an issue at the alias: yaml throws
 * instead of reporting an alias bomb or an alias before its anchor (B6 in tests/checklist/README.md).
 * Rethrows anything else.
 * @param error What `toJS` threw.
 * @param document The parsed document.
 * @param subject What the YAML is, for the message (`the frontmatter`, `the sidecar`).
 */
export function aliasIssue(error: unknown, document: Document.Parsed, subject: string): { offset: number; issue: Issue } {
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
  if (unresolved !== undefined) {
    return {
      offset,
      issue: { what: `${subject} uses the alias *${unresolved} before its anchor &${unresolved}`, expected: `&${unresolved} on an earlier value`, received: `*${unresolved} without it`, fix: `Put &${unresolved} on the value to repeat, above *${unresolved}, or write the value out` },
    };
  }
  return {
    offset,
    issue: {
      what: `${subject} uses too many YAML aliases (*name)`,
      expected: `at most ${MAX_ALIAS_COUNT} values copied by aliases`,
      received: 'aliases of aliases that multiply the values at every level',
      fix: 'Write the values out instead of repeating them with &anchors and *aliases',
    },
  };
}

/** The YAML node at a key path (the deepest one that exists), for positions in messages. */
export function nodeAt(root: unknown, keyPath: readonly PropertyKey[], wantKey = false): YamlNode | undefined {
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
