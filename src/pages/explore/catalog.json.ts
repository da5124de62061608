/** What the explorer offers (datasets, measures, axes, series values, years) and the site's tier colours. */
import type { APIRoute } from 'astro';
import { explorerDatasets } from '../../site/explorer-datasets.ts';
import { SITE } from '../../site.config.ts';

export const GET: APIRoute = async () => {
  const datasets = await explorerDatasets();
  const body = { site: { tiers: SITE.tiers, palette: SITE.palette, locale: SITE.locale }, datasets };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
