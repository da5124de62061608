import { describe, expect, it } from 'vitest';
import { countWords, markdownProse } from '../../src/lib/word-count.ts';

describe('countWords', () => {
  it('counts runs with a letter or digit, in any script, and skips punctuation alone', () => {
    expect(countWords('Micro creators — 3.1% in 2024, très bien; 小红书 مرحبا !')).toBe(9);
    expect(countWords('  \n\t ')).toBe(0);
  });
});

describe('markdownProse', () => {
  it('drops code fences, directive lines, link targets, reference definitions and stat attributes, and keeps comments', () => {
    const markdown = [
      'Read [the study](https://example.com/a-long/path "Title") now.',
      '',
      '::chart{dataset="tiers" y="engagement_rate" title="Engagement"}',
      '',
      '```js',
      'const hidden = true;',
      '```',
      '',
      'Engagement was :stat{dataset="tiers" y="engagement_rate"} and :stat[about 3%]{dataset="tiers" y="engagement_rate"}.',
      '',
      '[ref]: https://example.com/ref',
      '<!-- a note -->',
    ].join('\n');
    expect(markdownProse(markdown).split(/\s+/).filter(Boolean)).toEqual([
      'Read',
      '[the',
      'study]',
      'now.',
      'Engagement',
      'was',
      'stat',
      'and',
      '[about',
      '3%].',
      '<!--',
      'a',
      'note',
      '-->',
    ]);
  });
});
