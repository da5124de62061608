/**
 * What a report page says about itself besides its text: reading time, and
 * how to cite it (plain text and BibTeX).
 */
import { countWords, markdownProse } from '../word-count.ts';

/** Words per minute for reading estimates (adult non-fiction average). */
const WORDS_PER_MINUTE = 230;

/**
 * Minutes to read a report's Markdown body, at least 1. Charts and code are not words.
 * @param markdown The body, without frontmatter.
 */
export function readingMinutes(markdown: string): number {
  return Math.max(
    1,
    Math.round(countWords(markdownProse(markdown).replace(/<!--[\s\S]*?-->/g, ' ')) / WORDS_PER_MINUTE),
  );
}

/** What a citation needs. */
export interface CitationInput {
  slug: string;
  title: string;
  authors: readonly { name: string }[];
  date: Date;
  url: string;
  siteTitle: string;
}

/**
 * A report's citation as a sentence and as a BibTeX entry (`@online`).
 * @param input Title, authors, date, URL and the site's name (the author when no one is named).
 */
export function citeReport(input: CitationInput): { text: string; bibtex: string } {
  const year = input.date.getUTCFullYear();
  const names = input.authors.map((author) => author.name);
  const byline =
    names.length === 0
      ? input.siteTitle
      : names.length <= 2
        ? names.join(' and ')
        : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const day = input.date.toISOString().slice(0, 10);
  const text = `${byline} (${year}). ${input.title}. ${input.siteTitle}, ${day}. ${input.url}`;
  const key = `${input.slug.replace(/[^a-z0-9]+/gi, '')}${year}`;
  const author = names.length === 0 ? `{${bibtexEscape(input.siteTitle)}}` : names.map(bibtexEscape).join(' and ');
  const bibtex = [
    `@online{${key},`,
    `  author = {${author}},`,
    `  title = {${bibtexEscape(input.title)}},`,
    `  organization = {${bibtexEscape(input.siteTitle)}},`,
    `  date = {${day}},`,
    `  url = {${input.url}},`,
    '}',
  ].join('\n');
  return { text, bibtex };
}

/** Escapes the characters BibTeX treats specially. */
function bibtexEscape(text: string): string {
  return text
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}%&$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');
}
