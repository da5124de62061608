import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/lib/errors.ts';
import { loadSiteConfig } from '../../src/lib/load-site-config.ts';
import { SiteConfigSchema } from '../../src/lib/site-config.ts';
import { SITE } from '../../src/site.config.ts';

describe('site settings', () => {
  it('accept the shipped settings', () => {
    expect(SITE.handle).toBe('@trendbook');
    expect(SITE.tiers.map((tier) => tier.id)).toEqual([
      'nano',
      'micro',
      'mid_tier',
      'macro',
      'mega',
      'average_consumer',
    ]);
  });

  it('list every wrong or missing value with its key', () => {
    const { title: _title, ...withoutTitle } = {
      ...SITE,
      url: 'javascript:alert(1)',
      handle: 'trendbook',
      tiers: [{ ...SITE.tiers[0]!, id: 'mid tier' }],
    };
    let message = '';
    try {
      loadSiteConfig(SiteConfigSchema, withoutTitle, 'src/site.config.ts');
    } catch (error) {
      if (error instanceof ReportError) message = error.message;
    }
    expect(message).toBe(
      [
        'src/site.config.ts:1:1: "title" is missing. Expected string, received nothing. Correct "title" (docs/authoring.md lists the allowed values). [TB200]',
        'src/site.config.ts:1:1: "url": expected an absolute https URL such as https://trends.example.com. Received "javascript:alert(1)". Correct "url" (docs/authoring.md lists the allowed values). [TB200]',
        'src/site.config.ts:1:1: "handle": expected a handle such as @trendbook. Received "trendbook". Correct "handle" (docs/authoring.md lists the allowed values). [TB200]',
        'src/site.config.ts:1:1: "tiers.0.id": ids are lowercase letters, digits and "_" (no "/", "," or spaces). Received "mid tier". Correct "tiers.0.id" (docs/authoring.md lists the allowed values). [TB200]',
        '4 problems found.',
      ].join('\n'),
    );
  });
});
