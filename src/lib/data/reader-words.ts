/**
 * How readers see a dataset's values and sources, wherever they are named outside a table of the data itself
 * (chart labels, stat workings, key figures): a tier as its label, a date as the locale writes it, an id such as
 * `engagement_uplift` in words, a source as its publisher and year. Never a column id or a `col=value` filter.
 */
import type { CellValue, Column } from './columns.ts';
import { formatDate } from './dates.ts';
import type { Source } from './metadata.ts';

/** A category with a fixed label: the site's influencer tiers. */
export interface LabelledValue {
  id: string;
  label: string;
}

/** A lowercase id written with underscores (`engagement_uplift`), which no reader should have to decode. */
const SNAKE_ID = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;

/**
 * A value as readers see it: `micro` → "Micro" (a tier's label), `2024-03` → "Mar 2024",
 * `engagement_uplift` → "Engagement uplift"; anything else as written.
 * @param value The cell's value.
 * @param column Its column, for its type (dates).
 * @param labelled Values with fixed labels (the site's tiers).
 * @param locale BCP 47 locale for dates.
 */
export function valueWords(
  value: CellValue,
  column: Pick<Column, 'type'> | undefined,
  labelled: readonly LabelledValue[],
  locale: string,
): string {
  if (value === null) return '';
  const text = String(value);
  const fixed = labelled.find((entry) => entry.id === text);
  if (fixed) return fixed.label;
  if (column?.type === 'date') return formatDate(text, locale);
  if (SNAKE_ID.test(text)) {
    const spaced = text.replace(/_/g, ' ');
    return spaced.charAt(0).toUpperCase() + spaced.slice(1);
  }
  return text;
}

/**
 * How captions, credits and workings name a source: "Marketing Dive, 2016".
 * @param source A source of a dataset's sidecar.
 */
export function sourceName(source: Pick<Source, 'title' | 'publisher' | 'year'>): string {
  return [source.publisher ?? source.title, source.year].filter(Boolean).join(', ');
}
