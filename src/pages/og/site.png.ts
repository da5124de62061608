/** The site's own social card, for the home page and pages without one of their own. */
import type { APIRoute } from 'astro';
import { RENDERER_KEY } from '../../lib/chart/render-image.ts';
import { cachedImage } from '../../lib/image-cache.ts';
import { renderReportCard, type ReportCard } from '../../lib/og/render-card.ts';
import { IMAGE_CACHE_DIR } from '../../lib/project-paths.ts';
import { SITE } from '../../site.config.ts';
import { reportFigures } from '../../site/report-page-data.ts';
import { getCharts, getReports } from '../../site/reports.ts';

export const GET: APIRoute = async () => {
  const [newest] = await getReports();
  const figure = newest ? reportFigures(newest)[0] : undefined;
  const card: ReportCard = {
    title: SITE.title,
    description: SITE.description,
    figure: figure ? { value: figure.result.text, label: figure.label } : undefined,
    chart: newest ? (await getCharts(newest))[0] : undefined,
    siteTitle: newest ? `Latest: ${newest.data.title}` : SITE.title,
    address: new URL(SITE.url).host,
    accent: SITE.tiers.find((tier) => tier.id === 'micro')?.color ?? SITE.palette[0]!.color,
  };
  const png = await cachedImage(IMAGE_CACHE_DIR, { RENDERER_KEY, kind: 'site-card', card }, () => renderReportCard(card));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
