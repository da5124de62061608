/**
 * The attributes of `::chart{…}`: exactly the documented names (docs/authoring.md), checked before any
 * data is read. Values are plain text; nothing is copied into the HTML as-is.
 */
import { AGGREGATES, isAggregate } from '../../lib/aggregate/combine.ts';
import { CHART_TYPES, isChartType } from '../../lib/chart/chart-spec.ts';
import type { ChartRequest } from '../../lib/chart/build-chart-spec.ts';
import { closest, listValues, quote, type Issue } from '../../lib/errors.ts';

/** Every attribute a directive may have (docs/authoring.md lists them). */
export const DIRECTIVE_ATTRIBUTES = ['id', 'dataset', 'y', 'x', 'series', 'type', 'title', 'where', 'compare', 'as', 'agg'] as const;

/** The attributes that make sense on a chart. */
export const CHART_ATTRIBUTES = ['id', 'dataset', 'y', 'x', 'series', 'type', 'title', 'where', 'agg'] as const;

/**
 * Turns a title into an id: lowercase ASCII letters, digits and hyphens.
 * @param text The title.
 */
const TRANSLITERATIONS: Record<string, string> = { æ: 'ae', œ: 'oe', ø: 'o', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æœøßłđðþı]/g, (char) => TRANSLITERATIONS[char]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks a chart's attributes and fills defaults (`x="year"`, `type="line"`, id from the title).
 * @param attributes The directive's attributes as remark-directive parsed them.
 */
export function readChartAttributes(attributes: Record<string, string | null | undefined>): {
  request?: ChartRequest;
  issues: (Issue & { attribute?: string })[];
} {
  const issues: (Issue & { attribute?: string })[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    if ((CHART_ATTRIBUTES as readonly string[]).includes(name)) continue;
    const known = (DIRECTIVE_ATTRIBUTES as readonly string[]).includes(name);
    const suggestion = closest(name, CHART_ATTRIBUTES);
    const shown = name === 'class' ? `.${value ?? ''}` : name;
    issues.push({
      attribute: name,
      what: known ? `${name}="…" applies to :stat, not to ::chart` : `::chart has no attribute ${quote(shown)}`,
      expected: `only ${listValues(CHART_ATTRIBUTES.map((attribute) => (attribute === 'id' ? '#id' : attribute)))}`,
      received: quote(shown),
      fix: suggestion && !known ? `Did you mean ${suggestion}="…"?` : 'Remove the attribute',
    });
  }
  const text = (name: string) => {
    const value = attributes[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const dataset = text('dataset');
  const y = text('y');
  for (const [name, value] of [['dataset', dataset], ['y', y]] as const) {
    if (value === undefined) {
      issues.push({
        attribute: name,
        what: `::chart needs ${name}="…"`,
        expected: name === 'dataset' ? 'the name of a CSV file in data/ (without .csv)' : 'the column to measure',
        received: attributes[name] === undefined ? 'no such attribute' : 'an empty value',
        fix: `Add ${name}="…" to the directive`,
      });
    }
  }
  const type = text('type') ?? 'line';
  if (!isChartType(type)) {
    issues.push({
      attribute: 'type',
      what: `type=${quote(type)} is not a chart type`,
      expected: listValues(CHART_TYPES),
      received: quote(type),
      fix: closest(type, CHART_TYPES) ? `Did you mean type="${closest(type, CHART_TYPES)}"?` : 'Use type="line" or type="bar"',
    });
  }
  const agg = text('agg');
  if (agg !== undefined && !isAggregate(agg)) {
    issues.push({
      attribute: 'agg',
      what: `agg=${quote(agg)} is not a way to combine values`,
      expected: listValues(AGGREGATES),
      received: quote(agg),
      fix: closest(agg, AGGREGATES) ? `Did you mean agg="${closest(agg, AGGREGATES)}"?` : 'Use one of mean, median, sum, min or max',
    });
  }
  const title = text('title');
  const explicitId = text('id');
  if (explicitId !== undefined && !ID_PATTERN.test(explicitId)) {
    issues.push({
      attribute: 'id',
      what: `the chart id #${explicitId} is not a plain slug`,
      expected: 'lowercase ASCII letters, digits and single hyphens, such as #engagement-by-tier',
      received: quote(explicitId),
      fix: `Use #${slugify(explicitId) || 'chart-name'}`,
    });
  }
  const id = explicitId ?? (title ? slugify(title) : undefined);
  if (id === undefined || id === '') {
    issues.push({
      attribute: 'id',
      what: '::chart has neither an #id nor a title to make one from',
      expected: 'an #id or a title="…"',
      received: 'neither',
      fix: 'Add a title="…" (the id is made from it) or an #id such as #engagement-by-tier',
    });
  }
  if (issues.length > 0 || !dataset || !y || !id || !isChartType(type)) return { issues };
  return {
    request: {
      id,
      title: title ?? id,
      dataset,
      y,
      x: text('x') ?? 'year',
      series: text('series'),
      type,
      where: text('where'),
      agg: agg !== undefined && isAggregate(agg) ? agg : undefined,
    },
    issues,
  };
}
