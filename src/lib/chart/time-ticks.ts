/**
 * Ticks of a time axis: whole years, quarters or months, as many as fit the axis's width, so a time line
 * is labelled at calendar steps and not at chart.js's round numbers of years (2016.5). Browser-safe.
 */
import { dateToYears, formatTimeTick } from '../data/dates.ts';

/** The ticks of one axis: positions in years, and how each is labelled. */
export interface TimeTicks {
  unit: 'year' | 'quarter' | 'month';
  values: number[];
}

const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000];
const MONTH_STEPS = [1, 2, 3, 6];

/**
 * Picks calendar ticks between two positions.
 * @param min The first position, in years.
 * @param max The last position, in years.
 * @param room How many labels fit side by side.
 * @param dated Whether the axis holds dates (else whole years only).
 * @param quarterly Whether the dates are quarters (labelled `Q1 2024` rather than `Jan 2024`).
 */
export function timeTicks(min: number, max: number, room: number, dated: boolean, quarterly = false): TimeTicks {
  const fits = (count: number) => count <= Math.max(2, room);
  const startMonth = monthIndex(min, 'up');
  const endMonth = monthIndex(max, 'down');
  if (dated && max - min < room) {
    for (const step of quarterly ? [3, 6] : MONTH_STEPS) {
      const first = Math.ceil(startMonth / step) * step;
      const count = first > endMonth ? 0 : Math.floor((endMonth - first) / step) + 1;
      if (count >= 2 && fits(count)) {
        const values: number[] = [];
        for (let month = first; month <= endMonth; month += step) values.push(positionOfMonth(month));
        return { unit: quarterly ? 'quarter' : 'month', values };
      }
    }
  }
  const firstYear = Math.ceil(min - 1e-9);
  const lastYear = Math.floor(max + 1e-9);
  const step =
    YEAR_STEPS.find((candidate) => fits(Math.floor(lastYear / candidate) - Math.ceil(firstYear / candidate) + 1)) ??
    YEAR_STEPS.at(-1)!;
  const values: number[] = [];
  for (let year = Math.ceil(firstYear / step) * step; year <= lastYear; year += step) values.push(year);
  // A span inside one year still gets its year as a label.
  if (values.length === 0) values.push(Math.floor(min));
  return { unit: 'year', values };
}

/**
 * Labels a tick.
 * @param value Position in years.
 * @param unit The axis's tick unit.
 * @param locale BCP 47 locale.
 */
export function timeTickLabel(value: number, unit: TimeTicks['unit'], locale: string): string {
  // Years are written without grouping (2024, not 2,024), as the locale writes a year.
  return formatTimeTick(value, unit, locale);
}

/** Months since year 0 of a position, rounded up or down to a whole month. */
function monthIndex(position: number, direction: 'up' | 'down'): number {
  const year = Math.floor(position);
  for (let month = 0; month < 12; month++) {
    const at = positionOfMonth(year * 12 + month);
    const next = positionOfMonth(year * 12 + month + 1);
    if (direction === 'up' && at >= position - 1e-9) return year * 12 + month;
    if (direction === 'down' && next > position + 1e-9) return year * 12 + month;
  }
  return direction === 'up' ? (year + 1) * 12 : year * 12 + 11;
}

function positionOfMonth(index: number): number {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return dateToYears(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
}
