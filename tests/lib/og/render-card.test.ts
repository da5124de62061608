import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { framedChartSvg } from '../../../src/lib/images/render-chart-svg.ts';
import { CARD } from '../../../src/lib/og/card-size.ts';
import { type ReportCard, renderChartCard, renderReportCard } from '../../../src/lib/og/render-card.ts';
import { engagementSpec, series } from '../chart/spec-fixtures.ts';

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function pixelsOf(png: Buffer): Promise<Buffer> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  return Buffer.from(canvas.data());
}

/** How many pixels differ between two images of the same size, inside a box. */
function differingPixels(
  a: Buffer,
  b: Buffer,
  width: number,
  box: { left: number; top: number; right: number; bottom: number },
): number {
  let count = 0;
  for (let y = box.top; y < box.bottom; y++) {
    for (let x = box.left; x < box.right; x++) {
      const index = (y * width + x) * 4;
      if (a[index] !== b[index] || a[index + 1] !== b[index + 1] || a[index + 2] !== b[index + 2]) count++;
    }
  }
  return count;
}

// 500 characters (code points): emoji, Chinese, Arabic, Hebrew, Korean, markup characters and quotes.
const TITLE = Array.from(
  `📈 Micro <vs> mega & "celebrity" creators’ reach — 中文标题 العربية עברית 한국어 ${'a very long title '.repeat(30)}`,
)
  .slice(0, 500)
  .join('');

const CARD_BASE: ReportCard = {
  title: 'Reach',
  description: 'Micro creators reach fewer people and more of them engage.',
  siteTitle: 'Trendbook',
  address: 'trendbook.example.com/reports/x/',
  accent: '#1d4ed8',
};

describe('social cards', () => {
  // Were a script's font missing, both legends would draw the same boxes: the swap would change nothing.
  it.each([
    ['Thai', 'ไมโคร', 'เมกะ'],
    ['Devanagari', 'माइक्रो', 'मेगा'],
  ])(
    'F5: draw %s series labels in the chart card’s series labels with their own glyphs',
    async (_script, first, second) => {
      const card = (labels: [string, string]) =>
        renderChartCard(
          engagementSpec({ series: [series('micro', labels[0], [2.4, 2.2]), series('mega', labels[1], [1.7, 1.5])] }),
          'Source: Klear, 2019.',
          'Trendbook',
        );
      const a = await pixelsOf(await card([first, second]));
      const b = await pixelsOf(await card([second, first]));
      // The series labels, at the ends of their lines (or in the legend above the chart).
      expect(differingPixels(a, b, CARD.width, { left: 0, top: 60, right: CARD.width, bottom: 560 })).toBeGreaterThan(
        100,
      );
    },
  );

  it('F5: draw a 500-character title with emoji, CJK, Arabic, Hebrew, < and & at 1200×630 without failing', async () => {
    expect(Array.from(TITLE)).toHaveLength(500);
    const spec = engagementSpec({
      series: [series('micro', 'Micro 📈 微型', [2.4, 2.2]), series('mega', 'مشاهير / סלבריטי', [1.7, 1.5])],
    });
    const cards = [
      await renderReportCard({
        ...CARD_BASE,
        title: TITLE,
        description: 'Émojis 🎉, 中文, العربية and עברית are drawn; Greek (αβγ) and Cyrillic (ддд) too.',
        figure: { value: '60% 🚀', label: 'more engagement 互动率更高' },
      }),
      await renderReportCard({
        ...CARD_BASE,
        title: TITLE,
        description: TITLE,
        siteTitle: TITLE,
        address: TITLE,
        chart: { ...spec, title: TITLE },
      }),
      await renderChartCard({ ...spec, title: TITLE }, `Source: ${TITLE}`, `Trendbook · ${TITLE}`),
    ];
    for (const png of cards) expect(pngSize(png)).toEqual(CARD);
    const download = framedChartSvg(
      { ...spec, title: TITLE },
      { title: TITLE, source: TITLE, credit: TITLE },
      { width: 1200, height: 675, fontSize: 15 },
    );
    expect(download.properties).toMatchObject({ width: 1200, height: 675 });
  });

  // The chart card is rasterised from its SVG: the SVG's font list must reach the fallback fonts too.
  it.each([
    ['Chinese', '增长 中文', '中文 增长'],
    ['Arabic', 'نمو التفاعل', 'التفاعل نمو'],
    ['Thai', 'ไมโคร เมกะ', 'เมกะ ไมโคร'],
    ['Devanagari', 'माइक्रो मेगा', 'मेगा माइक्रो'],
    ['emoji', '📈 🚀', '🚀 📈'],
  ])('F5: draw a %s chart-card title with its own glyphs', async (_script, title, swapped) => {
    const spec = engagementSpec();
    const a = await pixelsOf(await renderChartCard({ ...spec, title }, 'Source: Klear, 2019.', 'Trendbook'));
    const b = await pixelsOf(await renderChartCard({ ...spec, title: swapped }, 'Source: Klear, 2019.', 'Trendbook'));
    // The title's line, at the top of the card.
    expect(differingPixels(a, b, CARD.width, { left: 0, top: 20, right: CARD.width, bottom: 60 })).toBeGreaterThan(200);
  });

  // Were the fallback glyphs missing, both titles would draw the same boxes (or nothing).
  it.each([
    ['Chinese', '增长 中文', '中文 增长'],
    ['Arabic', 'نمو التفاعل', 'التفاعل نمو'],
    ['Hebrew', 'צמיחה במעורבות', 'במעורבות צמיחה'],
    ['emoji', '📈 🚀', '🚀 📈'],
  ])('F5: draw a %s title with its own glyphs', async (_script, title, swapped) => {
    const a = await pixelsOf(await renderReportCard({ ...CARD_BASE, title }));
    const b = await pixelsOf(await renderReportCard({ ...CARD_BASE, title: swapped }));
    // The title's first line: below the site's name, above the description.
    expect(differingPixels(a, b, CARD.width, { left: 0, top: 110, right: CARD.width, bottom: 190 })).toBeGreaterThan(
      200,
    );
    expect(differingPixels(a, b, CARD.width, { left: 0, top: 0, right: CARD.width, bottom: 100 })).toBe(0);
  });

  it('F5: draw the same card twice to the same bytes', async () => {
    const card = { ...CARD_BASE, title: TITLE };
    expect((await renderReportCard(card)).equals(await renderReportCard(card))).toBe(true);
  });
});
