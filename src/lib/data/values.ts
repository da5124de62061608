/**
 * Reads one cell the way a spreadsheet user wrote it: `12,400`, `31.5%`,
 * `$1,200`, `3.3k`, `(123)`. Everything here is pure and runs in the browser too.
 */

/** Cell texts that mean "no value" (DESIGN.md, "Values in data"). Drawn as gaps, counted in the summary. */
export const MISSING_MARKERS = ['', 'NA', 'N/A', '#N/A', 'NaN', '-', '—', '–'] as const;

/** Spreadsheet error values, English and other locales; always an error in a number column. */
const SPREADSHEET_ERROR = /^#(DIV\/0!|VALUE!|VALOR!|WERT!|REF!|BEZUG!|NAME\?|NOMBRE\?|NUM!|NULL!|N\/A|SPILL!|CALC!|ZAHL!)$/i;

const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };

const MAGNITUDES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

/** Longest symbol first, so "US$" wins over "$". */
const SYMBOLS = Object.entries(CURRENCY_SYMBOLS).sort((a, b) => b[0].length - a[0].length);

/** A plain number: digits with optional thousands groups, decimals and exponent. */
const NUMBER_PATTERNS = {
  point: /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/,
  comma: /^(\d{1,3}(?:\.\d{3})+|\d+)?(?:,(\d+))?(?:[eE]([+-]?\d+))?$/,
};
const CURRENCY_HINT = /[$€£¥₹]/;
const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;

/** What a cell says about its kind, before the column's type is known. */
export type CellReading =
  | { kind: 'missing' }
  | { kind: 'number'; value: number; percent: boolean; currency?: string | undefined; decimals: number }
  | { kind: 'spreadsheet-error'; text: string }
  /** Written as a number, but not storable exactly (`1e400`, `9007199254740993`). */
  | { kind: 'unrepresentable'; text: string }
  | { kind: 'text'; text: string };

/** Is this cell one of the missing-value markers? */
export function isMissing(text: string): boolean {
  return (MISSING_MARKERS as readonly string[]).includes(text.trim());
}

/**
 * Reads a cell.
 * @param text The cell as written.
 * @param decimalComma Whether `,` is the decimal mark (semicolon-delimited European exports) (default: `false`).
 */
export function readCell(text: string, decimalComma = false): CellReading {
  const trimmed = text.trim();
  // Spreadsheets print a missing percentage as NaN%.
  if (isMissing(trimmed) || (trimmed.endsWith('%') && isMissing(trimmed.slice(0, -1).trim()) && trimmed !== '%')) return { kind: 'missing' };
  if (SPREADSHEET_ERROR.test(trimmed)) return { kind: 'spreadsheet-error', text: trimmed };
  const number = readNumber(trimmed, decimalComma);
  return number ?? { kind: 'text', text };
}

function readNumber(text: string, decimalComma: boolean): CellReading | undefined {
  if (!/\d/.test(text)) return undefined;
  if (!decimalComma && PLAIN_DECIMAL.test(text) && text.length < 16) {
    const dot = text.indexOf('.');
    return { kind: 'number', value: Number(text), percent: false, currency: undefined, decimals: dot === -1 ? 0 : text.length - dot - 1 };
  }
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
  const decimals = magnitude === 1 && match[3] === undefined ? (match[2]?.length ?? 0) : decimalsOfValue(value);
  return { kind: 'number', value, percent, currency, decimals };
}

function decimalsOfValue(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot === -1 || text.includes('e') ? 0 : text.length - dot - 1;
}
