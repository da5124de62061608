/**
 * Reads a directive's attributes from the Markdown source itself, because
 * remark-directive keeps only the last of two equal attributes and keeps curly
 * quotes inside values (C4 in tests/checklist/README.md).
 */

import { issue } from '../../lib/error-codes/define.ts';
import { TB108, TB109, TB110, TB111, TB112 } from '../../lib/error-codes/directives.ts';
import type { Issue } from '../../lib/errors.ts';

/** An attribute as written, with its offset in the directive's text. */
export interface WrittenAttribute {
  name: string;
  offset: number;
}

/**
 * Finds the attribute names written inside `{…}` and problems a parser would hide.
 * @param source The directive's text, from `::` to its end.
 */
export function readWrittenAttributes(source: string): {
  attributes: WrittenAttribute[];
  issues: (Issue & { offset: number })[];
} {
  const attributes: WrittenAttribute[] = [];
  const issues: (Issue & { offset: number })[] = [];
  const open = source.indexOf('{');
  if (open === -1) return { attributes, issues };
  // `title="C:\"` parses, but the author most likely meant an escape the syntax does not have.
  const escaped = backslashQuote(source);
  if (escaped) issues.push(escaped);
  // A curly quote is a mistake only where a value's quotes go; inside a value it is text (Creators’).
  const curly = /=\s*([“”‘’„«»])/.exec(source);
  if (curly) {
    issues.push({ offset: curly.index + curly[0].length - 1, ...issue(TB108, { quote: curly[1]! }) });
  }
  let index = open + 1;
  while (index < source.length) {
    const char = source[index]!;
    if (char === '}') break;
    if (char === '"' || char === "'") {
      const end = source.indexOf(char, index + 1);
      index = end === -1 ? source.length : end + 1;
      continue;
    }
    const name = /^([#.]?[^\s="'#.{}]+)/.exec(source.slice(index));
    if (name) {
      const written = name[1]!.startsWith('#') ? 'id' : name[1]!.startsWith('.') ? 'class' : name[1]!;
      attributes.push({ name: written, offset: index });
      index += name[1]!.length;
      // An unquoted value (name=value) is not another attribute's name.
      const value = /^\s*=\s*([^\s"'}][^\s}]*)/.exec(source.slice(index));
      if (value) index += value[0].length;
      continue;
    }
    index++;
  }
  const seen = new Set<string>();
  for (const attribute of attributes) {
    if (attribute.name === 'class') continue;
    if (seen.has(attribute.name)) {
      issues.push({ offset: attribute.offset, ...issue(TB109, { attribute: attribute.name }) });
    }
    seen.add(attribute.name);
  }
  return { attributes, issues };
}

/**
 * A backslash before a quote inside a directive's braces: remark-directive has
 * no backslash escapes in attribute values, so `title="The \"big\" one"` ends
 * the value at the second quote and the rest cannot be read.
 * @param source The directive's text as written, from its colons on.
 */
export function backslashQuote(source: string): (Issue & { offset: number }) | undefined {
  const open = source.indexOf('{');
  if (open === -1) return undefined;
  const close = source.indexOf('\n', open);
  const escaped = /\\(["'])/.exec(source.slice(open, close === -1 ? undefined : close));
  if (!escaped) return undefined;
  const mark = escaped[1] as '"' | "'";
  // Shown as written: quote() would add backslashes of its own around these quotes.
  const received = `${/[\w-]+=["'][^"']*$/.exec(source.slice(open, open + escaped.index))?.[0] ?? ''}\\${mark}`;
  return { offset: open + escaped.index, ...issue(TB110, { quote: mark, received }) };
}

/** Spaces word processors put in that the directive syntax does not take as spaces (row C4 of tests/checklist/README.md). */
const ODD_SPACES = new Map([
  ['\u00a0', 'non-breaking space'],
  ['\u202f', 'narrow non-breaking space'],
  ['\u2007', 'figure space'],
  ['\u2009', 'thin space'],
  ['\u200b', 'zero-width space'],
  ['\u3000', 'ideographic space'],
  ['\ufeff', 'zero-width no-break space'],
]);

/**
 * Why a directive's text could not be read as a directive: an odd space between
 * its attributes if there is one (with its offset), or else the general problem (offset 0).
 * @param kind The directive the text starts with.
 * @param text The text from the directive's colons to the end of its line or paragraph.
 */
export function unreadableDirective(kind: 'chart' | 'stat', text: string): Issue & { offset: number } {
  const escaped = backslashQuote(text);
  if (escaped) return escaped;
  let inQuotes = false;
  for (let offset = text.indexOf('{') + 1; offset > 0 && offset < text.length; offset++) {
    const char = text[offset]!;
    if (char === '"') inQuotes = !inQuotes;
    else if (char === '}' && !inQuotes) break;
    else if (!inQuotes && ODD_SPACES.has(char)) {
      return {
        offset,
        ...issue(TB111, { directive: kind, name: ODD_SPACES.get(char)!, codePoint: char.codePointAt(0)! }),
      };
    }
  }
  return { offset: 0, ...issue(TB112, { directive: kind, text }) };
}
