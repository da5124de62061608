/** oEmbed (type rich) for every chart, discovered from its chart page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { embedPath, socialCardPath } from '../../../lib/chart/chart-paths.ts';
import { CARD } from '../../../lib/og/card-size.ts';
import { EMBED_SIZE, embedCode } from '../../../lib/share.ts';
import { absolute } from '../../../site/links.ts';
import { getAllCharts } from '../../../site/report-collection.ts';
import { SITE } from '../../../site.config.ts';

export const getStaticPaths = (async () =>
  (await getAllCharts()).map(({ report, spec }) => ({
    params: { slug: report.id, id: spec.id },
    props: {
      oembed: {
        version: '1.0',
        type: 'rich',
        title: spec.title,
        provider_name: SITE.title,
        provider_url: absolute('/'),
        author_name: report.data.authors[0]?.name ?? SITE.title,
        html: embedCode(absolute(embedPath(report.id, spec.id)), spec.title),
        width: EMBED_SIZE.width,
        height: EMBED_SIZE.height,
        thumbnail_url: absolute(socialCardPath(report.id, spec.id)),
        thumbnail_width: CARD.width,
        thumbnail_height: CARD.height,
      },
    },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ oembed: Record<string, unknown> }> = ({ props }) =>
  new Response(`${JSON.stringify(props.oembed, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json+oembed; charset=utf-8' },
  });
