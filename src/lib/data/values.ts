/**
 * Reads one cell the way a spreadsheet user wrote it: `12,400`, `31.5%`,
 * `$1,200`, `3.3k`, `(123)`. Everything here is pure and runs in the browser too.
 */

/** Cell texts that mean "no value" (docs/authoring.md, "Datasets"). Drawn as gaps, counted in the summary. */
export const MISSING_MARKERS = ['', 'NA', 'N/A', '#N/A', 'NaN', '-', '—', '–'] as const;

/** Spreadsheet error values, English and other locales; always an error in a number column. */
const SPREADSHEET_ERROR =
  /^#(DIV\/0!|VALUE!|VALOR!|WERT!|REF!|BEZUG!|NAME\?|NOMBRE\?|NUM!|NULL!|N\/A|SPILL!|CALC!|ZAHL!)$/i;

const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
};

const MAGNITUDES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

/** Longest symbol first, so "US$" wins over "$". */
const SYMBOLS = Object.entries(CURRENCY_SYMBOLS).sort((a, b) => b[0].length - a[0].length);

/** A plain number: digits with optional thousands groups, decimals and exponent. */
const NUMBER_PATTERNS = {
  point: /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/,
  comma: /^(\d{1,3}(?:\.\d{3})+|\d+)?(?:,(\d+))?(?:[eE]([+-]?\d+))?$/,
};
const CURRENCY_HINT = /[$€£¥₹]/;

/** What a cell says about its kind, before the column's type is known. */
export type CellReading =
  | { kind: 'missing' }
  | { kind: 'number'; value: number; percent: boolean; currency?: string | undefined; decimals: number }
  | { kind: 'spreadsheet-error'; text: string }
  /** Written as a number, but not storable exactly (`1e400`, `9007199254740993`). */
  | { kind: 'unrepresentable'; text: string }
  | { kind: 'text'; text: string };

const MISSING = new Set<string>(MISSING_MARKERS);

/** Is this cell one of the missing-value markers? */
export function isMissing(text: string): boolean {
  return MISSING.has(text.trim());
}

/**
 * Reads a cell.
 * @param text The cell as written.
 * @param decimalComma Whether `,` is the decimal mark (semicolon-delimited European exports) (default: `false`).
 */
export function readCell(text: string, decimalComma = false): CellReading {
  const quick = decimalComma ? undefined : quickNumber(text);
  if (quick) return quick;
  const trimmed = text.trim();
  // Spreadsheets print a missing percentage as NaN%.
  if (isMissing(trimmed) || (trimmed.endsWith('%') && isMissing(trimmed.slice(0, -1).trim()) && trimmed !== '%'))
    return { kind: 'missing' };
  if (SPREADSHEET_ERROR.test(trimmed)) return { kind: 'spreadsheet-error', text: trimmed };
  const number = readNumber(trimmed, decimalComma);
  return number ?? { kind: 'text', text };
}

function readNumber(text: string, decimalComma: boolean): CellReading | undefined {
  // Fast exit for words ("micro", "Region 3, North"): a number starts with a digit, a sign, a bracket, a dot or a currency symbol ("US$" aside).
  const first = text.charCodeAt(0);
  if (((first >= 65 && first <= 90) || (first >= 97 && first <= 122)) && !text.startsWith('US$')) return undefined;
  if (!/\d/.test(text)) return undefined;
  // Non-breaking and narrow spaces are thousands separators in some locales.
  let rest = /[\u00a0\u202f]/.test(text) ? text.replace(/[\u00a0\u202f]/g, '') : text;
  let negative = false;
  if (/^\(.*\)$/.test(rest)) {
    negative = true;
    rest = rest.slice(1, -1).trim();
  }
  if (rest.startsWith('-') || rest.startsWith('−')) {
    // "(-5)" says minus twice: a typo, not +5.
    if (negative) return undefined;
    negative = true;
    rest = rest.slice(1).trim();
  } else if (rest.startsWith('+')) {
    rest = rest.slice(1).trim();
  }
  let currency: string | undefined;
  for (const [symbol, code] of CURRENCY_HINT.test(rest) ? SYMBOLS : []) {
    if (rest.startsWith(symbol)) {
      currency = code;
      rest = rest.slice(symbol.length).trim();
      break;
    }
    if (rest.endsWith(symbol)) {
      currency = code;
      rest = rest.slice(0, -symbol.length).trim();
      break;
    }
  }
  if (rest.startsWith('-') && !negative) {
    negative = true;
    rest = rest.slice(1).trim();
  }
  let percent = false;
  if (rest.endsWith('%')) {
    percent = true;
    rest = rest.slice(0, -1).trim();
  }
  let magnitude = 1;
  const suffix = /[kKmMbB]$/.test(rest) ? /^(.*\d)\s*([kKmMbB])$/.exec(rest) : null;
  if (suffix && !percent) {
    magnitude = MAGNITUDES[suffix[2]!.toLowerCase()]!;
    rest = suffix[1]!;
  }
  const thousands = decimalComma ? '.' : ',';
  const match = (decimalComma ? NUMBER_PATTERNS.comma : NUMBER_PATTERNS.point).exec(rest);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const integerPart = (match[1] ?? '0').split(thousands).join('');
  const normalised = `${integerPart}${match[2] === undefined ? '' : `.${match[2]}`}${match[3] === undefined ? '' : `e${match[3]}`}`;
  let value = Number(normalised) * magnitude;
  if (magnitude !== 1) value = Number(value.toPrecision(15));
  if (negative) value = -value;
  if (!Number.isFinite(value)) return { kind: 'unrepresentable', text };
  if (match[2] === undefined && match[3] === undefined && magnitude === 1 && !Number.isSafeInteger(Math.abs(value))) {
    return { kind: 'unrepresentable', text };
  }
  if (magnitude === 1 && losesDigits(`${integerPart}${match[2] ?? ''}`, value))
    return { kind: 'unrepresentable', text };
  const decimals = magnitude === 1 && match[3] === undefined ? (match[2]?.length ?? 0) : decimalsOfValue(value);
  return { kind: 'number', value, percent, currency, decimals };
}

/**
 * Whether storing the written digits as a number changes them: more than 15
 * significant digits that the number cannot hold (`0.12345678901234567890`,
 * `9007199254740993.0`), or a non-zero value too small to store (`1e-400`).
 */
function losesDigits(digits: string, value: number): boolean {
  const significant = digits.replace(/^0+/, '').replace(/0+$/, '');
  if (significant === '') return false;
  if (value === 0) return true;
  if (significant.length <= 15) return false;
  const stored = Math.abs(value)
    .toPrecision(Math.min(significant.length, 100))
    .replace(/e.*$/, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return stored !== significant;
}

function decimalsOfValue(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot === -1 || text.includes('e') ? 0 : text.length - dot - 1;
}

/** 10⁰ to 10¹⁵, each stored exactly. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, power) => 10 ** power);

/**
 * The common spellings, read with one pass over the characters instead of the
 * general rules below: `1234`, `12,345`, `2.37`, `31.5%`, `$1,200`, `$12.50`.
 * Anything else (signs, brackets, suffixes, other symbols, more than 15
 * digits) returns undefined and takes the general path.
 *
 * The value is worked out in the same pass: with at most 15 digits, the digits
 * as a whole number and the power of ten that places the decimal point are both
 * stored exactly, so their quotient is rounded once, to the very number
 * `Number()` reads from the text (tests/lib/data/quick-number.test.ts).
 */
function quickNumber(text: string): CellReading | undefined {
  const length = text.length;
  let index = 0;
  let currency: string | undefined;
  if (text.charCodeAt(0) === 36 /* $ */) {
    currency = 'USD';
    index = 1;
  }
  const start = index;
  let digits = 0;
  let group = 0;
  let commas = false;
  let whole = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) {
      whole = whole * 10 + (code - 48);
      digits++;
      group++;
    } else if (code === 44 /* , */) {
      // Thousands groups: 1 to 3 digits first, then exactly 3 after every comma.
      if (commas ? group !== 3 : group < 1 || group > 3) return undefined;
      commas = true;
      group = 0;
    } else break;
    index++;
  }
  if (digits === 0 || (commas && group !== 3)) return undefined;
  const integerEnd = index;
  let decimals = 0;
  if (text.charCodeAt(index) === 46 /* . */) {
    index++;
    while (index < length && text.charCodeAt(index) >= 48 && text.charCodeAt(index) <= 57) {
      whole = whole * 10 + (text.charCodeAt(index) - 48);
      decimals++;
      index++;
    }
    if (decimals === 0) return undefined;
  }
  let percent = false;
  if (index < length && text.charCodeAt(index) === 37 /* % */ && currency === undefined) {
    percent = true;
    index++;
  }
  if (index !== length || digits + decimals > 15) return undefined;
  const value = decimals === 0 ? whole : whole / POWERS_OF_TEN[decimals]!;
  return integerEnd > start ? { kind: 'number', value, percent, currency, decimals } : undefined;
}
