import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const PAGES = resolve(import.meta.dirname, '../../../src/pages');
const pages = readdirSync(PAGES, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ts|astro)$/.test(file));
const read = (file: string) => readFileSync(join(PAGES, file), 'utf8');

describe('image endpoints and card sizes in src/pages', () => {
  it('answer every PNG and SVG through imageResponse(), never with their own Content-Type', () => {
    const endpoints = pages.filter((file) => read(file).includes('imageResponse('));
    expect(endpoints.length).toBe(5);
    expect(pages.filter((file) => /'image\/(png|svg)/.test(read(file)))).toEqual([]);
  });

  it('take the social card size from CARD instead of typing 1200 × 630', () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
    expect(pages.filter((file) => /\b1200\b|\b630\b/.test(read(file)))).toEqual([]);
  });
});
