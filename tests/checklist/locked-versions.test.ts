/**
 * Libraries the checklist names with a fixed version: the lockfile must hold
 * that version or a later one, so `npm ci` never installs a known-bad release.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};

/** Whether version a is at least b (plain x.y.z). */
function atLeast(a: string, b: string): boolean {
  const [x, y] = [a, b].map((version) => version.split('.').map(Number));
  for (let index = 0; index < 3; index++) if (x![index] !== y![index]) return x![index]! > y![index]!;
  return true;
}

describe('locked versions', () => {
  for (const [name, minimum, why] of [
    ['papaparse', '5.2.0', 'A14: CVE-2020-36649, a ReDoS in number detection'],
    ['js-yaml', '4.3.2', 'B6: bounded alias expansion'],
    ['mdast-util-to-hast', '13.2.1', 'B7: CVE-2025-66400, code fence classes'],
    ['sharp', '0.35.4', 'F5: GHSA-26w7-cxv4-gfx2, untrusted AVIF'],
  ] as const) {
    it(`${why.split(':')[0]}: ${name} is ${minimum} or later (${why.split(': ')[1]})`, () => {
      const version = lock.packages[`node_modules/${name}`]?.version;
      expect(version, `${name} is not in package-lock.json`).toBeDefined();
      expect(atLeast(version!, minimum), `${name} ${version}`).toBe(true);
    });
  }

  it('compares versions part by part', () => {
    expect([
      atLeast('5.10.0', '5.2.0'),
      atLeast('5.2.0', '5.2.0'),
      atLeast('5.1.9', '5.2.0'),
      atLeast('13.2.2', '13.2.1'),
    ]).toEqual([true, true, false, true]);
  });
});
