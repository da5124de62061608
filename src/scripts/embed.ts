/**
 * The embed page inside another site's frame, which the embed code sandboxes with
 * `allow-scripts` only: the page has an opaque origin and may not open tabs.
 * Tells the parent page the height that suits the frame's width, swaps the chart
 * for its table on "Show data", and opens links in a new tab, or shows their
 * address where the frame forbids new tabs.
 * Uses no storage and listens to no messages.
 */
import { EMBED_HEIGHT_MESSAGE } from '../lib/share.ts';

// The stylesheet fits the page to the frame (the chart takes the height the rest leaves): no measuring is needed
// for that, and a frame without JavaScript fits the same way. This script only asks for a better height.
const chartFrame = document.querySelector<HTMLElement>('.chart__frame');
const title = document.querySelector<HTMLElement>('.chart__title');
// The chart's height on chart pages at this width (22rem, 20rem on phones, more for a row per category): a fixed
// box inside the frame, so it reads the frame's own --chart-height and never makes the page scroll.
const ideal = chartFrame?.appendChild(document.createElement('div'));
ideal?.classList.add('embed__ideal');
ideal?.setAttribute('aria-hidden', 'true');
let posted = 0;

/**
 * The frame height at which the chart is as tall as on its chart page: that chart height, plus what the title,
 * caption and credit take at this width. Their height depends on the width alone (short frames clamp the title
 * to fewer lines: the next height asked for then adds them back once), so a frame resized to the height asked
 * for asks for no other.
 */
function idealHeight(): number {
  if (!chartFrame || !ideal || chartFrame.offsetParent === null) return 0;
  const page = Math.max(document.documentElement.scrollHeight, window.innerHeight);
  const around = page - chartFrame.getBoundingClientRect().height;
  return Math.round(around + ideal.getBoundingClientRect().height);
}

function postHeight(): void {
  if (window.parent === window) return;
  const height = idealHeight();
  if (height <= 0 || height === posted) return;
  posted = height;
  // To any origin: the number is no secret, and a sandboxed frame cannot know who framed it.
  window.parent.postMessage({ type: EMBED_HEIGHT_MESSAGE, height }, '*');
}

/** A title clamped to the lines the frame allows keeps its whole text as a tooltip (the credit links to the page). */
function titleTooltip(): void {
  if (!title) return;
  if (title.scrollHeight > title.clientHeight + 1) title.title = title.textContent ?? '';
  else title.removeAttribute('title');
}

function update(): void {
  titleTooltip();
  postHeight();
}

// The web font changes how the title and caption wrap: ask for a height once it is in.
void document.fonts.ready.then(() => {
  update();
  window.addEventListener('resize', update);
});

// "Show data" swaps the chart for its table in the same room, so the frame never scrolls as a page.
const toggle = document.querySelector<HTMLButtonElement>('[data-embed-toggle]');
const data = document.querySelector<HTMLDetailsElement>('.chart__data');
if (toggle && data) {
  toggle.hidden = false;
  toggle.addEventListener('click', () => {
    const showData = !document.body.classList.contains('embed--data');
    document.body.classList.toggle('embed--data', showData);
    data.open = showData;
    toggle.textContent = showData ? 'Show chart' : 'Show data';
    // The chart comes back at the frame's size: chart.js and the panels follow a resize.
    if (!showData) window.dispatchEvent(new Event('resize'));
  });
}

const blocked = document.querySelector<HTMLElement>('[data-embed-blocked]');

/** Shows a link's address to copy, where the frame does not allow new tabs. */
function showAddress(href: string): void {
  if (!blocked) return;
  const address = document.createElement('input');
  address.readOnly = true;
  address.value = href;
  address.setAttribute('aria-label', 'Address of the link');
  blocked.replaceChildren('This frame cannot open new tabs. Copy the address to open it: ', address);
  update();
  address.focus();
  address.select();
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || !(event.target instanceof Element)) return;
  const link = event.target.closest('a[href]');
  if (!(link instanceof HTMLAnchorElement) || link.getAttribute('href')?.startsWith('#')) return;
  event.preventDefault();
  // window.open returns null when the sandbox blocks new tabs; with "noopener" it always would.
  const opened = window.open(link.href, '_blank');
  if (!opened) {
    showAddress(link.href);
    return;
  }
  try {
    // As noopener would: the new tab gets no handle on this frame.
    opened.opener = null;
  } catch {
    // A browser that refuses leaves the tab a handle on this frame only, which stays sandboxed.
  }
});
