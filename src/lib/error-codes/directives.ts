/**
 * Problems in a report's Markdown and its `::chart` and `:stat` directives (TB100–TB149).
 * Codes are permanent: never reuse or renumber one; retire a kind by leaving its code out.
 */
import { type ErrorCode, listValues, quote } from '../errors.ts';
import { type AnyErrorKind, kind } from './define.ts';

/** The fix of a claim that does not hold, unless its scale word is the mistake. */
const CORRECT_CLAIM = 'Correct the sentence, or correct the data if the sentence is right';

export const TB100 = /* @__PURE__ */ kind('TB100', {
  title: 'Unknown directive attribute',
  about:
    'A `::chart` or `:stat` has an attribute it does not know. Attributes are checked by name, so a typo cannot be silently ignored and nothing unknown (such as `onmouseover`) reaches the page.',
  exampleAt: 'content/reports/example.md:3:62',
  example: {
    directive: '::chart',
    attribute: 'colour',
    allowed: ['#id', 'dataset', 'y', 'x', 'series', 'type', 'title', 'where', 'agg'],
    suggestion: undefined,
  },
  message: ({
    directive,
    attribute,
    allowed,
    suggestion,
  }: {
    directive: '::chart' | ':stat';
    attribute: string;
    allowed: readonly string[];
    suggestion?: string | undefined;
  }) => ({
    what: `${directive} has no attribute ${quote(attribute)}`,
    expected: `only ${listValues(allowed)}`,
    received: quote(attribute),
    fix: suggestion ? `Did you mean ${suggestion}="…"?` : 'Remove the attribute',
  }),
});

export const TB101 = /* @__PURE__ */ kind('TB101', {
  title: 'Stat attribute on a chart',
  about:
    'A `::chart` has an attribute that only `:stat` takes (`compare` or `as`); a chart would ignore it, so it is refused.',
  exampleAt: 'content/reports/example.md:3:62',
  example: { attribute: 'compare', allowed: ['#id', 'dataset', 'y', 'x', 'series', 'type', 'title', 'where', 'agg'] },
  message: ({ attribute, allowed }: { attribute: string; allowed: readonly string[] }) => ({
    what: `${attribute}="…" applies to :stat, not to ::chart`,
    expected: `only ${listValues(allowed)}`,
    received: quote(attribute),
    fix: 'Remove the attribute',
  }),
});

export const TB102 = /* @__PURE__ */ kind('TB102', {
  title: 'Chart attribute missing',
  about:
    'A `::chart` lacks `dataset` or `y`, or leaves one empty: a chart needs the dataset it draws and the column it measures.',
  exampleAt: 'content/reports/example.md:3:1',
  example: { attribute: 'y' as const, empty: false },
  message: ({ attribute, empty }: { attribute: 'dataset' | 'y'; empty: boolean }) => ({
    what: `::chart needs ${attribute}="…"`,
    expected: attribute === 'dataset' ? 'the name of a CSV file in data/ (without .csv)' : 'the column to measure',
    received: empty ? 'an empty value' : 'no such attribute',
    fix: `Add ${attribute}="…" to the directive`,
  }),
});

export const TB103 = /* @__PURE__ */ kind('TB103', {
  title: 'Stat attribute missing',
  about: 'A `:stat` lacks `dataset` or `y`: a stat needs the dataset it reads and the column it reads the number from.',
  exampleAt: 'content/reports/example.md:5:14',
  example: { attribute: 'dataset' as const },
  message: ({ attribute }: { attribute: 'dataset' | 'y' }) => ({
    what: `:stat needs ${attribute}="…"`,
    expected: attribute === 'dataset' ? 'the name of a CSV file in data/' : 'the column to read',
    received: 'nothing',
    fix: `Add ${attribute}="…"`,
  }),
});

export const TB104 = /* @__PURE__ */ kind('TB104', {
  title: 'Unknown chart type',
  about: 'The `type` of a `::chart` is not one of the chart types Trendbook draws.',
  exampleAt: 'content/reports/example.md:3:70',
  example: {
    type: 'pie',
    allowed: ['line', 'area', 'bar', 'hbar', 'dot', 'range', 'slope', 'scatter'],
    suggestion: undefined,
  },
  message: ({
    type,
    allowed,
    suggestion,
  }: {
    type: string;
    allowed: readonly string[];
    suggestion?: string | undefined;
  }) => ({
    what: `type=${quote(type)} is not a chart type`,
    expected: listValues(allowed),
    received: quote(type),
    fix: suggestion
      ? `Did you mean type="${suggestion}"?`
      : 'Use one of the kinds docs/authoring.md lists under "Chart kinds", such as type="line"',
  }),
});

export const TB105 = /* @__PURE__ */ kind('TB105', {
  title: 'Unknown way to combine values',
  about: 'The `agg` of a `::chart` or `:stat` is not one of the ways Trendbook combines the rows that share a point.',
  exampleAt: 'content/reports/example.md:3:70',
  example: { agg: 'average', allowed: ['mean', 'median', 'sum', 'min', 'max'], suggestion: undefined },
  message: ({
    agg,
    allowed,
    suggestion,
  }: {
    agg: string;
    allowed: readonly string[];
    suggestion?: string | undefined;
  }) => ({
    what: `agg=${quote(agg)} is not a way to combine values`,
    expected: listValues(allowed),
    received: quote(agg),
    fix: suggestion ? `Did you mean agg="${suggestion}"?` : 'Use one of mean, median, sum, min or max',
  }),
});

export const TB106 = /* @__PURE__ */ kind('TB106', {
  title: 'Chart id is not a plain slug',
  about:
    'A chart id becomes part of the page address (`#engagement-by-tier`) and of file names, so it may hold only lowercase ASCII letters, digits and single hyphens.',
  exampleAt: 'content/reports/example.md:3:9',
  example: { id: 'Engagement_2024', slug: 'engagement-2024' },
  message: ({ id, slug }: { id: string; slug: string }) => ({
    what: `the chart id #${id} is not a plain slug`,
    expected: 'lowercase ASCII letters, digits and single hyphens, such as #engagement-by-tier',
    received: quote(id),
    fix: `Use #${slug || 'chart-name'}`,
  }),
});

export const TB107 = /* @__PURE__ */ kind('TB107', {
  title: 'Chart without an id',
  about:
    'A `::chart` has neither an `#id` nor a `title` to make one from; every chart needs an id for its link, its image and its download.',
  exampleAt: 'content/reports/example.md:3:1',
  example: {},
  message: (_args: Record<string, never>) => ({
    what: '::chart has neither an #id nor a title to make one from',
    expected: 'an #id or a title="…"',
    received: 'neither',
    fix: 'Add a title="…" (the id is made from it) or an #id such as #engagement-by-tier',
  }),
});

export const TB108 = /* @__PURE__ */ kind('TB108', {
  title: 'Curly quotes in a directive',
  about:
    'A directive quotes a value with a typographic quote (“ ” ‘ ’ „ « »), which the directive syntax does not read as a quote; word processors insert them automatically.',
  exampleAt: 'content/reports/example.md:3:29',
  example: { quote: '“' },
  message: ({ quote: mark }: { quote: string }) => ({
    what: `the directive quotes a value with the typographic quote ${mark}`,
    expected: 'straight quotes (")',
    received: mark,
    fix: 'Replace curly quotes with straight quotes; word processors insert them automatically',
  }),
});

export const TB109 = /* @__PURE__ */ kind('TB109', {
  title: 'Attribute given twice',
  about:
    'A directive names the same attribute twice. The Markdown parser would keep only the last one silently, so Trendbook refuses both.',
  exampleAt: 'content/reports/example.md:1:48',
  example: { attribute: 'y' },
  message: ({ attribute }: { attribute: string }) => ({
    what: `the attribute ${attribute === 'id' ? '#id' : attribute} is given twice`,
    expected: 'each attribute once',
    received: `a second ${attribute === 'id' ? '#id' : `${attribute}="…"`}`,
    fix: 'Remove one of them; only one value can apply',
  }),
});

export const TB110 = /* @__PURE__ */ kind('TB110', {
  title: 'Backslash before a quote in a directive',
  about:
    'Attribute values have no backslash escapes: `title="The \\"big\\" one"` ends the value at the second quote, and the rest of the directive cannot be read.',
  exampleAt: 'content/reports/example.md:3:40',
  example: { quote: '"' as const, received: 'title="The \\"' },
  message: ({ quote: mark, received }: { quote: '"' | "'"; received: string }) => {
    const other = mark === '"' ? "'" : '"';
    return {
      what: `the directive escapes a quote with a backslash (\\${mark}), and backslash escapes are not supported in attribute values`,
      expected: 'the value to end at its next quote',
      received,
      fix: `Quote the value with the other quote character (title=${other}The ${mark}big${mark} one${other}), or write the quote as ${mark === '"' ? '&quot;' : '&#39;'}`,
    };
  },
});

export const TB111 = /* @__PURE__ */ kind('TB111', {
  title: 'Odd space between directive attributes',
  about:
    'A non-breaking, thin or zero-width space stands between a directive’s attributes. The directive syntax does not take it as a space, so the directive cannot be read.',
  exampleAt: 'content/reports/example.md:3:42',
  example: { directive: 'chart' as const, name: 'non-breaking space', codePoint: 0xa0 },
  message: ({ directive, name, codePoint }: { directive: 'chart' | 'stat'; name: string; codePoint: number }) => ({
    what: `the ${directive} directive has a ${name} between its attributes`,
    expected: 'ordinary spaces between attributes',
    received: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} (${name})`,
    fix: 'Replace it with an ordinary space; word processors put non-breaking spaces in automatically',
  }),
});

export const TB112 = /* @__PURE__ */ kind('TB112', {
  title: 'Directive cannot be read',
  about:
    'Text looks like a `::chart` or `:stat` but the parser could not read it (an unclosed brace or quote, for one). It would otherwise be printed on the page as text.',
  exampleAt: 'content/reports/example.md:3:1',
  example: { directive: 'chart' as const, text: '::chart{dataset="engagement" y="rate"' },
  message: ({ directive, text }: { directive: 'chart' | 'stat'; text: string }) => ({
    what: `this looks like a ${directive} directive, but it cannot be read`,
    expected: `${directive === 'chart' ? '::chart{name="value" …} alone on its line' : ':stat{name="value" …}'}, with straight quotes and a closing }`,
    received: quote(text, 50),
    fix: 'Close the braces and quotes, and write attributes as name="value"',
  }),
});

export const TB113 = /* @__PURE__ */ kind('TB113', {
  title: 'Chart inside a list, quote or footnote',
  about:
    'A chart is a figure of the report itself; inside a list, a blockquote, a footnote or a container it would be squeezed or hidden.',
  exampleAt: 'content/reports/example.md:7:3',
  example: { context: 'a list item' },
  message: ({ context }: { context: string }) => ({
    what: `::chart must stand at the top level of the report, not inside ${context}`,
    expected: 'a line of its own between paragraphs',
    received: `a chart inside ${context}`,
    fix: `Move the chart out of ${context}, with a blank line before and after it`,
  }),
});

export const TB114 = /* @__PURE__ */ kind('TB114', {
  title: 'Two charts with one id',
  about:
    'Chart ids are the permanent links to charts, their images and downloads, so each id may be used once in a report.',
  exampleAt: 'content/reports/example.md:9:9',
  example: { id: 'engagement', previousLine: 3 },
  message: ({ id, previousLine }: { id: string; previousLine: number }) => ({
    what: `two charts have the id #${id} (the other is on line ${previousLine})`,
    expected: 'a unique id per chart in a report',
    received: `#${id} twice`,
    fix: 'Give one of them another #id or title; ids are permanent links, so keep the one already shared',
  }),
});

export const TB115 = /* @__PURE__ */ kind('TB115', {
  title: 'Chart id equal to a heading id',
  about: 'A chart’s id is also the id a heading gets, so a link to one would land on the other.',
  exampleAt: 'content/reports/example.md:3:9',
  example: { id: 'section-engagement-by-tier' },
  message: ({ id }: { id: string }) => ({
    what: `the chart id #${id} is also the id of a heading`,
    expected: 'a chart id that no heading produces',
    received: `#${id}`,
    fix: 'Give the chart an explicit #id, or reword the heading',
  }),
});

export const TB116 = /* @__PURE__ */ kind('TB116', {
  title: 'Chart dataset has problems',
  about:
    'The dataset a `::chart` names has problems of its own, listed with this one; the chart is drawn once they are fixed.',
  exampleAt: 'content/reports/example.md:3:21',
  example: { dataset: 'engagement', count: 2 },
  message: ({ dataset, count }: { dataset: string; count: number }) => ({
    what: `the dataset ${quote(dataset)} cannot be used: data/${dataset}.csv has ${count === 1 ? 'a problem' : `${count} problems`} (listed below)`,
    fix: 'Fix the dataset first',
  }),
});

export const TB117 = /* @__PURE__ */ kind('TB117', {
  title: 'Unknown form of stat',
  about:
    'The `as` of a `:stat` is not one of the forms a stat prints: a value, a ratio, a percentage more, or a difference.',
  exampleAt: 'content/reports/example.md:5:80',
  example: { as: 'percent', allowed: ['value', 'ratio', 'percent-more', 'difference'], suggestion: undefined },
  message: ({
    as,
    allowed,
    suggestion,
  }: {
    as: string;
    allowed: readonly string[];
    suggestion?: string | undefined;
  }) => ({
    what: `as=${quote(as)} is not a form of stat`,
    expected: listValues(allowed),
    received: quote(as),
    fix: suggestion ? `Did you mean as="${suggestion}"?` : 'Use value, ratio, percent-more or difference',
  }),
});

export const TB118 = /* @__PURE__ */ kind('TB118', {
  title: 'Claim with several numbers',
  about:
    'A claim in `:stat[…]` is checked by its one number; a second number (a year counts too) would be shown as verified without being read.',
  exampleAt: 'content/reports/example.md:1:12',
  example: { text: '60% or 70%', numbers: ['60%', '70%'] },
  message: ({ text, numbers }: { text: string; numbers: readonly string[] }) => ({
    what: `the claim ${quote(text)} has ${numbers.length} numbers (${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}), but only one can be checked`,
    expected: 'exactly one number in the brackets, with its unit or scale word (a year counts as a number too)',
    received: `${numbers.length} numbers`,
    fix: 'Keep one number in the brackets and write the other words after the directive, or give each number its own :stat',
  }),
});

export const TB119 = /* @__PURE__ */ kind('TB119', {
  title: 'Claim without a number',
  about: 'The words in `:stat[…]` hold no number to check against the data.',
  exampleAt: 'content/reports/example.md:5:12',
  example: { text: 'far more', computed: '2.2×' },
  message: ({ text, computed }: { text: string; computed: string }) => ({
    what: `the claim ${quote(text)} has no number to check`,
    expected: `a number such as ${computed}`,
    received: quote(text),
    fix: 'Write the number in the brackets, or drop the brackets to print the value from the data',
  }),
});

export const TB120 = /* @__PURE__ */ kind('TB120', {
  title: 'Claim in another unit than the stat',
  about:
    'A claim states a unit (a multiple, a percentage, points, money) that the stat does not compute, so the number cannot be compared.',
  exampleAt: 'content/reports/example.md:5:12',
  example: {
    claim: '2.2×',
    path: 'data/services.csv',
    computed: '119',
    working: '236 − 117',
    mismatch: 'a multiple (×) needs as="ratio"',
    text: '2.2×',
  },
  message: (args: {
    claim: string;
    path: string;
    computed: string;
    working: string;
    mismatch: string;
    text: string;
  }) => ({
    what: `the text says ${args.claim} but ${args.path} gives ${args.computed} (${args.working}): ${args.mismatch}`,
    expected: args.computed,
    received: quote(args.text),
    fix: 'Write the claim in the unit the stat computes, or change as="…"',
  }),
});

export const TB121 = /* @__PURE__ */ kind('TB121', {
  title: 'Claim does not hold',
  about:
    'The number in `:stat[…]` differs from the data at the claim’s precision (never coarser than two significant figures), so the sentence is wrong, or the data is.',
  exampleAt: 'content/reports/example.md:1:13',
  example: {
    claim: '3.5×',
    path: 'data/services.csv',
    shown: '2.2×',
    working: '236 / 107, year=2023',
    finer: false,
    text: '3.5×',
    scaleWord: undefined,
  },
  message: (args: {
    claim: string;
    path: string;
    shown: string;
    working: string;
    finer: boolean;
    text: string;
    scaleWord?: string | undefined;
  }) => ({
    what: `the text says ${args.claim} but ${args.path} gives ${args.shown} (${args.working})`,
    // When two significant figures are finer than the claim, say so: "1 times" looks right to its author.
    expected: args.finer
      ? `${args.shown}, since a claim is checked to at least two significant figures`
      : `${args.shown} at the claim's precision`,
    received: quote(args.text),
    fix: args.scaleWord
      ? `The column is in ${args.scaleWord}s: write the scale word inside the brackets, as in ${args.claim} ${args.scaleWord}`
      : CORRECT_CLAIM,
  }),
});

export const TB122 = /* @__PURE__ */ kind('TB122', {
  title: 'Chart inside a sentence',
  about: 'A `:chart` written inside a sentence: a chart is a figure and stands alone on its own line as `::chart{…}`.',
  exampleAt: 'content/reports/example.md:5:20',
  example: { source: ':chart{dataset="engagement" y="rate"}' },
  message: ({ source }: { source: string }) => ({
    what: '::chart must stand alone on its own line, not inside a sentence',
    expected: 'a line holding only ::chart{…}',
    received: quote(source, 40),
    fix: 'Move the chart to a line of its own, with blank lines around it',
  }),
});

export const TB123 = /* @__PURE__ */ kind('TB123', {
  title: 'Misspelt stat directive',
  about:
    'A text directive is almost `:stat` (another case, a plural, a letter off). Directive names are lowercase; it would otherwise be printed as text.',
  exampleAt: 'content/reports/example.md:1:16',
  example: { name: 'Stat', near: 'stat', source: ':Stat{dataset="engagement" y="rate"}' },
  message: ({ name, near, source }: { name: string; near: string; source: string }) => ({
    what: `unknown directive :${name}`,
    expected: `:${near}`,
    received: quote(source, 40),
    fix: `Did you mean :${near}? Directive names are lowercase`,
  }),
});

export const TB124 = /* @__PURE__ */ kind('TB124', {
  title: 'Unknown block directive',
  about:
    'A line starts with `::name` or `:::name` that Trendbook does not know. Only `::chart{…}` stands on its own line; anything else would vanish from the page.',
  exampleAt: 'content/reports/example.md:3:1',
  example: { colons: ':::' as const, name: 'note', suggestion: undefined },
  message: ({ colons, name, suggestion }: { colons: '::' | ':::'; name: string; suggestion?: string | undefined }) => ({
    what: `unknown directive ${colons}${name}`,
    expected: '::chart{…} on its own line, or :stat{…} in a sentence',
    received: quote(`${colons}${name}`),
    fix: suggestion
      ? suggestion === 'stat'
        ? `Did you mean :stat{…}? It goes inside a sentence, with one colon`
        : `Did you mean ::${suggestion}{…}?`
      : `Trendbook knows ::chart{…} and :stat{…}; write \\${colons}${name} if you meant the text`,
  }),
});

export const TB125 = /* @__PURE__ */ kind('TB125', {
  title: 'HTML comment never closed',
  about: 'An HTML comment opens with `<!--` and never closes, so everything after it would be hidden from the page.',
  exampleAt: 'content/reports/example.md:12:1',
  example: { value: '<!-- draft: check these numbers' },
  message: ({ value }: { value: string }) => ({
    what: 'HTML comment never closed, so everything after it would be hidden',
    expected: '"-->" to end the comment',
    received: `${quote(value, 30)} running to the end of the file`,
    fix: 'Close the comment with --> where it should end, or delete the <!--',
  }),
});

export const TB126 = /* @__PURE__ */ kind('TB126', {
  title: 'Raw HTML removed',
  about:
    'Raw HTML in a report never reaches the page, since it could run scripts; it is removed and the build goes on.',
  exampleAt: 'content/reports/example.md:8:1',
  warning: true,
  example: { values: ['<img src=x onerror=alert(1)>'] },
  message: ({ values }: { values: readonly string[] }) => ({
    what: 'raw HTML removed',
    expected: 'Markdown only',
    received: values.map((value) => quote(value, 40)).join(', '),
    fix: 'Write it in Markdown (a ::chart, a link, **bold**); reports cannot run HTML or scripts',
  }),
});

export const TB127 = /* @__PURE__ */ kind('TB127', {
  title: 'Unsafe link target removed',
  about:
    'A link or image points to a scheme other than http, https or mailto (`javascript:`, `data:`, `file:`), which can run code in the reader’s browser. The target is removed and its text kept.',
  exampleAt: 'content/reports/example.md:4:10',
  warning: true,
  example: { node: 'link' as const, url: 'javascript:alert(1)' },
  message: ({ node, url }: { node: 'link' | 'image'; url: string }) => ({
    what: `${node} target removed`,
    expected: 'an http:, https: or mailto: address, a relative path or a #fragment',
    received: quote(url, 40),
    fix: 'Link to a web page instead; other schemes can run code in the reader’s browser',
  }),
});

export const TB128 = /* @__PURE__ */ kind('TB128', {
  title: 'Image from another site',
  about:
    'The site’s Content Security Policy lets pages load images only from the site itself, so an image from elsewhere would show as broken.',
  exampleAt: 'content/reports/example.md:6:1',
  example: { url: 'https://example.com/chart.png' },
  message: ({ url }: { url: string }) => ({
    what: 'image from another site',
    expected: 'an image stored with the site, such as /images/chart.png',
    received: quote(url, 60),
    fix: 'Download the image into public/images/ and link it as /images/<name>; pages load images only from the site itself, so readers would see a broken image',
  }),
});

export const TB129 = /* @__PURE__ */ kind('TB129', {
  title: 'Markdown nested too deeply',
  about:
    'Blockquotes, lists, emphasis or links nest deeper than the limit. Every stage of the pipeline recurses once per level, so such a report would crash it instead of failing with a message.',
  exampleAt: 'content/reports/example.md:9:101',
  example: { kinds: ['blockquotes'], depth: 20000, max: 100 },
  message: ({ kinds, depth, max }: { kinds: readonly string[]; depth?: number | undefined; max: number }) => {
    const nests =
      kinds.length === 0
        ? 'the Markdown nests'
        : kinds.length === 1
          ? `${kinds[0]} nest`
          : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)} nest`;
    return {
      what: depth === undefined ? `${nests} too deeply to be read` : `${nests} ${depth} levels deep`,
      expected: `at most ${max} levels`,
      received: depth === undefined ? 'more than the parser can follow' : `${depth} levels`,
      fix: 'Flatten the text: a quote or list inside another needs only a few levels; remove the extra > or list markers',
    };
  },
});

export const TB130 = /* @__PURE__ */ kind('TB130', {
  title: 'Page shows too few of the words',
  about:
    'The page would show less than half of the words in the report’s source, which usually means an HTML comment or raw HTML hides text.',
  exampleAt: 'content/reports/example.md:5:1',
  warning: true,
  example: { shown: 40, source: 200, minPercent: 50, hiddenWords: 160 },
  message: ({
    shown,
    source,
    minPercent,
    hiddenWords,
  }: {
    shown: number;
    source: number;
    minPercent: number;
    hiddenWords?: number | undefined;
  }) => ({
    what: `the page shows ${shown} of the ${source} words in the source (${Math.floor((shown / source) * 100)}%)`,
    expected: `at least ${minPercent}% of them`,
    received:
      hiddenWords !== undefined
        ? `${hiddenWords} words inside HTML that is not shown, starting here`
        : `${source - shown} words missing`,
    fix: 'Look for an HTML comment or raw HTML that hides text; end the comment where it should end, or write the text as Markdown',
  }),
});

export const TB131 = /* @__PURE__ */ kind('TB131', {
  title: 'Comparison cannot be read',
  about: 'The `compare` of a `:stat` names one column and two of its values, as `compare="tier=micro/mega"`.',
  exampleAt: 'content/reports/example.md:5:60',
  example: { compare: 'micro vs mega' },
  message: ({ compare }: { compare: string }) => ({
    what: `compare=${quote(compare)} cannot be read`,
    expected: 'column=a/b, for example compare="tier=micro/mega"',
    received: quote(compare),
    fix: 'Name one column and two of its values separated by "/"',
  }),
});

export const TB132 = /* @__PURE__ */ kind('TB132', {
  title: 'Column both compared and filtered',
  about:
    'A `:stat` compares two values of a column that its `where` also filters, so one side of the comparison would match no row.',
  exampleAt: 'content/reports/example.md:5:60',
  example: { column: 'tier', where: 'tier=micro year=2016' },
  message: ({ column, where }: { column: string; where: string }) => ({
    what: `the column ${quote(column)} is both compared and filtered`,
    expected: 'where="…" to filter the other columns only',
    received: quote(where),
    fix: `Remove ${column}=… from where`,
  }),
});

export const TB133 = /* @__PURE__ */ kind('TB133', {
  title: 'Comparison without a form',
  about:
    'A `:stat` with `compare` must say how the two values are compared: as a ratio, a percentage more, or a difference.',
  exampleAt: 'content/reports/example.md:5:80',
  example: {},
  message: (_args: Record<string, never>) => ({
    what: 'compare="…" needs as="ratio", "percent-more" or "difference"',
    expected: 'one of "ratio", "percent-more" or "difference"',
    received: 'as="value" (the default)',
    fix: 'Add as="ratio" (6.7×), as="percent-more" (60%) or as="difference"',
  }),
});

export const TB134 = /* @__PURE__ */ kind('TB134', {
  title: 'Form of comparison without a comparison',
  about: 'A `:stat` asks for a ratio, a percentage more or a difference but names no two values to compare.',
  exampleAt: 'content/reports/example.md:1:87',
  example: { as: 'ratio' },
  message: ({ as }: { as: string }) => ({
    what: `as="${as}" compares two values, but there is no compare="…"`,
    expected: 'compare="column=a/b"',
    received: 'no compare attribute',
    fix: 'Add compare="tier=micro/mega" (for example), or remove as="…"',
  }),
});

export const TB135 = /* @__PURE__ */ kind('TB135', {
  title: 'Comparison with zero',
  about: 'The second value of a ratio or a percentage more is 0, so the stat has no value.',
  exampleAt: 'content/reports/example.md:5:60',
  example: { label: 'Tidal', as: 'ratio' },
  message: ({ label, as }: { label: string; as: string }) => ({
    what: `the second value of the comparison (${label}) is 0, so there is no ${as === 'ratio' ? 'ratio' : 'percentage'}`,
    expected: 'a non-zero value to compare with',
    received: '0',
    fix: 'Compare with another value, or use as="difference"',
  }),
});

export const TB136 = /* @__PURE__ */ kind('TB136', {
  title: 'Stat matches no value',
  about: 'No row matching the stat’s filters has a value in its column, so there is no number to print.',
  exampleAt: 'content/reports/example.md:5:40',
  example: { column: 'engagement_rate', path: 'data/engagement.csv', filters: 'tier=nano', matching: 0 },
  message: ({
    column,
    path,
    filters,
    matching,
  }: {
    column: string;
    path: string;
    filters: string;
    matching: number;
  }) => ({
    what: `no value of ${quote(column)} in ${path} matches ${filters}`,
    expected: 'at least one row with a value',
    received:
      matching === 0
        ? '0 matching rows'
        : `${matching} matching ${matching === 1 ? 'row' : 'rows'}, all missing a value`,
    fix: 'Check the filter, or fill in the value in the CSV',
  }),
});

export const TB137 = /* @__PURE__ */ kind('TB137', {
  title: 'Stat matches several rows',
  about:
    'More than one row matches the stat’s filters and there is no `agg` saying how to combine them into one number.',
  exampleAt: 'content/reports/example.md:5:40',
  example: { path: 'data/engagement.csv', filters: 'tier=micro', lines: [2, 4] },
  message: ({ path, filters, lines }: { path: string; filters: string; lines: readonly number[] }) => ({
    what: `${lines.length} rows of ${path} match ${filters} (lines ${lines.slice(0, 8).join(', ')}${lines.length > 8 ? ', …' : ''})`,
    expected: 'one row, or agg="mean|median|sum|min|max"',
    received: `${lines.length} rows`,
    fix: 'Narrow where="…" to one row, or add agg="…" to combine them',
  }),
});

export const TB138 = /* @__PURE__ */ kind('TB138', {
  title: 'Unknown column',
  about: 'A directive names a column its dataset does not have; names must match the CSV header exactly.',
  exampleAt: 'content/reports/example.md:1:42',
  example: {
    attribute: 'y',
    name: 'engagment_rate',
    path: 'data/engagement.csv',
    names: ['year', 'tier', 'engagement_rate'],
    suggestion: 'engagement_rate',
  },
  message: (args: {
    attribute: string;
    name: string;
    path: string;
    names: readonly string[];
    suggestion?: string | undefined;
  }) => ({
    what: `${args.attribute}=${quote(args.name)}: ${args.path} has no column ${quote(args.name)}`,
    expected: `one of ${listValues(args.names)}`,
    received: quote(args.name),
    fix: args.suggestion
      ? `Did you mean ${quote(args.suggestion)}?`
      : 'Use a column name from the CSV header, exactly as written',
  }),
});

export const TB139 = /* @__PURE__ */ kind('TB139', {
  title: 'Text in a measured column',
  about:
    'A column a chart or stat measures holds text in some cell. The dataset loads (a column of words is a category), so the cell is reported at the directive that needs numbers.',
  exampleAt: 'content/reports/example.md:1:42',
  example: {
    column: 'engagement_rate',
    dataset: 'engagement',
    path: 'data/engagement.csv',
    line: 4,
    cellColumn: 3,
    text: 'n/a',
    attribute: 'y',
  },
  message: (args: {
    column: string;
    dataset: string;
    path: string;
    line: number;
    cellColumn: number;
    text: string;
    attribute: string;
  }) => ({
    what: `column ${quote(args.column)} of dataset ${quote(args.dataset)} is text, not a number: ${args.path}:${args.line}:${args.cellColumn} holds ${quote(args.text)}`,
    expected: `a number in every cell of a column used as ${args.attribute}`,
    received: 'text',
    fix: `Correct that cell in ${args.path} (or leave it empty for a missing value), or pick another column for ${args.attribute}`,
  }),
});

export const TB140 = /* @__PURE__ */ kind('TB140', {
  title: 'Measured column is not numeric',
  about:
    'A chart or stat measures a column whose type is not a number, percent, currency or fraction (a category or a date), so there is nothing to measure.',
  exampleAt: 'content/reports/example.md:1:42',
  example: { attribute: 'y', name: 'tier', type: 'category', metaPath: 'data/engagement.yml' },
  message: ({
    attribute,
    name,
    type,
    metaPath,
  }: {
    attribute: string;
    name: string;
    type: string;
    metaPath: string;
  }) => ({
    what: `${attribute}=${quote(name)} is a ${type} column, so there is nothing to measure`,
    expected: 'a number, percent, currency or fraction column',
    received: `${type} column ${quote(name)}`,
    fix: `Pick a numeric column for ${attribute}, or declare its type in ${metaPath}`,
  }),
});

export const TB141 = /* @__PURE__ */ kind('TB141', {
  title: 'Directive left as text on a built page',
  about:
    'An internal check after the build: a built page still shows a `::chart` or `:stat` as text. The check before the build should have refused the report, so this is a bug in Trendbook; the build stops rather than publish the page.',
  exampleAt: 'dist/reports/q3/index.html:1:1',
  example: { leaks: ['reports/q3/index.html: ::chart{dataset="engagement"'] },
  message: ({ leaks }: { leaks: readonly string[] }) => ({
    what: `Internal error: ${leaks.length} built ${leaks.length === 1 ? 'page shows' : 'pages show'} a directive as text:\n${leaks.join('\n')}`,
    fix: 'Every ::chart and :stat must be turned into a chart or a number; please report this with the Markdown that caused it.',
  }),
});

export const TB142 = /* @__PURE__ */ kind('TB142', {
  title: 'Chart text no bundled font can draw on its card',
  about:
    "The chart's page shows every character (the reader's browser finds a font), but its social card and PNG download are drawn at build time with the fonts Trendbook bundles " +
    '(Latin, Greek, Cyrillic, Chinese, Japanese, Korean, Arabic, Hebrew, Thai, Devanagari and emoji). Characters of other scripts are left out of those pictures rather than drawn as empty boxes, and the build warns which.',
  exampleAt: 'content/reports/example.md:12:1',
  warning: true,
  example: { characters: 'ক্ষ', texts: ['বাংলা'] },
  message: ({ characters, texts }: { characters: string; texts: readonly string[] }) => ({
    what: `the chart's ${texts.length === 1 ? 'text' : 'texts'} ${texts.map((text) => JSON.stringify(text)).join(', ')} ${texts.length === 1 ? 'holds' : 'hold'} characters no bundled font draws (${characters})`,
    expected: 'text in a script the bundled fonts cover',
    received: JSON.stringify(characters),
    fix: 'The page shows them; the social card and PNG download leave them out. To draw them there too, add a @fontsource font for the script to src/lib/images/image-fonts.ts',
  }),
});

export const TB143 = /* @__PURE__ */ kind('TB143', {
  title: 'Chart title too long for its card',
  about:
    "A chart's social card, PNG and SVG downloads give its title three lines above the chart. A title that needs more would end in " +
    '"…" on every shared link to the chart, so it gets this warning (an error under `--strict`, as in CI).',
  exampleAt: 'content/reports/example.md:12:1',
  warning: true,
  example: { lines: 4, max: 3 },
  message: ({ lines, max }: { lines: number; max: number }) => ({
    what: `the chart's title takes ${lines} lines on its social card and downloads, which have room for ${max}`,
    expected: `a title that fits ${max} lines (about 200 characters)`,
    received: `${lines} lines`,
    fix: 'Shorten the title: say what the chart shows, and leave the finding to the text around it',
  }),
});

/** Every kind of this area, by code. */
export const directiveErrors = {
  TB100,
  TB101,
  TB102,
  TB103,
  TB104,
  TB105,
  TB106,
  TB107,
  TB108,
  TB109,
  TB110,
  TB111,
  TB112,
  TB113,
  TB114,
  TB115,
  TB116,
  TB117,
  TB118,
  TB119,
  TB120,
  TB121,
  TB122,
  TB123,
  TB124,
  TB125,
  TB126,
  TB127,
  TB128,
  TB129,
  TB130,
  TB131,
  TB132,
  TB133,
  TB134,
  TB135,
  TB136,
  TB137,
  TB138,
  TB139,
  TB140,
  TB141,
  TB142,
  TB143,
} satisfies Record<ErrorCode, AnyErrorKind>;
