/**
 * Reads a directive's attributes from the Markdown source itself, because
 * remark-directive keeps only the last of two equal attributes and keeps curly
 * quotes inside values (CHECKLIST C4).
 */
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
export function readWrittenAttributes(source: string): { attributes: WrittenAttribute[]; issues: (Issue & { offset: number })[] } {
  const attributes: WrittenAttribute[] = [];
  const issues: (Issue & { offset: number })[] = [];
  const open = source.indexOf('{');
  if (open === -1) return { attributes, issues };
  // A curly quote is a mistake only where a value's quotes go; inside a value it is text (Creators’).
  const curly = /=\s*([“”‘’„«»])/.exec(source);
  if (curly) {
    issues.push({
      offset: curly.index + curly[0].length - 1,
      what: `the directive quotes a value with the typographic quote ${curly[1]}`,
      expected: 'straight quotes (")',
      received: curly[1],
      fix: 'Replace curly quotes with straight quotes; word processors insert them automatically',
    });
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
      issues.push({
        offset: attribute.offset,
        what: `the attribute ${attribute.name === 'id' ? '#id' : attribute.name} is given twice`,
        expected: 'each attribute once',
        received: `a second ${attribute.name === 'id' ? '#id' : `${attribute.name}="…"`}`,
        fix: 'Remove one of them; only one value can apply',
      });
    }
    seen.add(attribute.name);
  }
  return { attributes, issues };
}
