/**
 * The attributes of `::chart{…}`: exactly the documented names (docs/authoring.md), checked before any
 * data is read. Values are plain text; nothing is copied into the HTML as-is.
 */

import { AGGREGATES, isAggregate } from '../../lib/aggregate/combine.ts';
import type { ChartRequest } from '../../lib/chart/build-chart-spec.ts';
import { CHART_TYPES, type ChartType, isChartType, STACKS } from '../../lib/chart/chart-spec.ts';
import { TB060, TB061, TB067 } from '../../lib/error-codes/charts.ts';
import { issue } from '../../lib/error-codes/define.ts';
import { TB100, TB101, TB102, TB104, TB105, TB106, TB107 } from '../../lib/error-codes/directives.ts';
import { closest, type Issue } from '../../lib/errors.ts';
import { slugify } from '../../lib/slugify.ts';

/** Options and annotations of charts (docs/authoring.md, "Chart kinds" and "Annotations"). */
const CHART_OPTIONS = [
  'y2',
  'stack',
  'sort',
  'scale',
  'xscale',
  'facet',
  'name',
  'mark',
  'band',
  'ref',
  'label',
] as const;

/** The values an option takes. */
const OPTION_VALUES = {
  stack: STACKS,
  sort: ['desc', 'asc'],
  scale: ['log', 'linear'],
  xscale: ['log', 'linear'],
} as const;

/** Options only some kinds use: elsewhere they would silently do nothing. */
const OPTION_KINDS: Partial<Record<(typeof CHART_OPTIONS)[number], readonly ChartType[]>> = {
  y2: ['range'],
  stack: ['bar', 'hbar', 'area'],
  sort: ['hbar'],
  xscale: ['scatter'],
  name: ['scatter'],
};

/** Attributes of both `::chart` and `:stat`. */
const COMMON_ATTRIBUTES = ['id', 'dataset', 'y', 'x', 'series', 'type', 'title', 'where'] as const;

/** Every attribute a directive may have (docs/authoring.md lists them). */
export const DIRECTIVE_ATTRIBUTES = [...COMMON_ATTRIBUTES, 'compare', 'as', 'agg', ...CHART_OPTIONS] as const;

/** The attributes that make sense on a chart. */
export const CHART_ATTRIBUTES = [...COMMON_ATTRIBUTES, 'agg', ...CHART_OPTIONS] as const;

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
  for (const [name, allowed] of Object.entries(OPTION_VALUES)) {
    const value = text(name);
    if (value !== undefined && !(allowed as readonly string[]).includes(value)) {
      issues.push({
        attribute: name,
        ...issue(TB060, { attribute: name, value, allowed, suggestion: closest(value, allowed) }),
      });
    }
  }
  if (isChartType(type)) {
    for (const [name, kinds] of Object.entries(OPTION_KINDS)) {
      if (text(name) !== undefined && !kinds.includes(type)) {
        issues.push({ attribute: name, ...issue(TB061, { attribute: name, type, kinds }) });
      }
    }
    // A scatter draws one point per row: there is nothing to combine.
    if (type === 'scatter' && text('agg') !== undefined) {
      const kinds = CHART_TYPES.filter((kind) => kind !== 'scatter');
      issues.push({ attribute: 'agg', ...issue(TB061, { attribute: 'agg', type, kinds }) });
    }
    if (type === 'range' && text('y2') === undefined) {
      issues.push({ attribute: 'type', ...issue(TB067, { y: text('y') ?? 'y' }) });
    }
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
      y2: text('y2'),
      stack: text('stack') as ChartRequest['stack'],
      sort: text('sort') as ChartRequest['sort'],
      scale: text('scale') as ChartRequest['scale'],
      xscale: text('xscale') as ChartRequest['xscale'],
      facet: text('facet'),
      name: text('name'),
      // Annotations keep their spaces: their text is the reader's.
      mark: attributes.mark ?? undefined,
      band: attributes.band ?? undefined,
      ref: attributes.ref ?? undefined,
      label: attributes.label ?? undefined,
    },
    issues,
  };
}
