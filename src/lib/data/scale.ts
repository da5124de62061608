/**
 * Scale words (`k`, `M`, `million`, `bn` …): one table for claims in prose and
 * for a column's declared unit, so `2.1M`, `2.1 million` and a value of 2.1 in
 * a column declared in millions all mean 2,100,000.
 */

/** Every spelling of a scale Trendbook reads, with its factor. Cells read `k`, `m` and `b` the same way. */
export const SCALE_WORDS: Readonly<Record<string, number>> = Object.freeze({
  k: 1e3,
  K: 1e3,
  thousand: 1e3,
  thousands: 1e3,
  m: 1e6,
  M: 1e6,
  mn: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  B: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
});

/** The word printed after a scaled value: `2.1 million`. */
const SCALE_NAMES: Readonly<Record<number, string>> = Object.freeze({
  1e3: 'thousand',
  1e6: 'million',
  1e9: 'billion',
});

/**
 * The factor a scale word stands for, or undefined for any other text.
 * @param word The word as written (`M`, `million`, `Millions`).
 */
export function scaleOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  // Words in any case ("Million", "BN"); hasOwn, so "constructor" is no scale.
  for (const spelling of [word.trim(), word.trim().toLowerCase()]) {
    if (Object.hasOwn(SCALE_WORDS, spelling)) return SCALE_WORDS[spelling];
  }
  return undefined;
}

/**
 * How much a column's values are multiplied by: 1e6 for a column whose declared
 * unit is `million` (or `M`, `mn`, `millions`), else 1.
 * @param unit The column's unit.
 */
export function unitScale(unit: string | undefined): number {
  return scaleOf(unit) ?? 1;
}

/**
 * The word for a scale, for text a reader sees (`million`).
 * @param scale A factor from {@link SCALE_WORDS}.
 */
export function scaleName(scale: number): string | undefined {
  return SCALE_NAMES[scale];
}
