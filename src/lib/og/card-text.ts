/**
 * Text for images: the bundled font covers Latin, Greek, Cyrillic and
 * Vietnamese; anything else (emoji, CJK, symbols) would draw as empty boxes, so
 * it is left out of the picture. The page's title and og:title keep every character.
 */
const DRAWABLE = /[^\u0000-\u024F\u0250-\u02FF\u0370-\u03FF\u0400-\u052F\u1E00-\u1FFF\u2000-\u206F\u20A0-\u20CF\u2100-\u214F\u2190-\u21FF\u2212\u00D7]/gu;

/**
 * Keeps what the bundled font can draw; collapses the spaces left behind.
 * @param text Any text.
 */
export function drawableText(text: string): string {
  return text.replace(DRAWABLE, '').replace(/\s{2,}/g, ' ').trim();
}
