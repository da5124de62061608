/**
 * Counting words, for reading time and for the guard that notices a report
 * whose page shows far fewer words than its source (B3 in tests/checklist/README.md).
 */

/**
 * Words in text: runs with at least one letter or digit between spaces.
 * @param text Any text.
 */
export function countWords(text: string): number {
  let words = 0;
  for (const word of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(word)) words++;
  return words;
}

/**
 * The words a reader is meant to see in Markdown: without fenced code, directive
 * lines, link targets and the attributes of `:stat{…}` (which becomes one figure).
 * Comments are kept: whether they are shown is what the guard checks.
 * @param markdown A report's body, without frontmatter.
 */
export function markdownProse(markdown: string): string {
  return markdown
    .replace(/^```[\s\S]*?^```/gm, ' ')
    .replace(/^:{2,3}\w+.*$/gm, ' ')
    .replace(/:stat(\[[^\]\n]*\])?\{[^}\n]*\}/g, (_stat, label: string | undefined) => label ?? 'stat')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/^\s*\[[^\]\n]+\]:\s*\S+.*$/gm, ' ');
}
