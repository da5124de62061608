/**
 * The optional `data/<name>.yml` beside a dataset: title, sources, licence,
 * notes and per-column label, type and unit. Validated strictly, with positions.
 */
import { z } from 'zod';
import { TB024, TB028 } from '../error-codes/csv.ts';
import type { Problem } from '../errors.ts';
import { parseYamlWithSchema } from '../yaml-with-positions.ts';
import type { Locate } from '../zod-errors.ts';
import { DATE_FORMATS } from './dates.ts';

/** Column types a dataset can declare (docs/authoring.md, "Datasets"). `fraction` means 0.024 is 2.4 %. */
const COLUMN_TYPES = ['year', 'category', 'number', 'percent', 'currency', 'fraction', 'date'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

const SourceSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, "_", "-" or "." only'),
  title: z.string().min(1),
  publisher: z.string().optional(),
  year: z.number().int().min(1800).max(2200).optional(),
  url: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// address' }).optional(),
});

const ColumnMetaSchema = z.strictObject({
  label: z.string().min(1).optional(),
  type: z.enum(COLUMN_TYPES).optional(),
  /** How a date column writes its dates (default for type date: YYYY-MM-DD). */
  format: z.enum(DATE_FORMATS).optional(),
  unit: z.string().min(1).max(12).optional(),
  description: z.string().optional(),
  range: z.strictObject({ low: z.string().min(1), high: z.string().min(1) }).optional(),
  /** Its values are parts of a whole and may be stacked (`stack=` on a chart). */
  additive: z.boolean().optional(),
});

const DatasetMetaSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().optional(),
  licence: z.string().optional(),
  notes: z.array(z.string()).optional(),
  sources: z.array(SourceSchema).default([]),
  delimiter: z.enum([',', ';', '\t']).optional(),
  /** For a query dataset: publish the files under data/raw/ it reads, beside its result. */
  publish_raw: z.boolean().optional(),
  columns: z.record(z.string(), ColumnMetaSchema).default({}),
});

export type DatasetMeta = z.infer<typeof DatasetMetaSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type ColumnMeta = z.infer<typeof ColumnMetaSchema>;

/** A parsed sidecar, plus a way to find where a key was written (for later checks). */
export interface ParsedMeta {
  meta?: DatasetMeta | undefined;
  problems: Problem[];
  locate: Locate;
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
  const parsed = parseYamlWithSchema(text, {
    path,
    schema: DatasetMetaSchema,
    subject: 'the sidecar',
    syntaxCode: TB024,
    schemaCode: TB028,
    empty: {},
  });
  if (parsed.value !== undefined) return { meta: parsed.value, problems: [], locate: parsed.locate };
  // A sidecar that reads but does not fit the schema still says which columns and sources it means.
  const misfit = parsed.problems.some((problem) => problem.code === 'TB028');
  return {
    problems: parsed.problems,
    locate: parsed.locate,
    ...(misfit ? { partial: salvage(parsed.unchecked) } : {}),
  };
}
