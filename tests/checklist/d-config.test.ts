/**
 * Section D of tests/checklist/README.md (config): dataset names that differ only in case (the
 * same result on case-sensitive and case-insensitive filesystems), a project
 * without data/, site settings with a bad URL, unknown keys, wrong types or
 * nothing at all, and dataset files named after Object.prototype members.
 */
import { join, resolve } from 'node:path';
import { VFile } from 'vfile';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkProject } from '../../src/lib/check/check-project.ts';
import { clearDatasetCache, listDatasets, readDataset } from '../../src/lib/data/load-dataset.ts';
import { formatProblems, ReportError } from '../../src/lib/errors.ts';
import { loadSiteConfig } from '../../src/lib/load-site-config.ts';
import { SiteConfigSchema } from '../../src/lib/site-config.ts';
import { createReportProcessor } from '../../src/plugins/remark/processor.ts';
import { SITE } from '../../src/site.config.ts';

// While `filesystem.caseInsensitive` is on, node:fs finds `data/Tiers.csv` when only
// `data/tiers.csv` exists, as macOS (APFS, HFS+) and Windows do; directory listings keep their real names.
const filesystem = vi.hoisted(() => ({ caseInsensitive: false }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const { basename, dirname, join: joinPath } = await import('node:path');
  const find = (path: unknown): unknown => {
    if (!filesystem.caseInsensitive || typeof path !== 'string' || real.existsSync(path)) return path;
    try {
      const match = real
        .readdirSync(dirname(path))
        .find((entry) => entry.toLowerCase() === basename(path).toLowerCase());
      return match === undefined ? path : joinPath(dirname(path), match);
    } catch {
      return path;
    }
  };
  type Call = (...args: unknown[]) => unknown;
  const wrap = <F>(fn: F): F =>
    ((path: unknown, ...rest: unknown[]) => (fn as unknown as Call)(find(path), ...rest)) as unknown as F;
  const patched = {
    existsSync: wrap(real.existsSync),
    statSync: wrap(real.statSync),
    lstatSync: wrap(real.lstatSync),
    readFileSync: wrap(real.readFileSync),
    realpathSync: wrap(real.realpathSync),
  };
  return { ...real, ...patched, default: { ...real, ...patched } };
});

const FIXTURES = resolve(import.meta.dirname, '../fixtures/checklist');

afterEach(() => {
  filesystem.caseInsensitive = false;
  clearDatasetCache();
});

/** The problems of a report body rendered against a fixture project, as printed. */
async function problemsOf(root: string, markdown: string): Promise<string> {
  const file = new VFile({ value: markdown, path: join(root, 'content/reports/q3.md') });
  const processor = createReportProcessor({ root, config: SITE });
  try {
    await processor.run(processor.parse(file), file);
  } catch (error) {
    if (error instanceof ReportError) return formatProblems(error.problems);
    throw error;
  }
  return 'no problems';
}

/** The message of the ReportError that loading these settings throws. */
function settingsProblems(input: unknown): string {
  try {
    loadSiteConfig(SiteConfigSchema, input, 'src/site.config.ts');
  } catch (error) {
    if (error instanceof ReportError) return error.message;
    throw error;
  }
  return 'no problems';
}

describe('D1: dataset names and the data folder', () => {
  const root = join(FIXTURES, 'c-directives');
  const markdown = 'Intro.\n\n::chart{dataset="Tiers" y="engagement_rate" series="tier" title="Engagement"}\n';
  const expected = `content/reports/q3.md:3:9: unknown dataset "Tiers": no file named exactly data/Tiers.csv. Expected one of "tiers", received "Tiers". Did you mean dataset="tiers"? [TB019]\n1 problem found.`;

  it('D1: dataset="Tiers" with data/tiers.csv fails with the resolved path and a did-you-mean on a case-sensitive filesystem', async () => {
    expect(await problemsOf(root, markdown)).toBe(expected);
  });

  it('D1: dataset="Tiers" with data/tiers.csv fails the same way on a case-insensitive filesystem', async () => {
    filesystem.caseInsensitive = true;
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(root, 'data/Tiers.csv')), 'the emulation finds Tiers.csv').toBe(true);
    // The emulation reaches the data layer: asked directly, it reads data/Tiers.csv.
    expect(readDataset(root, 'Tiers').problems).toEqual([]);
    clearDatasetCache();
    expect(await problemsOf(root, markdown)).toBe(expected);
  });

  it('D1: a project without a data/ folder fails at every directive that names a dataset', async () => {
    const project = join(FIXTURES, 'd1-project-without-data-folder');
    const { problems } = await checkProject(project, SITE);
    expect(formatProblems(problems)).toBe(
      [
        `content/reports/q3.md:7:18: unknown dataset "tiers": no file named exactly data/tiers.csv. Expected a CSV file in data/, received "tiers". Add data/tiers.csv, or use the name of a file in data/. [TB019]`,
        `content/reports/q3.md:9:9: unknown dataset "tiers": no file named exactly data/tiers.csv. Expected a CSV file in data/, received "tiers". Add data/tiers.csv, or use the name of a file in data/. [TB019]`,
        '2 problems found.',
      ].join('\n'),
    );
  });
});

describe('D3: the site URL', () => {
  it('D3: a missing url fails with its key', () => {
    const { url: _url, ...withoutUrl } = SITE;
    expect(settingsProblems(withoutUrl)).toBe(
      'src/site.config.ts:1:1: "url" is missing. Expected string, received nothing. Correct "url" (docs/authoring.md lists the allowed values). [TB200]\n1 problem found.',
    );
  });

  it('D3: javascript:, data:, protocol-relative and plain http URLs fail with the url key', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example',
      'http://trends.example.com',
    ]) {
      expect(settingsProblems({ ...SITE, url })).toBe(
        `src/site.config.ts:1:1: "url": expected an absolute https URL such as https://trends.example.com. Received ${JSON.stringify(url)}. Correct "url" (docs/authoring.md lists the allowed values). [TB200]\n1 problem found.`,
      );
    }
  });
});

describe('D4: unknown keys, wrong types, an empty config', () => {
  it('D4: unknown and misspelled keys (and base: "//evil.example", D3: there is no base setting) fail with their names', () => {
    expect(
      settingsProblems({ ...SITE, embed: 'yes', base: '//evil.example', utm: { ...SITE.utm, campaing: 'q3' } }),
    ).toBe(
      [
        'src/site.config.ts:1:1: unknown key "campaing" in "utm". Expected only the documented keys, received "campaing". Remove the key or correct its spelling (docs/authoring.md lists the allowed keys). [TB200]',
        'src/site.config.ts:1:1: unknown keys "embed", "base". Expected only the documented keys, received "embed", "base". Remove the keys or correct their spelling (docs/authoring.md lists the allowed keys). [TB200]',
        '2 problems found.',
      ].join('\n'),
    );
  });

  it('D4: utm: "yes" and utm.enabled: "yes" fail with the key path and the expected type', () => {
    expect(settingsProblems({ ...SITE, utm: 'yes' })).toBe(
      'src/site.config.ts:1:1: "utm" has the wrong type. Expected object, received the text "yes". Correct "utm" (docs/authoring.md lists the allowed values). [TB200]\n1 problem found.',
    );
    expect(settingsProblems({ ...SITE, utm: { enabled: 'yes' } })).toBe(
      'src/site.config.ts:1:1: "utm.enabled" has the wrong type. Expected boolean, received the text "yes". Correct "utm.enabled" (docs/authoring.md lists the allowed values). [TB200]\n1 problem found.',
    );
  });

  it('D4: an empty config lists every required key', () => {
    expect(settingsProblems({})).toBe(
      [
        'src/site.config.ts:1:1: "title" is missing. Expected string, received nothing. Correct "title" (docs/authoring.md lists the allowed values). [TB200]',
        'src/site.config.ts:1:1: "description" is missing. Expected string, received nothing. Correct "description" (docs/authoring.md lists the allowed values). [TB200]',
        'src/site.config.ts:1:1: "url" is missing. Expected string, received nothing. Correct "url" (docs/authoring.md lists the allowed values). [TB200]',
        'src/site.config.ts:1:1: "handle" is missing. Expected string, received nothing. Correct "handle" (docs/authoring.md lists the allowed values). [TB200]',
        'src/site.config.ts:1:1: "tiers" is missing. Expected array, received nothing. Correct "tiers" (docs/authoring.md lists the allowed values). [TB200]',
        'src/site.config.ts:1:1: "palette" is missing. Expected array, received nothing. Correct "palette" (docs/authoring.md lists the allowed values). [TB200]',
        '6 problems found.',
      ].join('\n'),
    );
  });

  it('D4: data/__proto__.csv and data/constructor.csv are refused, and the other datasets still load', async () => {
    const root = join(FIXTURES, 'd4-reserved-dataset-names');
    expect(listDatasets(root)).toEqual(['__proto__', 'constructor', 'fine']);
    const { problems, datasets } = await checkProject(root, SITE);
    expect(datasets).toBe(3);
    expect(formatProblems(problems)).toBe(
      [
        'data/__proto__.csv:1:1: the dataset name "__proto__" is not allowed. Expected a plain file name such as engagement.csv, received "__proto__". Rename the file. [TB022]',
        'data/constructor.csv:1:1: the dataset name "constructor" is not allowed. Expected a plain file name such as engagement.csv, received "constructor". Rename the file. [TB022]',
        '2 problems found.',
      ].join('\n'),
    );
    expect(({} as Record<string, unknown>).year).toBeUndefined();
    expect(await problemsOf(root, ':stat{dataset="fine" y="value"}\n')).toBe('no problems');
  });
});
