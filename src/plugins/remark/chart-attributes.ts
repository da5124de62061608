/**
 * The attributes of `::chart{…}`: exactly the documented names (docs/authoring.md), checked before any
 * data is read. Values are plain text; nothing is copied into the HTML as-is.
 */
import { AGGREGATES, isAggregate } from '../../lib/aggregate/combine.ts';
import type { ChartRequest } from '../../lib/chart/build-chart-spec.ts';
import { CHART_TYPES, isChartType } from '../../lib/chart/chart-spec.ts';
import { issue } from '../../lib/error-codes/define.ts';
import { TB100, TB101, TB102, TB104, TB105, TB106, TB107 } from '../../lib/error-codes/directives.ts';
import { closest, type Issue } from '../../lib/errors.ts';

/** Every attribute a directive may have (docs/authoring.md lists them). */
export const DIRECTIVE_ATTRIBUTES = [
  'id',
  'dataset',
  'y',
  'x',
  'series',
  'type',
  'title',
  'where',
  'compare',
  'as',
  'agg',
] as const;

/** The attributes that make sense on a chart. */
export const CHART_ATTRIBUTES = ['id', 'dataset', 'y', 'x', 'series', 'type', 'title', 'where', 'agg'] as const;

/**
 * Turns a title into an id: lowercase ASCII letters, digits and hyphens.
 * @param text The title.
 */
const TRANSLITERATIONS: Record<string, string> = {
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

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
    const shown = name === 'class' ? `.${value ?? ''}` : name;
    const allowed = CHART_ATTRIBUTES.map((attribute) => (attribute === 'id' ? '#id' : attribute));
    issues.push({
      attribute: name,
      ...(known
        ? issue(TB101, { attribute: name, allowed })
        : issue(TB100, {
            directive: '::chart',
            attribute: shown,
            allowed,
            suggestion: closest(name, CHART_ATTRIBUTES),
          })),
    });
  }
  const text = (name: string) => {
    const value = attributes[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const dataset = text('dataset');
  const y = text('y');
  for (const [name, value] of [
    ['dataset', dataset],
    ['y', y],
  ] as const) {
    if (value === undefined)
      issues.push({ attribute: name, ...issue(TB102, { attribute: name, empty: attributes[name] !== undefined }) });
  }
  const type = text('type') ?? 'line';
  if (!isChartType(type)) {
    issues.push({
      attribute: 'type',
      ...issue(TB104, { type, allowed: CHART_TYPES, suggestion: closest(type, CHART_TYPES) }),
    });
  }
  const agg = text('agg');
  if (agg !== undefined && !isAggregate(agg)) {
    issues.push({
      attribute: 'agg',
      ...issue(TB105, { agg, allowed: AGGREGATES, suggestion: closest(agg, AGGREGATES) }),
    });
  }
  const title = text('title');
  const explicitId = text('id');
  if (explicitId !== undefined && !ID_PATTERN.test(explicitId)) {
    issues.push({ attribute: 'id', ...issue(TB106, { id: explicitId, slug: slugify(explicitId) }) });
  }
  const id = explicitId ?? (title ? slugify(title) : undefined);
  if (id === undefined || id === '') {
    issues.push({ attribute: 'id', ...issue(TB107, {}) });
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
