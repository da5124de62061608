/**
 * Every build-time raster as a plain-JSON job: a chart's social card (which is
 * also its PNG download), and report and site cards. Figures draw their charts
 * as SVG in the page and need no image. Astro's endpoints and
 * the build's parallel pre-render describe an image with the same constructor,
 * so they share one cache key and an image is never drawn twice.
 */

import { chartPagePath, chartPermalink, exploreViewPath, reportPath } from '../chart/chart-paths.ts';
import type { ChartSpec } from '../chart/chart-spec.ts';
import { sourceLine } from '../chart/source-line.ts';
import { type ReportCard, renderChartCard, renderReportCard } from '../og/render-card.ts';
import { IMAGE_CACHE_DIR } from '../project-paths.ts';
import type { SiteConfig } from '../site-config.ts';
import { absoluteUrl, basePath } from '../site-url.ts';
import { cachedImage, cachedText } from './image-cache.ts';
import { framedChartSvg, svgFile } from './render-chart-svg.ts';
import { RENDERER_KEY } from './renderer-key.ts';

/** One image to draw. */
export type ImageJob =
  | { kind: 'chart-card'; spec: ChartSpec; source: string; credit: string }
  | { kind: 'report-card'; card: ReportCard };

/** The site settings images use. */
export type ImageSite = Pick<SiteConfig, 'title' | 'url' | 'tiers' | 'palette'>;

/** What a report card needs from a report. */
export interface CardReport {
  slug: string;
  title: string;
  /** `card_title` from the frontmatter: the title on cards, when the title is too long for them. */
  cardTitle?: string | undefined;
  description: string;
  figure?: { value: string; label: string } | undefined;
  chart?: ChartSpec | undefined;
}

/** Size of the SVG download: 16:9, for slides. */
const SVG_DOWNLOAD = { width: 1200, height: 675, fontSize: 15 };

/**
 * The chart as an SVG download, for slides and print: vectors, framed with its title, sources and a credit
 * linking back to the chart in its report. Drawn in the same way as the page's drawing, in light colours.
 */
export function chartSvgDownload(slug: string, spec: ChartSpec, site: ImageSite, cacheDir = IMAGE_CACHE_DIR): string {
  const url = new URL(absoluteUrl(site.url, chartPermalink(slug, spec.id)));
  const frame = {
    title: spec.title,
    source: sourceLine(spec),
    credit: `${site.title} · ${url.host}${url.pathname}${url.hash}`,
  };
  // Cached like images, so a warm build draws none.
  return cachedText(cacheDir, { RENDERER_KEY, download: 'svg', spec, frame }, 'svg', () =>
    svgFile(framedChartSvg(spec, frame, SVG_DOWNLOAD)),
  );
}

/** The chart's social card, which is also its PNG download. */
export function chartCardJob(slug: string, spec: ChartSpec, site: ImageSite): ImageJob {
  const url = new URL(absoluteUrl(site.url, chartPagePath(slug, spec.id)));
  return { kind: 'chart-card', spec, source: sourceLine(spec), credit: `${site.title} · ${url.host}${url.pathname}` };
}

/** The social card of an explorer view named in the config (`/explore/<id>/`). */
export function viewCardJob(view: { id: string; spec: ChartSpec }, site: ImageSite): ImageJob {
  const url = new URL(absoluteUrl(site.url, exploreViewPath(view.id)));
  return {
    kind: 'chart-card',
    spec: view.spec,
    source: sourceLine(view.spec),
    credit: `${site.title} · ${url.host}${url.pathname}`,
  };
}

/** A report's social card: its title, first key figure and first chart. */
export function reportCardJob(report: CardReport, site: ImageSite): ImageJob {
  const url = new URL(absoluteUrl(site.url, reportPath(report.slug)));
  return {
    kind: 'report-card',
    card: {
      title: report.cardTitle ?? report.title,
      description: report.description,
      figure: report.figure,
      chart: report.chart,
      siteTitle: site.title,
      address: `${url.host}${url.pathname}`,
      accent: accentOf(site),
    },
  };
}

/** The site's card: its title and description, with the newest report's figure and chart. */
export function siteCardJob(
  newest: CardReport | undefined,
  site: ImageSite & Pick<SiteConfig, 'description'>,
): ImageJob {
  return {
    kind: 'report-card',
    card: {
      title: site.title,
      description: site.description,
      figure: newest?.figure,
      chart: newest?.chart,
      siteTitle: newest ? `Latest: ${newest.cardTitle ?? newest.title}` : site.title,
      address: `${new URL(site.url).host}${basePath(site.url)}`,
      accent: accentOf(site),
    },
  };
}

/** Every raster of one chart: its card (also its PNG download). */
export function chartJobs(slug: string, spec: ChartSpec, site: ImageSite): ImageJob[] {
  return [chartCardJob(slug, spec, site)];
}

/** Draws the image, without the cache. */
export function drawImage(job: ImageJob): Buffer | Promise<Buffer> {
  switch (job.kind) {
    case 'chart-card':
      return renderChartCard(job.spec, job.source, job.credit);
    case 'report-card':
      return renderReportCard(job.card);
  }
}

/**
 * The image's PNG bytes, from the cache or freshly drawn (and cached).
 * @param job The image.
 * @param cacheDir The image cache folder.
 * @returns The bytes, and whether they had to be drawn.
 */
export function imageFor(job: ImageJob, cacheDir: string): Promise<{ png: Buffer; drawn: boolean }> {
  return cachedImage(cacheDir, { RENDERER_KEY, job }, () => drawImage(job));
}

function accentOf(site: Pick<SiteConfig, 'tiers' | 'palette'>): string {
  return site.tiers.find((tier) => tier.id === 'micro')?.color ?? site.palette[0]!.color;
}
