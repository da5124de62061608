import { describe, expect, it } from 'vitest';
import { readCell } from '../../../src/lib/data/values.ts';

describe('readCell', () => {
  it('reads spreadsheet-formatted numbers', () => {
    expect(readCell('12,400')).toEqual({ kind: 'number', value: 12400, percent: false, currency: undefined, decimals: 0 });
    expect(readCell('31.5%')).toEqual({ kind: 'number', value: 31.5, percent: true, currency: undefined, decimals: 1 });
    expect(readCell('$1,200')).toEqual({ kind: 'number', value: 1200, percent: false, currency: 'USD', decimals: 0 });
    expect(readCell('€15')).toEqual({ kind: 'number', value: 15, percent: false, currency: 'EUR', decimals: 0 });
    expect(readCell('(123)')).toEqual({ kind: 'number', value: -123, percent: false, currency: undefined, decimals: 0 });
    expect(readCell(' 7 ')).toEqual({ kind: 'number', value: 7, percent: false, currency: undefined, decimals: 0 });
    expect(readCell('3.3k')).toEqual({ kind: 'number', value: 3300, percent: false, currency: undefined, decimals: 0 });
    expect(readCell('1.2M')).toEqual({ kind: 'number', value: 1200000, percent: false, currency: undefined, decimals: 0 });
    expect(readCell('-2.5')).toEqual({ kind: 'number', value: -2.5, percent: false, currency: undefined, decimals: 1 });
  });
  it('reads decimal commas in semicolon-separated files', () => {
    expect(readCell('1,5', true)).toEqual({ kind: 'number', value: 1.5, percent: false, currency: undefined, decimals: 1 });
    expect(readCell('1.234,5', true)).toEqual({ kind: 'number', value: 1234.5, percent: false, currency: undefined, decimals: 1 });
  });
  it('treats the missing markers as missing, NaN% included', () => {
    for (const text of ['', 'NA', 'N/A', '#N/A', 'NaN', '-', '—', 'NaN%', '  ']) expect(readCell(text), text).toEqual({ kind: 'missing' });
  });
  it('recognises spreadsheet errors in several locales', () => {
    for (const text of ['#DIV/0!', '#VALUE!', '#REF!', '#VALOR!', '#NAME?']) expect(readCell(text), text).toEqual({ kind: 'spreadsheet-error', text });
  });
  it('refuses numbers it cannot store exactly', () => {
    expect(readCell('1e400')).toEqual({ kind: 'unrepresentable', text: '1e400' });
    expect(readCell('9007199254740993')).toEqual({ kind: 'unrepresentable', text: '9007199254740993' });
  });
  it('keeps everything else as text, never guessing', () => {
    for (const text of ['abc', '03/04/2024', '1,2,3', '12%%', "N/A'", '=1+1']) expect(readCell(text), text).toEqual({ kind: 'text', text });
  });
});
