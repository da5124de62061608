import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RENDERER_SOURCES, rendererSource } from '../../../src/lib/images/renderer-source.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const copy = mkdtempSync(join(tmpdir(), 'trendbook-renderer-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('rendererSource', () => {
  it('is the same for the same code wherever the project is, and changes when drawing code changes', () => {
    for (const source of RENDERER_SOURCES) cpSync(join(ROOT, source), join(copy, source), { recursive: true });
    const before = rendererSource(copy);
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    expect(rendererSource(ROOT)).toBe(before);
    writeFileSync(join(copy, 'src/lib/chart/to-chart-config.ts'), '// a change to how charts are drawn\n', {
      flag: 'a',
    });
    expect(rendererSource(copy)).not.toBe(before);
  });

  it('says "unavailable" where the sources are not', () => {
    expect(rendererSource(join(copy, 'nowhere'))).toBe('unavailable');
  });
});
