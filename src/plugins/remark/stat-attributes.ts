/**
 * The attributes of `:stat{…}`: exactly the documented names (docs/authoring.md), checked before any
 * data is read, as chart-attributes.ts does for `::chart`.
 */
import { AGGREGATES, isAggregate } from '../../lib/aggregate/combine.ts';
import { issue } from '../../lib/error-codes/define.ts';
import { TB100, TB103, TB105, TB117 } from '../../lib/error-codes/directives.ts';
import { closest, type Issue } from '../../lib/errors.ts';
import { isStatForm, STAT_FORMS, type StatRequest } from '../../lib/stat/compute-stat.ts';

/** The attributes that make sense on a stat. */
export const STAT_ATTRIBUTES = ['dataset', 'y', 'where', 'compare', 'as', 'agg'] as const;

/**
 * Checks a stat's attributes and fills the default `as="value"`.
 * @param attributes The directive's attributes as remark-directive parsed them.
 */
export function readStatAttributes(attributes: Record<string, string | null | undefined>): {
  request?: StatRequest;
  issues: (Issue & { attribute: string })[];
} {
  const issues: (Issue & { attribute: string })[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    if ((STAT_ATTRIBUTES as readonly string[]).includes(name)) continue;
    const shown = name === 'id' ? `#${value ?? ''}` : name === 'class' ? `.${value ?? ''}` : name;
    const suggestion = closest(name, STAT_ATTRIBUTES);
    issues.push({
      attribute: name,
      ...issue(TB100, { directive: ':stat', attribute: shown, allowed: STAT_ATTRIBUTES, suggestion }),
    });
  }
  const text = (name: string) => {
    const value = attributes[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  for (const name of ['dataset', 'y'] as const) {
    if (text(name) === undefined) issues.push({ attribute: name, ...issue(TB103, { attribute: name }) });
  }
  const as = text('as') ?? 'value';
  if (!isStatForm(as)) {
    issues.push({ attribute: 'as', ...issue(TB117, { as, allowed: STAT_FORMS, suggestion: closest(as, STAT_FORMS) }) });
  }
  const agg = text('agg');
  // Unlike a chart's, a stat's agg suggests no near name: it lists the ways.
  if (agg !== undefined && !isAggregate(agg))
    issues.push({ attribute: 'agg', ...issue(TB105, { agg, allowed: AGGREGATES }) });
  if (issues.length > 0 || !isStatForm(as)) return { issues };
  return {
    request: {
      dataset: text('dataset')!,
      y: text('y')!,
      where: text('where'),
      compare: text('compare'),
      as,
      agg: agg !== undefined && isAggregate(agg) ? agg : undefined,
    },
    issues,
  };
}
