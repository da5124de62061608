/** Reading time and citations of a report. */
import { describe, expect, it } from 'vitest';
import { citeReport, readingMinutes } from '../../../src/lib/report/reading-and-citation.ts';

describe('reading time', () => {
  it('counts words, not charts, code or link targets, and is at least a minute', () => {
    expect(readingMinutes('Short.')).toBe(1);
    const words = Array.from({ length: 690 }, () => 'word').join(' ');
    expect(
      readingMinutes(
        `${words}\n\n::chart{dataset="x" y="y" title="${'long '.repeat(500)}"}\n\n\`\`\`\n${'code '.repeat(2000)}\n\`\`\`\n[link](https://example.com/${'a/'.repeat(100)})`,
      ),
    ).toBe(3);
  });
});

describe('citations', () => {
  const input = {
    slug: 'q3-report',
    title: 'Micro & mega: 100% of {tiers}',
    authors: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }, { name: 'Grace Hopper' }],
    date: new Date('2024-05-31T00:00:00Z'),
    url: 'https://trends.example.com/reports/q3-report/',
    siteTitle: 'Trendbook',
  };

  it('give a sentence and a BibTeX entry with special characters escaped', () => {
    expect(citeReport(input)).toEqual({
      text: 'Ada Lovelace, Alan Turing and Grace Hopper (2024). Micro & mega: 100% of {tiers}. Trendbook, 2024-05-31. https://trends.example.com/reports/q3-report/',
      bibtex: [
        '@online{q3report2024,',
        '  author = {Ada Lovelace and Alan Turing and Grace Hopper},',
        '  title = {Micro \\& mega: 100\\% of \\{tiers\\}},',
        '  organization = {Trendbook},',
        '  date = {2024-05-31},',
        '  url = {https://trends.example.com/reports/q3-report/},',
        '}',
      ].join('\n'),
    });
  });

  it('name the site when a report names no author', () => {
    expect(citeReport({ ...input, authors: [] }).text).toBe(
      'Trendbook (2024). Micro & mega: 100% of {tiers}. Trendbook, 2024-05-31. https://trends.example.com/reports/q3-report/',
    );
    expect(citeReport({ ...input, authors: [] }).bibtex).toContain('  author = {{Trendbook}},');
  });
});
