/**
 * Smallest and largest of many numbers, in a loop. `Math.min(...values)` passes
 * every value as an argument on the stack, which throws `RangeError: Maximum
 * call stack size exceeded` somewhere past 100,000 values: a whole column of a
 * large dataset. Anything that takes the extremes of data goes through here.
 */

/**
 * The smallest number, or `undefined` when there is none.
 * @param values The numbers.
 */
export function minOf(values: Iterable<number>): number | undefined {
  let least: number | undefined;
  for (const value of values) if (least === undefined || value < least) least = value;
  return least;
}

/**
 * The largest number, or `undefined` when there is none.
 * @param values The numbers.
 */
export function maxOf(values: Iterable<number>): number | undefined {
  let most: number | undefined;
  for (const value of values) if (most === undefined || value > most) most = value;
  return most;
}

/**
 * The smallest and largest numbers in one pass, or `undefined` when there are none.
 * @param values The numbers.
 */
export function extentOf(values: Iterable<number>): [number, number] | undefined {
  let extent: [number, number] | undefined;
  for (const value of values) {
    if (extent === undefined) extent = [value, value];
    else if (value < extent[0]) extent[0] = value;
    else if (value > extent[1]) extent[1] = value;
  }
  return extent;
}
