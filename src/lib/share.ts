/**
 * Share links and embed code for a page or chart: X, LinkedIn, email and the
 * `<iframe>` snippet, with optional UTM parameters per channel.
 */
import { safeJson } from './safe-json.ts';
import type { SiteConfig } from './site-config.ts';
import { absoluteUrl } from './site-url.ts';

/** The channels a share bar offers. */
const SHARE_CHANNELS = ['x', 'linkedin', 'email', 'copy'] as const;
export type ShareChannel = (typeof SHARE_CHANNELS)[number];

/**
 * The URL to share, tagged for a channel when UTM tagging is on.
 * @param url Absolute URL of the page.
 * @param channel Where it is shared.
 * @param utm The site's UTM settings.
 */
function taggedUrl(url: string, channel: ShareChannel, utm: SiteConfig['utm']): string {
  if (!utm.enabled) return url;
  const tagged = new URL(url);
  tagged.searchParams.set('utm_source', channel === 'copy' ? utm.source : channel);
  tagged.searchParams.set('utm_medium', channel === 'email' ? 'email' : channel === 'copy' ? 'link' : 'social');
  if (utm.campaign) tagged.searchParams.set('utm_campaign', utm.campaign);
  return tagged.href;
}

/**
 * Share links for a page.
 * @param page Its absolute URL, title and a one-line text.
 * @param site The site's handle and UTM settings.
 */
export function shareLinks(
  page: { url: string; title: string; text: string },
  site: Pick<SiteConfig, 'handle' | 'utm'>,
): Record<Exclude<ShareChannel, 'copy'>, string> & { copy: string } {
  const x = new URL('https://twitter.com/intent/tweet');
  x.searchParams.set('text', page.title);
  x.searchParams.set('url', taggedUrl(page.url, 'x', site.utm));
  x.searchParams.set('via', site.handle.replace(/^@/, ''));
  const linkedin = new URL('https://www.linkedin.com/sharing/share-offsite/');
  linkedin.searchParams.set('url', taggedUrl(page.url, 'linkedin', site.utm));
  const body = `${page.text}\n\n${taggedUrl(page.url, 'email', site.utm)}`;
  const email = `mailto:?subject=${encodeURIComponent(page.title)}&body=${encodeURIComponent(body)}`;
  return { x: x.href, linkedin: linkedin.href, email, copy: taggedUrl(page.url, 'copy', site.utm) };
}

/** Escapes text for an HTML attribute value in double quotes. */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Default size of an embedded chart. */
export const EMBED_SIZE = { width: 800, height: 520 } as const;

/**
 * The `<iframe>` code to embed a chart; every value is attribute-escaped (F4 in tests/checklist/README.md).
 * The frame is sandboxed with `allow-scripts` only: the chart runs with an opaque
 * origin, so it cannot read the host page, its cookies or storage, open windows
 * or navigate the page (docs/authoring.md, "Embeds on other sites").
 * @param src Absolute URL of the embed page.
 * @param title The chart's title.
 */
export function embedCode(src: string, title: string): string {
  return `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="${EMBED_SIZE.height}" style="border:0;max-width:${EMBED_SIZE.width}px" loading="lazy" sandbox="allow-scripts" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
}

/** The `type` of the message an embed posts to its parent page: `{ type, height }`, height in CSS pixels. */
export const EMBED_HEIGHT_MESSAGE = 'trendbook:embed-height';

/** The heights (CSS pixels) a parent page accepts from an embed; anything else is ignored. */
const EMBED_HEIGHT_RANGE = { min: 100, max: 3000 } as const;

/**
 * The optional script a host page adds once to let Trendbook frames take the
 * height that suits their width. It reads only a number, from a frame whose
 * `src` is one of the site's embeds, and sets that frame's `height`: no eval,
 * no markup (F4 in tests/checklist/README.md).
 * @param siteUrl The site's URL (embeds live under its `/embed/`, after the URL's path if it has one).
 */
export function embedResizeScript(siteUrl: string): string {
  const embeds = new URL(absoluteUrl(siteUrl, '/embed/'));
  return `<script>
  // Trendbook embeds post {type: "${EMBED_HEIGHT_MESSAGE}", height} with the height that suits their width.
  addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== "null" && event.origin !== ${safeJson(embeds.origin)}) return;
    if (typeof data !== "object" || data === null || data.type !== "${EMBED_HEIGHT_MESSAGE}") return;
    if (typeof data.height !== "number" || !(data.height >= ${EMBED_HEIGHT_RANGE.min} && data.height <= ${EMBED_HEIGHT_RANGE.max})) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source && frames[i].src.indexOf(${safeJson(embeds.href)}) === 0) frames[i].height = String(Math.round(data.height));
    }
  });
</script>`;
}
