import { describe, expect, it } from 'vitest';
import { drawableText } from '../../../src/lib/og/card-text.ts';
import { CARD, renderReportCard } from '../../../src/lib/og/render-card.ts';

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('social cards', () => {
  it('draw a 300-character title with emoji, markup characters and quotes without overflowing or failing', async () => {
    const title = `📈 Micro <vs> mega & "celebrity" creators’ reach — ${'a very long title '.repeat(15)}`.slice(0, 300);
    const png = await renderReportCard({
      title,
      description: 'Émojis 🎉 and CJK 中文 are left out of the picture; Latin, Greek (αβγ) and Cyrillic (ддд) stay.',
      figure: { value: '60%', label: 'more engagement 🚀' },
      siteTitle: 'Trendbook',
      address: 'trendbook.example.com/reports/x/',
      accent: '#1d4ed8',
    });
    expect(pngSize(png)).toEqual(CARD);
  });

  it('leave out only what the bundled font cannot draw', () => {
    expect(drawableText('Micro 📈 vs mega <b> & "quotes" — 中文 ok')).toBe('Micro vs mega <b> & "quotes" — ok');
    expect(drawableText('Ελληνικά и кириллица, Tiếng Việt')).toBe('Ελληνικά и кириллица, Tiếng Việt');
  });
});
