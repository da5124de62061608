/**
 * Generates a synthetic Trendbook site for the benchmark: three tier datasets
 * (2010–2025, five tiers) and `reports` reports with three charts, a key figure
 * and a stat each. Every chart has its own title and filter, so no two charts
 * share an image.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TIERS = ['nano', 'micro', 'mid_tier', 'macro', 'mega'];
const YEARS = Array.from({ length: 16 }, (_, index) => 2010 + index);

/**
 * Writes the site into `dir` (which must be empty or absent).
 * @param dir Target folder.
 * @param reports How many reports.
 */
export function writeSyntheticSite(dir: string, reports: number): void {
  mkdirSync(join(dir, 'data'), { recursive: true });
  mkdirSync(join(dir, 'content', 'reports'), { recursive: true });
  const rows = (value: (tier: number, year: number) => string) =>
    YEARS.flatMap((year) => TIERS.map((tier, index) => `${year},${tier},${value(index, year)},reported`));
  writeFileSync(
    join(dir, 'data', 'engagement.csv'),
    `${['year,tier,engagement_rate,basis', ...rows((tier, year) => `${(6 - tier - (year - 2010) * 0.1).toFixed(2)}%`)].join('\n')}\n`,
  );
  writeFileSync(
    join(dir, 'data', 'cost.csv'),
    `${['year,tier,cost_per_post,basis', ...rows((tier, year) => `"$${(100 * 10 ** tier + (year - 2010) * 7).toLocaleString('en-US')}"`)].join('\n')}\n`,
  );
  writeFileSync(
    join(dir, 'data', 'buzz.csv'),
    `${['year,tier,mentions,basis', ...rows((tier, year) => String(1_000 * (tier + 1) + (year - 2010) * 37))].join('\n')}\n`,
  );
  for (let index = 1; index <= reports; index++) {
    const from = YEARS[index % 8]!;
    const years = YEARS.filter((year) => year >= from && year < from + 8).join(',');
    const date = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
    writeFileSync(
      join(dir, 'content', 'reports', `report-${String(index).padStart(4, '0')}.md`),
      `---
title: "Influencer tiers, study ${index}"
description: "Engagement, cost and buzz by tier from ${from}, generated for the benchmark."
date: ${date}
tags: [benchmark]
figures:
  - label: micro engagement in ${from}
    dataset: engagement
    y: engagement_rate
    where: tier=micro year=${from}
---

Study ${index} compares the five tiers from ${from}. Micro engagement stood at :stat{dataset="engagement" y="engagement_rate" where="tier=micro year=${from}"} that year.

## Engagement

::chart{dataset="engagement" y="engagement_rate" series="tier" where="year=${years}" title="Engagement by tier, study ${index}"}

## Cost

Prices span orders of magnitude, from nano to mega.

::chart{dataset="cost" y="cost_per_post" series="tier" where="year=${years}" title="Cost per post by tier, study ${index}"}

## Buzz

::chart{dataset="buzz" y="mentions" series="tier" type="bar" where="year=${years}" title="Mentions by tier, study ${index}"}
`,
    );
  }
}
