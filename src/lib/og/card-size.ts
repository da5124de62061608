/**
 * The size of every social card. No imports, so pages can state it in their
 * meta tags without loading the card renderer.
 */

/** Social card size in pixels (Open Graph and X large summary cards). */
export const CARD = { width: 1200, height: 630 } as const;
