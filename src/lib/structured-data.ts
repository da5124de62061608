/**
 * schema.org data for search engines: `Article` for reports, `Dataset` for
 * chart pages (a chart is a view of a dataset with sources and a download).
 */
import type { ChartSpec } from './chart/chart-spec.ts';

/**
 * An Article for a report page.
 * @param report Title, description, dates, authors, tags and absolute URLs.
 */
export function articleData(report: {
  title: string;
  description: string;
  date: Date;
  updated?: Date | undefined;
  authors: { name: string }[];
  tags: string[];
  url: string;
  image: string;
  publisher: { name: string; url: string };
}): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: report.title,
    description: report.description,
    datePublished: report.date.toISOString().slice(0, 10),
    dateModified: (report.updated ?? report.date).toISOString().slice(0, 10),
    author:
      report.authors.length > 0
        ? report.authors.map((author) => ({ '@type': 'Person', name: author.name }))
        : { '@type': 'Organization', name: report.publisher.name },
    publisher: { '@type': 'Organization', name: report.publisher.name, url: report.publisher.url },
    keywords: report.tags.join(', ') || undefined,
    image: report.image,
    mainEntityOfPage: report.url,
  };
}

/**
 * A Dataset for a chart page: what it measures, where it comes from, where to download it.
 * @param spec The chart.
 * @param url Absolute URL of the chart page.
 * @param csvUrl Absolute URL of the chart's CSV download.
 * @param description The chart's description.
 */
export function chartDatasetData(
  spec: ChartSpec,
  url: string,
  csvUrl: string,
  description: string,
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: spec.title,
    description,
    url,
    variableMeasured: spec.y.label,
    temporalCoverage:
      spec.x.format.type === 'year' && spec.x.values.length > 0
        ? `${spec.x.values[0]}/${spec.x.values.at(-1)}`
        : undefined,
    isBasedOn: spec.sources.filter((source) => source.url).map((source) => source.url),
    distribution: { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: csvUrl },
  };
}
