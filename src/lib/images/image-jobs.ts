/**
 * Every build-time image as a plain-JSON job: a chart's figure drawings (SVG
 * written into its pages), its social card (which is also its PNG download)
 * and its SVG download, and report and site cards. Astro's pages and endpoints
 * and the build's parallel pre-render describe an image with the same
 * constructor, so they share one cache key and an image is never drawn twice.
 */

import { chartPagePath, chartPermalink, exploreViewPath, reportPath } from '../chart/chart-paths.ts';
import type { ChartSpec } from '../chart/chart-spec.ts';
import type { StaticDrawings } from '../chart/figure.ts';
import { sourceLine } from '../chart/source-line.ts';
import { type ReportCard, renderChartCard, renderReportCard } from '../og/render-card.ts';
import { IMAGE_CACHE_DIR } from '../project-paths.ts';
import type { SiteConfig } from '../site-config.ts';
import { absoluteUrl, basePath } from '../site-url.ts';
import { cachedImage, cachedText } from './image-cache.ts';
import { drawFigureDrawings, framedChartSvg, svgFile } from './render-chart-svg.ts';
import { RENDERER_KEY } from './renderer-key.ts';

/** One image to draw. */
export type ImageJob =
  | { kind: 'figure-drawings'; spec: ChartSpec }
  | { kind: 'chart-card'; spec: ChartSpec; source: string; credit: string }
  | { kind: 'chart-svg'; spec: ChartSpec; frame: { title: string; source: string; credit: string } }
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
export function chartSvgJob(slug: string, spec: ChartSpec, site: ImageSite): ImageJob {
  const url = new URL(absoluteUrl(site.url, chartPermalink(slug, spec.id)));
  const credit = `${site.title} · ${url.host}${url.pathname}${url.hash}`;
  return { kind: 'chart-svg', spec, frame: { title: spec.title, source: sourceLine(spec), credit } };
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

/** A report's social card: its title, the key figure marked `card: true` (else its description) and first chart. */
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

/** The site's card: its title and description, with the newest report's card figure and first chart. */
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

/** The drawings inside a chart's figure (wide and narrow), drawn once for every page that shows the chart. */
function figureDrawingsJob(spec: ChartSpec): ImageJob {
  return { kind: 'figure-drawings', spec };
}

/**
 * A chart's figure drawings, from the cache or drawn now (and cached): the build draws them on every core before
 * Astro runs, and a page that finds none (in `astro dev`) draws them itself. Nothing is kept in memory: a
 * 1,000-report site has 3,000 charts, and each page parses its own copy (a fraction of a millisecond).
 * @param spec The chart.
 * @param cacheDir The image cache folder (default: the build's).
 */
export function figureDrawings(spec: ChartSpec, cacheDir = IMAGE_CACHE_DIR): StaticDrawings {
  const job = figureDrawingsJob(spec);
  return JSON.parse(cachedText(cacheDir, { RENDERER_KEY, job }, 'json', () => drawFigureDrawings(spec)));
}

/** Every image of one chart: its figure drawings, its card (also its PNG download) and its SVG download. */
export function chartJobs(slug: string, spec: ChartSpec, site: ImageSite): ImageJob[] {
  return [figureDrawingsJob(spec), chartCardJob(slug, spec, site), chartSvgJob(slug, spec, site)];
}

/** The file type of a job's image: the figure drawings are SVG trees in JSON. */
export function imageExtension(job: ImageJob): 'png' | 'svg' | 'json' {
  return job.kind === 'chart-svg' ? 'svg' : job.kind === 'figure-drawings' ? 'json' : 'png';
}

/** Draws the image, without the cache: PNG bytes, or an SVG file's or the figure drawings' text. */
export function drawImage(job: ImageJob): Buffer | string | Promise<Buffer> {
  switch (job.kind) {
    case 'figure-drawings':
      return drawFigureDrawings(job.spec);
    case 'chart-card':
      return renderChartCard(job.spec, job.source, job.credit);
    case 'chart-svg':
      return svgFile(framedChartSvg(job.spec, job.frame, SVG_DOWNLOAD));
    case 'report-card':
      return renderReportCard(job.card);
  }
}

/**
 * The image's bytes, from the cache or freshly drawn (and cached).
 * @param job The image.
 * @param cacheDir The image cache folder (default: the build's).
 * @returns The bytes, and whether they had to be drawn.
 */
export function imageFor(job: ImageJob, cacheDir = IMAGE_CACHE_DIR): Promise<{ bytes: Buffer; drawn: boolean }> {
  return cachedImage(cacheDir, { RENDERER_KEY, job }, imageExtension(job), () => drawImage(job));
}

function accentOf(site: Pick<SiteConfig, 'tiers' | 'palette'>): string {
  return site.tiers.find((tier) => tier.id === 'micro')?.color ?? site.palette[0]!.color;
}
