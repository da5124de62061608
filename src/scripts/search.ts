/**
 * The search page: queries the Pagefind index built with the site, shows each
 * result's title and excerpt, then the sections and charts of the report that
 * matched best, each linked to its place in the report (`/reports/x/#section-y`),
 * and keeps the query in the address (?q=). Result text is copied node by node:
 * only plain text and Pagefind's <mark> survive.
 */
/** A part of a page that matched: a section (from its heading) or a chart (from its figure's data-pagefind-title). */
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  /** Absent for the part of the page before its first heading or chart. */
  anchor?: { id: string };
  weighted_locations: { balanced_score: number }[];
}
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string }; sub_results: PagefindSubResult[] }>;
}
interface Pagefind {
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

const root = document.querySelector<HTMLElement>('[data-search]')!;
const form = root.querySelector<HTMLFormElement>('form')!;
const input = root.querySelector<HTMLInputElement>('[data-search-input]')!;
const status = root.querySelector<HTMLElement>('[data-search-status]')!;
const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
let pagefind: Promise<Pagefind> | undefined;
let latest = 0;

/** The path the site is published under (`''` at the host's root): the index lies under it. */
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

function load(): Promise<Pagefind> {
  // A path built at run time, so the bundler leaves the index (written after the build) alone.
  const path = [`${BASE}/pagefind`, 'pagefind.js'].join('/');
  pagefind ??= import(/* @vite-ignore */ path) as Promise<Pagefind>;
  return pagefind;
}

/** The excerpt's text, with Pagefind's highlights as <mark>; any other markup is dropped. */
function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstElementChild!;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

/** How many sections or charts a result lists under its report: the best matches, in the report's order. */
const MAX_PLACES = 3;

/** The words of a text, in lower case, for comparing a query with a title. */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The sections and charts of a result that matched best, in the order the report has them: first those whose
 * heading or chart title has the most words of the query (a reader who types a title wants that place), then
 * by Pagefind's scores of the words found in them.
 */
function bestPlaces(subResults: PagefindSubResult[], query: string): PagefindSubResult[] {
  const terms = wordsOf(query);
  const titleWords = (place: PagefindSubResult) => {
    const words = new Set(wordsOf(place.title));
    return terms.filter((term) => words.has(term)).length;
  };
  const score = (place: PagefindSubResult) =>
    place.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0);
  const places = subResults.filter((place) => place.anchor !== undefined);
  const ranked = [...places].sort((a, b) => titleWords(b) - titleWords(a) || score(b) - score(a));
  const best = new Set(ranked.slice(0, MAX_PLACES));
  return places.filter((place) => best.has(place));
}

/** A link to a page or a place in it, with its excerpt below. */
function resultLink(url: string, title: string, excerpt: string): [HTMLAnchorElement, HTMLParagraphElement] {
  const link = document.createElement('a');
  // Pagefind puts the path its index is served under (the site's base) before each page's own.
  const address = new URL(url, location.origin);
  link.href = `${address.pathname}${address.hash}`;
  link.textContent = title;
  const text = document.createElement('p');
  text.append(...excerptNodes(excerpt));
  return [link, text];
}

async function search(query: string): Promise<void> {
  const run = ++latest;
  const trimmed = query.trim().slice(0, 200);
  history.replaceState(null, '', trimmed ? `?${new URLSearchParams({ q: trimmed })}` : location.pathname);
  if (!trimmed) {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  const { results } = await (await load()).search(trimmed);
  const shown = await Promise.all(results.slice(0, 20).map((result) => result.data()));
  if (run !== latest) return;
  status.textContent =
    results.length === 0
      ? `No report mentions “${trimmed}”.`
      : `${results.length} ${results.length === 1 ? 'report' : 'reports'} found.`;
  list.replaceChildren(
    ...shown.map((data) => {
      const item = document.createElement('li');
      item.append(...resultLink(data.url, data.meta.title ?? data.url, data.excerpt));
      const places = bestPlaces(data.sub_results, trimmed);
      if (places.length > 0) {
        const placeList = document.createElement('ul');
        placeList.className = 'search__places';
        placeList.append(
          ...places.map((place) => {
            const entry = document.createElement('li');
            entry.append(...resultLink(place.url, place.title, place.excerpt));
            return entry;
          }),
        );
        item.append(placeList);
      }
      return item;
    }),
  );
}

let typing: number | undefined;
input.addEventListener('input', () => {
  window.clearTimeout(typing);
  typing = window.setTimeout(() => void search(input.value), 200);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void search(input.value);
});
const initial = new URLSearchParams(location.search).get('q') ?? '';
input.value = initial;
if (initial) void search(initial);
input.focus();

export {};
