import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_THEMES } from '../../src/lib/chart/to-chart-config.ts';
import { COLOUR_TOKENS, tokensCss } from '../../src/lib/theme-tokens.ts';

const STYLES = resolve(import.meta.dirname, '../../src/styles');
const TOKENS_CSS = readFileSync(join(STYLES, 'tokens.css'), 'utf8');

/** The custom properties a stylesheet sets for one scheme: the first `:root` block is light, the one under the media query dark. */
function cssColours(css: string, scheme: 'light' | 'dark'): Record<string, string> {
  const [light, dark] = css.split('@media (prefers-color-scheme: dark)');
  const block = scheme === 'light' ? light : dark;
  return Object.fromEntries(
    [...(block ?? '').matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6});/g)].map((match) => [match[1], match[2]]),
  );
}

describe('the colour tokens', () => {
  it('are what src/styles/tokens.css says, exactly as generated', () => {
    expect(TOKENS_CSS, 'src/styles/tokens.css is stale: run npm run tokens:css').toBe(tokensCss());
  });

  it('give the CSS custom properties and the chart themes the same colours in light and dark', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const css = cssColours(TOKENS_CSS, scheme);
      expect(Object.keys(css)).toHaveLength(Object.keys(COLOUR_TOKENS).length);
      const theme = CHART_THEMES[scheme];
      expect({ background: theme.background, text: theme.text, muted: theme.muted, grid: theme.grid }).toEqual({
        background: css.bg,
        text: css.text,
        muted: css.muted,
        grid: css['chart-grid'],
      });
    }
  });

  it('are set nowhere else: the other stylesheets only import or use them', () => {
    const sheets = readdirSync(STYLES).filter((file) => file.endsWith('.css') && file !== 'tokens.css');
    expect(sheets.length).toBeGreaterThanOrEqual(1);
    const names = Object.keys(COLOUR_TOKENS);
    for (const sheet of sheets) {
      const css = readFileSync(join(STYLES, sheet), 'utf8');
      expect(
        names.filter((name) => css.includes(`--${name}:`)),
        sheet,
      ).toEqual([]);
    }
    expect(readFileSync(join(STYLES, 'global.css'), 'utf8')).toMatch(/@import ["']\.\/tokens\.css["'];/);
  });
});
