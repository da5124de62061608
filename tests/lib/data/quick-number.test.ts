/**
 * `readCell` works out the common spellings of a number (`12,345`, `2.37`, `31.5%`,
 * `$1,200.50`) in one pass over the characters instead of handing a cleaned-up
 * copy of the text to `Number()`. Its value must be the very same number, to the
 * last bit, for every length of integer and decimal part it accepts.
 */
import { describe, expect, it } from 'vitest';
import { readCell } from '../../../src/lib/data/values.ts';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * below);
  };
}

function digits(next: (below: number) => number, count: number): string {
  let text = '';
  for (let index = 0; index < count; index++) text += String(next(10));
  return text;
}

describe('numbers read in one pass', () => {
  it('are the numbers Number() reads, for 200,000 random spellings of up to 15 digits', () => {
    const next = random(19);
    for (let round = 0; round < 200_000; round++) {
      const whole = 1 + next(15);
      const decimals = next(16 - whole);
      const integer = digits(next, whole);
      const fraction = digits(next, decimals);
      const plain = decimals === 0 ? integer : `${integer}.${fraction}`;
      const expected = Number(plain);
      const reading = readCell(plain);
      expect(reading, plain).toEqual({
        kind: 'number',
        value: expected,
        percent: false,
        currency: undefined,
        decimals,
      });
      expect(Object.is((reading as { value: number }).value, expected), plain).toBe(true);
      // Thousands separators, a percent sign and a dollar sign change nothing in the value.
      if (integer.length > 3 && integer[0] !== '0') {
        const grouped = integer.replace(/\B(?=(\d{3})+$)/g, ',');
        const spelled = decimals === 0 ? grouped : `${grouped}.${fraction}`;
        expect(readCell(`${spelled}%`), spelled).toMatchObject({ value: expected, percent: true });
        expect(readCell(`$${spelled}`), spelled).toMatchObject({ value: expected, currency: 'USD' });
      }
    }
  });

  it('reads the edges exactly: zeros, 15 digits, and the smallest and largest decimals', () => {
    for (const text of ['0', '0.0', '000', '0.000000000000001', '999999999999999', '99999999999999.9', '0.1', '0.3']) {
      expect(readCell(text), text).toMatchObject({ kind: 'number', value: Number(text) });
    }
  });
});
