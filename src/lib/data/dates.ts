/**
 * Dates in data (A10 in tests/checklist/README.md). `2024-04-03` is read as it is; `03/04/2024`
 * is 3 April in most of the world and March 4 in the US, so a column of such
 * dates must declare its format in the sidecar. Values become ISO text
 * (`2024-04-03`), which sorts in time order and reads the same everywhere.
 */

/** Date formats a column can declare (`columns.<name>.format` in the sidecar). */
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MONTH = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})$/;

/** Is this text written like a date (ISO, or with slashes or dots)? */
export function looksLikeDate(text: string): 'iso' | 'ambiguous' | undefined {
  const trimmed = text.trim();
  if (ISO.test(trimmed)) return 'iso';
  if (DAY_MONTH.test(trimmed)) return 'ambiguous';
  return undefined;
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

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
