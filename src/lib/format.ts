/**
 * Formats values by column type with Intl.NumberFormat. Shared by the build
 * (tables, alt text, stats) and the browser (ticks, tooltips), so a value reads
 * the same everywhere. No imports: this file ships to the browser.
 */

/** What a formatter needs to know about a column. */
export interface ValueFormat {
  type: 'year' | 'category' | 'number' | 'percent' | 'currency' | 'fraction' | 'date';
  unit?: string | undefined;
  /** Decimals to show at most (default: the data's own). */
  decimals: number;
}

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/**
 * Formats a value for reading: `2.4%`, `$1,200`, `12,400`, `6.7×`.
 * @param value The value (`null` is a gap, shown as "no data").
 * @param format The column's type, unit and decimals.
 * @param locale BCP 47 locale (default: `en-US`).
 * @param compact Shorten large numbers for axis ticks (`$10K`) (default: `false`).
 */
export function formatValue(
  value: number | string | null,
  format: ValueFormat,
  locale = 'en-US',
  compact = false,
): string {
  if (value === null) return 'no data';
  if (typeof value === 'string') return value;
  const decimals = Math.min(Math.max(format.decimals, 0), 10);
  // Never more decimals than the data was written with, and no padding: 4% stays 4%, not 4.00%.
  const digits = { minimumFractionDigits: 0, maximumFractionDigits: decimals };
  switch (format.type) {
    case 'year':
      return String(value);
    case 'percent':
      return numberFormat(locale, { style: 'percent', ...digits }).format(value / 100);
    case 'fraction':
      return numberFormat(locale, { style: 'percent', ...digits }).format(value);
    case 'currency':
      return numberFormat(locale, {
        style: 'currency',
        currency: format.unit ?? 'USD',
        ...(compact && Math.abs(value) >= 1000
          ? { notation: 'compact', maximumFractionDigits: 1 }
          : // An amount with cents shows all of them (€223.30 beside €331.12); a whole amount stays whole (€41).
            Number.isInteger(value)
            ? digits
            : { minimumFractionDigits: decimals, maximumFractionDigits: decimals }),
      }).format(value);
    default: {
      const text = numberFormat(
        locale,
        compact && Math.abs(value) >= 10000 ? { notation: 'compact', maximumFractionDigits: 1 } : digits,
      ).format(value);
      return format.unit === '×' || format.unit === 'x' ? `${text}×` : text;
    }
  }
}

/** An axis title with its unit: `Engagement rate (%)`, `Cost per post (USD)`. */
export function axisTitle(label: string, format: ValueFormat): string {
  const unit = format.type === 'fraction' ? '%' : format.unit;
  if (
    !unit ||
    format.type === 'year' ||
    format.type === 'category' ||
    format.type === 'date' ||
    label.includes(`(${unit})`)
  )
    return label;
  return `${label} (${unit})`;
}
