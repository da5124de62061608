/**
 * Ids made from titles and values: lowercase ASCII letters, digits and hyphens, with letters such as
 * "ß" and "ø" written out and accents dropped ("Café Ørsted" → "cafe-orsted"). Browser-safe.
 */
const TRANSLITERATIONS: Record<string, string> = {
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Turns a title into an id: lowercase ASCII letters, digits and hyphens ('' when nothing is left).
 * @param text The title.
 */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æœøßłđðþı]/g, (char) => TRANSLITERATIONS[char]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
