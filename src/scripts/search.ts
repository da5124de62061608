/**
 * The search page: queries the Pagefind index built with the site, shows each
 * result's title and excerpt, and keeps the query in the address (?q=). Result
 * text is copied node by node: only plain text and Pagefind's <mark> survive.
 */
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
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
      const link = document.createElement('a');
      // Pagefind puts the path its index is served under (the site's base) before each page's own.
      link.href = new URL(data.url, location.origin).pathname;
      link.textContent = data.meta.title ?? data.url;
      const excerpt = document.createElement('p');
      excerpt.append(...excerptNodes(data.excerpt));
      item.append(link, excerpt);
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
