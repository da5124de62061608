/**
 * The embed page inside another site's frame, which the embed code sandboxes with
 * `allow-scripts` only: the page has an opaque origin and may not open tabs.
 * Tells the parent page the height that suits the frame's width, and opens links
 * in a new tab, or shows their address where the frame forbids new tabs.
 * Uses no storage and listens to no messages.
 */
import { EMBED_HEIGHT_MESSAGE } from '../lib/share.ts';

const chartFrame = document.querySelector<HTMLElement>('.chart__frame');
const dataToggle = document.querySelector<HTMLElement>('.chart__data summary');
const credit = document.querySelector<HTMLElement>('.embed__credit');
// A hidden element sized by the CSS (chart height plus title and credit), so the
// height follows the breakpoints and the reader's font size, and never the frame's
// own height: resizing the frame cannot change what is posted next.
const ideal = document.querySelector<HTMLElement>('.embed__ideal');
let posted = 0;

/**
 * Gives the chart the frame's height less what must stay in view around it: the
 * title above, the "Show data" line below and the credit. Title and credit wrap in
 * narrow frames, so they are measured; without JavaScript the CSS guesses 5.5rem.
 */
function fitChart(): void {
  if (!chartFrame || !credit) return;
  const frame = chartFrame.getBoundingClientRect();
  const above = frame.top + window.scrollY;
  const below = dataToggle ? dataToggle.getBoundingClientRect().bottom - frame.bottom : 0;
  document.body.style.setProperty(
    '--embed-chrome',
    `${Math.ceil(above + below + credit.getBoundingClientRect().height)}px`,
  );
}

function postHeight(): void {
  if (window.parent === window || !ideal) return;
  const height = Math.round(ideal.getBoundingClientRect().height);
  if (height <= 0 || height === posted) return;
  posted = height;
  // To any origin: the number is no secret, and a sandboxed frame cannot know who framed it.
  window.parent.postMessage({ type: EMBED_HEIGHT_MESSAGE, height }, '*');
}

function update(): void {
  fitChart();
  postHeight();
}

fitChart();
// The web font changes how the title and credit wrap: ask for a height once it is in.
void document.fonts.ready.then(() => {
  update();
  window.addEventListener('resize', update);
});

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
