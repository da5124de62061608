/**
 * Site settings: edit these for your own site. Validated when the build starts;
 * a mistake stops it with the key's path and what is allowed.
 */

import { loadSiteConfig } from './lib/load-site-config.ts';
import { type SiteConfigInput, SiteConfigSchema } from './lib/site-config.ts';

const settings: SiteConfigInput = {
  title: 'Trendbook',
  description: 'Research reports on influencer marketing, with the data behind every chart.',
  // TRENDBOOK_URL publishes the same site at another address, for example a preview under a path.
  url: process.env.TRENDBOOK_URL ?? 'https://trendbook.example.com',
  locale: 'en-US',
  handle: '@trendbook',
  // Influencer tiers: label, order and colour by id, so a tier looks the same on every chart.
  // Colours meet WCAG 3:1 against the page in light and dark mode.
  tiers: [
    { id: 'nano', label: 'Nano', color: '#b45309', darkColor: '#fbbf24', followers: '1,000–10,000' },
    { id: 'micro', label: 'Micro', color: '#1d4ed8', darkColor: '#60a5fa', followers: '10,000–100,000' },
    { id: 'mid_tier', label: 'Mid-tier', color: '#0f766e', darkColor: '#2dd4bf', followers: '100,000–500,000' },
    { id: 'macro', label: 'Macro', color: '#7e22ce', darkColor: '#c084fc', followers: '500,000–1,000,000' },
    { id: 'mega', label: 'Mega / celebrity', color: '#be123c', darkColor: '#fb7185', followers: 'over 1,000,000' },
    { id: 'average_consumer', label: 'Average consumer', color: '#57534e', darkColor: '#d6d3d1' },
  ],
  palette: [
    { color: '#1d4ed8', darkColor: '#60a5fa' },
    { color: '#b45309', darkColor: '#fbbf24' },
    { color: '#0f766e', darkColor: '#2dd4bf' },
    { color: '#be123c', darkColor: '#fb7185' },
    { color: '#7e22ce', darkColor: '#c084fc' },
    { color: '#57534e', darkColor: '#d6d3d1' },
    { color: '#4d7c0f', darkColor: '#a3e635' },
    { color: '#a21caf', darkColor: '#f0abfc' },
  ],
  licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  utm: { enabled: false, source: 'share' },
};

/** The validated site settings. */
export const SITE = loadSiteConfig(SiteConfigSchema, settings, 'src/site.config.ts');
