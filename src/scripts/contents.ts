/**
 * A report's contents: marks the link of the section being read (`aria-current="location"`), so the list
 * beside the text on a wide screen shows where the reader is. Sections are watched with an
 * IntersectionObserver, not on every scroll event. Without JavaScript the contents are a plain list.
 */
const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
const sections = [...new Set(links.map((link) => decodeURIComponent(link.hash.slice(1))))]
  .map((id) => document.getElementById(id))
  .filter((section) => section !== null);
/** How far down the window a section's heading must come before it is the one being read. */
const READING_LINE = 0.25;
let current: string | undefined;

/** Marks the last section whose start has passed the reading line (none above the first). */
function markCurrent(): void {
  const line = window.innerHeight * READING_LINE;
  const passed = sections.filter((section) => section.getBoundingClientRect().top <= line);
  const id = passed.at(-1)?.id;
  if (id === current) return;
  current = id;
  for (const link of links) {
    if (id !== undefined && link.hash === `#${id}`) link.setAttribute('aria-current', 'location');
    else link.removeAttribute('aria-current');
  }
}

// The observer's window is the part above the reading line: a section crossing it, either way, changes the answer.
const observer = new IntersectionObserver(markCurrent, { rootMargin: `0px 0px -${100 - READING_LINE * 100}% 0px` });
for (const section of sections) observer.observe(section);

export {};
