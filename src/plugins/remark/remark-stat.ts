/**
 * `:stat{…}` → a number from the data, inside a sentence; `:stat[claim]{…}` →
 * the author's words, checked against the data at the claim's precision.
 *
 * ```md
 * Micro averaged :stat{dataset="engagement" y="engagement_rate" where="tier=micro year=2016"}.
 * ```
 * becomes `Micro averaged <span class="stat">2.4%</span>.`
 */
import type { PhrasingContent, Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isAggregate, AGGREGATES } from '../../lib/aggregate/combine.ts';
import { closest, listValues, quote, type Issue } from '../../lib/errors.ts';
import { datasetNameIssue, readDataset } from '../../lib/data/load-dataset.ts';
import { claimHolds, parseClaims, roundForClaim, type Claim } from '../../lib/stat/claim.ts';
import { scaleName, unitScale } from '../../lib/data/scale.ts';
import { computeStat, isStatForm, STAT_FORMS, toPageStat, type StatRequest, type StatResult, type StatTerm } from '../../lib/stat/compute-stat.ts';
import { formatValue } from '../../lib/format.ts';
import { addProblem, recordProblem, shareWithPages, siteBase, sourceOf, type TrendbookRemarkOptions } from './context.ts';
import { siteHref } from '../../lib/site-url.ts';
import { readWrittenAttributes, unreadableDirective } from './directive-source.ts';

/** The attributes that make sense on a stat. */
export const STAT_ATTRIBUTES = ['dataset', 'y', 'where', 'compare', 'as', 'agg'] as const;

/**
 * Replaces every `:stat` with its value, or with its checked claim.
 * @param options Project root and site settings.
 */
export function remarkStat(options: TrendbookRemarkOptions) {
  const root = options.root ?? process.cwd();
  return (tree: Root, file: VFile) => {
    let count = 0;
    shareWithPages(file, 'trendbookStats', (file.data.trendbookStats ??= []));
    // Inside link text a second link would nest <a> elements; inside a heading the
    // working would become part of the heading's text and id. There the stat prints alone.
    const plain = new Set<TextDirective>();
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'heading') return;
      visit(node, 'textDirective', (directive: TextDirective) => {
        plain.add(directive);
      });
    });
    visit(tree, 'textDirective', (node: TextDirective) => {
      if (node.name !== 'stat') return;
      const source = sourceOf(file, node);
      // `:stat` followed by braces remark-directive could not read: say why, rather than "needs dataset".
      const after = typeof file.value === 'string' ? file.value.slice(node.position?.end.offset ?? 0) : '';
      if (!source.includes('{') && after.startsWith('{')) {
        const issue = unreadableDirective('stat', `${source}${after.split('\n')[0]}`);
        recordProblem(file, root, node, issue, issue.offset);
        return;
      }
      const written = readWrittenAttributes(source);
      written.issues.forEach((issue) => recordProblem(file, root, node, issue, issue.offset));
      const offsetOf = (attribute: string) => written.attributes.find((item) => item.name === attribute)?.offset ?? 0;
      const { request, issues } = readStatAttributes(node.attributes ?? {});
      issues.forEach((issue) => recordProblem(file, root, node, issue, offsetOf(issue.attribute)));
      // Several numbers in the brackets are wrong whatever the data says: reported with the other problems.
      const claimText = node.children.length > 0 ? toString(node) : undefined;
      const numbersIssue = claimText === undefined ? undefined : severalNumbers(claimText);
      if (numbersIssue) recordProblem(file, root, node, numbersIssue);
      if (!request || written.issues.length > 0) return;

      const nameIssue = datasetNameIssue(root, request.dataset, (name) => `dataset="${name}"`);
      if (nameIssue) {
        recordProblem(file, root, node, nameIssue, offsetOf('dataset'));
        return;
      }
      const { dataset, problems } = readDataset(root, request.dataset, options.config.limits);
      if (!dataset || problems.length > 0) {
        problems.forEach((problem) => addProblem(file, problem));
        return;
      }
      const computed = computeStat(dataset, request, options.config.locale);
      computed.issues.forEach(({ attribute, ...issue }) => recordProblem(file, root, node, issue, offsetOf(attribute)));
      if (!computed.result) return;

      // A claim in brackets must hold; the author's words are printed unchanged.
      if (numbersIssue) return;
      if (claimText !== undefined) {
        const issue = checkClaim(claimText, computed.result, options.config.locale);
        if (issue) {
          recordProblem(file, root, node, issue);
          return;
        }
      }
      // The number, then how it was computed: shown on hover and keyboard focus.
      const result = computed.result;
      const workingId = `stat-working-${++count}`;
      const chart = (file.data.trendbookCharts ?? []).find((spec) => spec.dataset.name === result.dataset.name && spec.y.column === result.column.name);
      const shown: PhrasingContent[] = claimText === undefined ? [{ type: 'text', value: result.text }] : node.children;
      const link: PhrasingContent = {
        type: 'link',
        url: chart ? `#${chart.id}` : siteHref(siteBase(options), `/data/${result.dataset.name}.csv`),
        children: [{ type: 'text', value: chart ? `See the chart “${chart.title}”` : `Dataset: ${result.dataset.title}` }],
      };
      const working: PhrasingContent = {
        type: 'emphasis',
        data: { hName: 'span', hProperties: { className: ['stat__working'], role: 'tooltip', id: workingId } },
        children: [{ type: 'text', value: `${describeStat(result, options.config.locale)} ` }, link],
      };
      const data = (node.data ??= {});
      data.hName = 'span';
      if (plain.has(node)) {
        node.children = shown;
        data.hProperties = { className: ['stat'], dataStat: '', title: describeStat(result, options.config.locale) };
      } else {
        node.children = [...shown, working];
        data.hProperties = { className: ['stat'], dataStat: '', tabIndex: 0, ariaDescribedby: workingId };
      }
      (file.data.trendbookStats ??= []).push(toPageStat(result));
    });
  };
}

function readStatAttributes(attributes: Record<string, string | null | undefined>): { request?: StatRequest; issues: (Issue & { attribute: string })[] } {
  const issues: (Issue & { attribute: string })[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    if ((STAT_ATTRIBUTES as readonly string[]).includes(name)) continue;
    const shown = name === 'id' ? `#${value ?? ''}` : name === 'class' ? `.${value ?? ''}` : name;
    const suggestion = closest(name, STAT_ATTRIBUTES);
    issues.push({
      attribute: name,
      what: `:stat has no attribute ${quote(shown)}`,
      expected: `only ${listValues(STAT_ATTRIBUTES)}`,
      received: quote(shown),
      fix: suggestion ? `Did you mean ${suggestion}="…"?` : 'Remove the attribute',
    });
  }
  const text = (name: string) => {
    const value = attributes[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  for (const name of ['dataset', 'y']) {
    if (text(name) === undefined) {
      issues.push({ attribute: name, what: `:stat needs ${name}="…"`, expected: name === 'dataset' ? 'the name of a CSV file in data/' : 'the column to read', received: 'nothing', fix: `Add ${name}="…"` });
    }
  }
  const as = text('as') ?? 'value';
  if (!isStatForm(as)) {
    issues.push({ attribute: 'as', what: `as=${quote(as)} is not a form of stat`, expected: listValues(STAT_FORMS), received: quote(as), fix: closest(as, STAT_FORMS) ? `Did you mean as="${closest(as, STAT_FORMS)}"?` : 'Use value, ratio, percent-more or difference' });
  }
  const agg = text('agg');
  if (agg !== undefined && !isAggregate(agg)) {
    issues.push({ attribute: 'agg', what: `agg=${quote(agg)} is not a way to combine values`, expected: listValues(AGGREGATES), received: quote(agg), fix: 'Use one of mean, median, sum, min or max' });
  }
  if (issues.length > 0 || !isStatForm(as)) return { issues };
  return {
    request: { dataset: text('dataset')!, y: text('y')!, where: text('where'), compare: text('compare'), as, agg: agg !== undefined && isAggregate(agg) ? agg : undefined },
    issues,
  };
}

/** A claim is checked by its one number: a second one would be shown as verified without being read. */
function severalNumbers(text: string): Issue | undefined {
  const numbers = parseClaims(text).map((claim) => claim.text);
  if (numbers.length < 2) return undefined;
  return {
    what: `the claim ${quote(text)} has ${numbers.length} numbers (${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}), but only one can be checked`,
    expected: 'exactly one number in the brackets, with its unit or scale word (a year counts as a number too)',
    received: `${numbers.length} numbers`,
    fix: 'Keep one number in the brackets and write the other words after the directive, or give each number its own :stat',
  };
}

/** Checks the one number of a claim against the computed value. */
function checkClaim(text: string, result: StatResult, locale: string): Issue | undefined {
  const claims = parseClaims(text);
  const claim = claims[0];
  if (!claim) {
    return {
      what: `the claim ${quote(text)} has no number to check`,
      expected: `a number such as ${result.text}`,
      received: quote(text),
      fix: 'Write the number in the brackets, or drop the brackets to print the value from the data',
    };
  }
  const unitIssue = unitMismatch(claim, result);
  // Fractions (0.024) are claimed as percentages (2.4%) and differences of them as points.
  const scale = result.format.type === 'fraction' && (result.form === 'value' || result.form === 'difference') ? 100 : 1;
  // A column declared in millions holding 2.1 means 2,100,000; ratios and percentages have no scale.
  const columnScale = result.form === 'value' || result.form === 'difference' ? unitScale(result.format.unit) : 1;
  const computed = result.value * scale * columnScale;
  const { rounded, step } = roundForClaim(claim.step, computed);
  const decimals = decimalsOf(step);
  // A scaled claim or column is shown in its scale: "2.1M", "2.1 million".
  const shownScale = claim.scale ?? (columnScale > 1 ? { factor: columnScale, written: ` ${scaleName(columnScale)}` } : undefined);
  const shown =
    result.form === 'difference' && (result.format.type === 'percent' || result.format.type === 'fraction')
      ? `${formatValue(rounded, { type: 'number', decimals }, locale)} pp`
      : shownScale && (result.format.type === 'number' || result.format.type === 'currency')
        ? `${formatValue(rounded / shownScale.factor, { ...result.format, decimals: decimalsOf(step / shownScale.factor) }, locale)}${shownScale.written}`
        : formatValue(scale === 100 ? rounded / 100 : rounded, { ...result.format, decimals: scale === 100 ? decimals + 2 : decimals }, locale);
  const working = describeWorking(result, locale);
  if (unitIssue) {
    return {
      what: `the text says ${claim.text} but ${result.dataset.path} gives ${result.text} (${working}): ${unitIssue}`,
      expected: result.text,
      received: quote(text),
      fix: 'Write the claim in the unit the stat computes, or change as="…"',
    };
  }
  if (claimHolds(claim, computed)) return undefined;
  // "2.1" against a column in millions: the number is right, its scale word is outside the brackets.
  const scaleOutside = !claim.scale && columnScale > 1 && claimHolds(claim, computed / columnScale);
  return {
    what: `the text says ${claim.text} but ${result.dataset.path} gives ${shown} (${working})`,
    // When two significant figures are finer than the claim, say so: "1 times" looks right to its author.
    expected: step < claim.step ? `${shown}, since a claim is checked to at least two significant figures` : `${shown} at the claim's precision`,
    received: quote(text),
    fix: scaleOutside
      ? `The column is in ${scaleName(columnScale)}s: write the scale word inside the brackets, as in ${claim.text} ${scaleName(columnScale)}`
      : 'Correct the sentence, or correct the data if the sentence is right',
  };
}

function unitMismatch(claim: Claim, result: StatResult): string | undefined {
  const form = result.form;
  if (claim.unit === 'times' && form !== 'ratio' && result.format.unit !== '×') return 'a multiple (×) needs as="ratio"';
  if (claim.unit === 'percent' && !(form === 'percent-more' || result.format.type === 'percent' || result.format.type === 'fraction' || result.format.type === 'number')) {
    return 'a percentage needs a percent column or as="percent-more"';
  }
  if (claim.unit === 'points' && !(form === 'difference' && (result.format.type === 'percent' || result.format.type === 'fraction'))) {
    return 'percentage points need as="difference" on a percent column';
  }
  if (claim.unit === 'currency' && result.format.type !== 'currency') return 'an amount of money needs a currency column';
  if (form === 'ratio' && (claim.unit === 'percent' || claim.unit === 'currency')) return 'as="ratio" gives a multiple such as 6.7×';
  return undefined;
}

function decimalsOf(step: number): number {
  return step >= 1 ? 0 : Math.round(-Math.log10(step));
}

/** "236 / 107, year=2023": the numbers behind a stat, for messages and the working popover. */
export function describeWorking(result: StatResult, locale: string): string {
  const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const values = result.terms.map((term) => plain.format(term.value));
  const operator = result.form === 'difference' ? ' − ' : ' / ';
  const head = result.form === 'value' ? values[0]! : result.form === 'percent-more' ? `(${values[0]} − ${values[1]}) / ${values[1]}` : values.join(operator);
  return [head, result.where].filter(Boolean).join(', ');
}

/**
 * "60% = (2.4 − 1.5) / 1.5 with tier micro vs mega, year=2016 (engagement_rate, data/engagement.csv lines 7 and 11)."
 * @param result The computed stat.
 * @param locale Locale for numbers.
 */
export function describeStat(result: StatResult, locale: string): string {
  const { first, more } = firstLines(result.terms, 6);
  const where = [result.terms.length === 2 ? `${result.terms[0]!.label} vs ${result.terms[1]!.label}` : '', result.where].filter(Boolean).join(', ');
  const rows = `${result.dataset.path} ${first.length === 1 && !more ? 'line' : 'lines'} ${first.join(', ')}${more ? ', …' : ''}`;
  if (result.form === 'value') {
    const term = result.terms[0]!;
    const range = term.range ? ` (midpoint of the published range ${formatValue(term.range[0], result.format, locale)}–${formatValue(term.range[1], result.format, locale)})` : '';
    return `${result.column.label}${where ? ` for ${where}` : ''}: ${result.text}${range}${term.lines.length > 1 ? ` (combined from ${term.lines.length} rows)` : ''}, from ${rows}.`;
  }
  return `${result.text} = ${describeWorking({ ...result, where: '' }, locale)}, ${result.column.label.toLowerCase()} for ${where}, from ${rows}.`;
}

/**
 * The `count` lowest distinct lines of the terms' rows, and whether there are more. One pass
 * keeping a short list: an `agg` over millions of rows has millions of lines, and collecting,
 * deduplicating and sorting them all took seconds per stat to print six of them.
 */
function firstLines(terms: readonly StatTerm[], count: number): { first: number[]; more: boolean } {
  // Ascending and distinct, with at most one line past `count` (which says there are more).
  const lowest: number[] = [];
  for (const term of terms) {
    for (const line of term.lines) {
      if (lowest.length > count && line >= lowest[count]!) continue;
      const at = lowest.findIndex((kept) => kept >= line);
      if (lowest[at] === line) continue;
      lowest.splice(at === -1 ? lowest.length : at, 0, line);
      if (lowest.length > count + 1) lowest.pop();
    }
  }
  return { first: lowest.slice(0, count), more: lowest.length > count };
}
