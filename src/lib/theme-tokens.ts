/**
 * The site's colours, light and dark, in one table: src/styles/tokens.css (the
 * CSS custom properties) is written from it by `npm run tokens:css`, and the
 * chart themes (the canvas in the browser and the build-time images) read it,
 * so a chart's text, grid and background always match the page around it.
 */

/** A colour for each scheme, by custom property name (without the leading `--`). */
export const COLOUR_TOKENS = {
  bg: { light: '#ffffff', dark: '#1c1917' },
  surface: { light: '#f5f5f4', dark: '#292524' },
  text: { light: '#1c1917', dark: '#f5f5f4' },
  muted: { light: '#57534e', dark: '#d6d3d1' },
  border: { light: '#e7e5e4', dark: '#44403c' },
  accent: { light: '#1d4ed8', dark: '#60a5fa' },
  'accent-text': { light: '#1e40af', dark: '#93c5fd' },
  illustrative: { light: '#92400e', dark: '#fcd34d' },
  /** Grid lines inside charts: the border colour in light, a shade softer than it in dark. */
  'chart-grid': { light: '#e7e5e4', dark: '#3f3b39' },
} as const;

/** A colour scheme. */
export type Scheme = 'light' | 'dark';

/** The colours of one scheme, by token name. */
export function colours(scheme: Scheme): { [K in keyof typeof COLOUR_TOKENS]: string } {
  return Object.fromEntries(Object.entries(COLOUR_TOKENS).map(([name, value]) => [name, value[scheme]])) as {
    [K in keyof typeof COLOUR_TOKENS]: string;
  };
}

/** The stylesheet of the colour custom properties: light on `:root`, dark under `prefers-color-scheme: dark`. */
export function tokensCss(): string {
  const lines = (scheme: Scheme, indent: string) =>
    Object.entries(colours(scheme)).map(([name, value]) => `${indent}--${name}: ${value};`);
  return [
    '/* Generated from src/lib/theme-tokens.ts by `npm run tokens:css`: edit the table there, not this file. */',
    ':root {',
    ...lines('light', '  '),
    '}',
    '@media (prefers-color-scheme: dark) {',
    '  :root {',
    ...lines('dark', '    '),
    '  }',
    '}',
    '',
  ].join('\n');
}
