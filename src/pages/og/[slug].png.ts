/** A report's social card: its title, first key figure and first chart. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { reportPath } from '../../lib/chart/chart-paths.ts';
import { RENDERER_KEY } from '../../lib/chart/render-image.ts';
import { cachedImage } from '../../lib/image-cache.ts';
import { renderReportCard, type ReportCard } from '../../lib/og/render-card.ts';
import { IMAGE_CACHE_DIR } from '../../lib/project-paths.ts';
import { SITE } from '../../site.config.ts';
import { reportFigures } from '../../site/report-page-data.ts';
import { getCharts, getReports } from '../../site/reports.ts';

export const getStaticPaths = (async () => {
  const paths = [];
  for (const report of await getReports()) {
    const figure = reportFigures(report)[0];
    const url = new URL(reportPath(report.id), SITE.url);
    const card: ReportCard = {
      title: report.data.title,
      description: report.data.description,
      figure: figure ? { value: figure.result.text, label: figure.label } : undefined,
      chart: (await getCharts(report))[0],
      siteTitle: SITE.title,
      address: `${url.host}${url.pathname}`,
      accent: SITE.tiers.find((tier) => tier.id === 'micro')?.color ?? SITE.palette[0]!.color,
    };
    paths.push({ params: { slug: report.id }, props: { card } });
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: ReportCard }> = async ({ props }) => {
  const png = await cachedImage(IMAGE_CACHE_DIR, { RENDERER_KEY, kind: 'report-card', card: props.card }, () => renderReportCard(props.card));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
