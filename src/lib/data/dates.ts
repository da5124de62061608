/**
 * Dates in data (A10 in tests/checklist/README.md). `2024-04-03` is read as it is; `03/04/2024`
 * is 3 April in most of the world and March 4 in the US, so a column of such
 * dates must declare its format in the sidecar. Values become ISO text
 * (`2024-04-03`), which sorts in time order and reads the same everywhere.
 * A column may also hold months (`2024-04`) or quarters (`2024-Q2`), which read
 * the same everywhere too; one column keeps to one of the three precisions.
 * No Node imports: this file ships to the browser (axis ticks, tooltips).
 */

/** Date formats a column can declare (`columns.<name>.format` in the sidecar). */
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** How precisely a date value names its time: a day, a month or a quarter. */
export type DatePrecision = 'day' | 'month' | 'quarter';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const ISO_QUARTER = /^(\d{4})-[Qq]([1-4])$/;
const DAY_MONTH = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})$/;

/** Is this text written like a date (ISO day, month or quarter, or a day with slashes or dots)? */
export function looksLikeDate(text: string): 'iso' | 'ambiguous' | undefined {
  const trimmed = text.trim();
  if (isoPrecision(trimmed) !== undefined) return 'iso';
  if (DAY_MONTH.test(trimmed)) return 'ambiguous';
  return undefined;
}

/**
 * The precision a cell is written at when it is written like an ISO date (`2024-04-03`,
 * `2024-04`, `2024-Q2` or `2024-q2`), whether or not it names a real day or month:
 * inference and error messages go by how the author wrote it.
 * @param text The cell as written.
 */
export function isoPrecision(text: string): DatePrecision | undefined {
  const trimmed = text.trim();
  if (ISO.test(trimmed)) return 'day';
  if (ISO_MONTH.test(trimmed)) return 'month';
  if (ISO_QUARTER.test(trimmed)) return 'quarter';
  return undefined;
}

/**
 * Reads a month (`2024-04`) or a quarter (`2024-Q2`, any case). They need no
 * declared format: written this way they cannot be misread.
 * @param text The cell.
 * @returns The stored value (`2024-04`, `2024-Q2`), or `undefined` when the text is not a real month or quarter.
 */
export function readPeriod(text: string): string | undefined {
  const trimmed = text.trim();
  const month = ISO_MONTH.exec(trimmed);
  if (month) {
    const number = Number(month[2]);
    return number >= 1 && number <= 12 ? `${month[1]}-${month[2]}` : undefined;
  }
  const quarter = ISO_QUARTER.exec(trimmed);
  return quarter ? `${quarter[1]}-Q${quarter[2]}` : undefined;
}

/**
 * The precision of a stored date value (`2024-04-03`, `2024-04` or `2024-Q2`).
 * @param value A date column's value.
 * @returns Its precision, or `undefined` for any other text.
 */
export function datePrecision(value: string): DatePrecision | undefined {
  return parseValue(value)?.precision;
}

/**
 * Reads a date written in `format`.
 * @param text The cell.
 * @param format The column's declared format.
 * @returns The ISO date, or `undefined` when the text is not a real date in that format.
 */
export function readDate(text: string, format: DateFormat): string | undefined {
  const trimmed = text.trim();
  let year: number;
  let month: number;
  let day: number;
  if (format === 'YYYY-MM-DD') {
    const match = ISO.exec(trimmed);
    if (!match) return undefined;
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    const match = DAY_MONTH.exec(trimmed);
    if (!match || match[2] !== format[2]) return undefined;
    const [first, second] = [Number(match[1]), Number(match[3])];
    [day, month] = format.startsWith('DD') ? [first, second] : [second, first];
    year = Number(match[4]);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The declared formats every one of these texts fits, to suggest the right one.
 * @param texts Non-empty cells of one column.
 */
export function fittingFormats(texts: readonly string[]): DateFormat[] {
  return DATE_FORMATS.filter((format) => texts.every((text) => readDate(text, format) !== undefined));
}

/** A stored value taken apart: the first day it names, and its precision. */
interface DateParts {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
  precision: DatePrecision;
}

/**
 * Takes a value apart: a real day, month or quarter only. Stored values are normalised
 * (`2024-Q1`); surrounding spaces and `2024-q1` are forgiven too, for dates an author
 * writes elsewhere (a chart annotation's `x`).
 */
function parseValue(text: string): DateParts | undefined {
  const value = text.trim();
  let match = ISO.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
    return { year, month, day, precision: 'day' };
  }
  match = ISO_MONTH.exec(value);
  if (match) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    return month >= 1 && month <= 12 ? { year, month, day: 1, precision: 'month' } : undefined;
  }
  match = ISO_QUARTER.exec(value);
  if (match) return { year: Number(match[1]), month: (Number(match[2]) - 1) * 3 + 1, day: 1, precision: 'quarter' };
  return undefined;
}

/** Milliseconds since 1970 at the start of a UTC day (`Date.UTC` would read years 0–99 as 1900–1999). */
function utc(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/**
 * Where a date starts on a continuous time line, in years: the year plus the
 * share of that year gone by at the start of the day, month or quarter (UTC).
 * Integer year columns use the year itself (2024 is the start of 2024), so
 * dates and years share one scale. `2024-07-01` and `2024-Q3` are both ≈ 2024.497.
 * @param value A stored date value (`2024-07-01`, `2024-07`, `2024-Q3`) or a year (`2024`).
 * @returns The position, or `NaN` for any other text.
 */
export function dateToYears(value: string): number {
  if (/^\d{4}$/.test(value.trim())) return Number(value);
  const parts = parseValue(value);
  if (!parts) return Number.NaN;
  const start = utc(parts.year, 1, 1);
  return parts.year + (utc(parts.year, parts.month, parts.day) - start) / (utc(parts.year + 1, 1, 1) - start);
}

/**
 * The UTC day at a position on the time line (the inverse of `dateToYears`), for tick labels.
 * A position inside a day gives that day.
 * @param position Years, as `dateToYears` gives them.
 * @returns The year, the month (1–12) and the day (1–31).
 */
export function yearsToDate(position: number): { year: number; month: number; day: number } {
  const year = Math.floor(position);
  const start = utc(year, 1, 1);
  // Rounded to the millisecond: a day's start times its year's length is a hair short of it in floating point.
  const date = new Date(start + Math.round((position - year) * (utc(year + 1, 1, 1) - start)));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter in UTC, the zone every stored date is read in, so no reader's zone moves a day. */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

/** Formats a UTC day at a precision: `Mar 1, 2024`, `Mar 2024`, `Q1 2024` in en-US. */
function formatParts(year: number, month: number, day: number, precision: DatePrecision, locale: string): string {
  const date = new Date(utc(year, month, day));
  switch (precision) {
    case 'day':
      return dateFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(date);
    case 'month':
      return dateFormat(locale, { year: 'numeric', month: 'short' }).format(date);
    case 'quarter':
      // Intl has no quarters: the year comes from Intl, so it reads as the locale writes years.
      return `Q${Math.floor((month - 1) / 3) + 1} ${dateFormat(locale, { year: 'numeric' }).format(date)}`;
  }
}

/**
 * Formats a stored date value for reading: `Mar 1, 2024`, `Mar 2024` or
 * `Q1 2024` in en-US; `1. März 2024`, `März 2024`, `Q1 2024` in de-DE.
 * @param value A stored date value (`2024-03-01`, `2024-03`, `2024-Q1`); any other text is returned as is.
 * @param locale BCP 47 locale.
 * @param precision Show the value at this precision (default: its own), so a day can read as its month or quarter.
 */
export function formatDate(value: string, locale: string, precision?: DatePrecision): string {
  const parts = parseValue(value);
  if (!parts) return value;
  return formatParts(parts.year, parts.month, parts.day, precision ?? parts.precision, locale);
}

/**
 * Labels a tick on a time axis: `2024`, `Q3 2024`, `Jul 2024` or `Jul 1, 2024` in en-US.
 * @param position Years, as `dateToYears` gives them.
 * @param unit The axis's tick spacing.
 * @param locale BCP 47 locale.
 */
export function formatTimeTick(position: number, unit: 'year' | 'quarter' | 'month' | 'day', locale: string): string {
  const { year, month, day } = yearsToDate(position);
  if (unit === 'year') return dateFormat(locale, { year: 'numeric' }).format(new Date(utc(year, 1, 1)));
  return formatParts(year, month, day, unit, locale);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
