/**
 * Category labels wrapped to the room each one has, so every category is labelled (chart.js would skip
 * labels that collide instead). Browser-safe.
 */

/**
 * Breaks a label into lines no wider than `width`, at spaces and at the label's own line breaks. A single
 * word wider than the room stays whole: it is never cut.
 * @param text The label.
 * @param width Room in pixels.
 * @param measure The width of a text in the axis's font.
 * @returns One line as a string, several as an array.
 */
export function wrapLabel(text: string, width: number, measure: (text: string) => number): string | string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && measure(candidate) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines.length === 1 ? lines[0]! : lines;
}
