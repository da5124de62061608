/** Chart images load the fonts of what chart.js draws, including numbers formatted for the site's locale. */
import { GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { renderChartPng } from '../../../src/lib/images/render-chart.ts';
import { engagementSpec } from '../chart/spec-fixtures.ts';

function stylesOf(family: string): number {
  return GlobalFonts.families.find((entry) => entry.family === family)?.styles.length ?? 0;
}

/** Reach in the millions, so axis ticks use the locale's compact notation. */
function reachSpec(locale: string) {
  return engagementSpec({
    locale,
    y: { column: 'reach', label: 'Reach', format: { type: 'number', decimals: 0 }, scale: 'linear' },
    series: engagementSpec().series.map((series) => ({ ...series, values: [1_234_567, 25_000_000] })),
  });
}

describe('renderChartPng', () => {
  it.each([
    // 万 (ten thousand) in the axis ticks.
    ['zh-CN', 'Noto Sans SC'],
    // Arabic-Indic digits and مليون (million) in the axis ticks.
    ['ar-EG', 'Noto Sans Arabic'],
  ])('F5: registers the font of tick labels formatted for %s (%s)', (locale, family) => {
    const before = stylesOf(family);
    renderChartPng(reachSpec(locale), { theme: 'light', width: 600, height: 300, scale: 1 });
    expect(stylesOf(family)).toBeGreaterThan(before);
  });

  it('registers no fallback font for a chart in English', () => {
    const before = ['Noto Color Emoji', 'Noto Sans SC', 'Noto Sans KR', 'Noto Sans Arabic', 'Noto Sans Hebrew'].map(
      stylesOf,
    );
    renderChartPng(reachSpec('en-US'), { theme: 'dark', width: 600, height: 300, scale: 1 });
    expect(
      ['Noto Color Emoji', 'Noto Sans SC', 'Noto Sans KR', 'Noto Sans Arabic', 'Noto Sans Hebrew'].map(stylesOf),
    ).toEqual(before);
  });
});
