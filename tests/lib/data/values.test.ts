/**
 * readCell: how one cell, written the way a spreadsheet user writes it, is read
 * before its column's type is known. Explicit literals only, so each case shows its input.
 */
import { describe, expect, it } from 'vitest';
import { isMissing, MISSING_MARKERS, readCell } from '../../../src/lib/data/values.ts';

describe('readCell', () => {
  it('reads plain integers and decimals, keeping the written number of decimals', () => {
    expect(readCell('7')).toEqual({ kind: 'number', value: 7, percent: false, currency: undefined, decimals: 0 });
    expect(readCell('348.5')).toEqual({
      kind: 'number',
      value: 348.5,
      percent: false,
      currency: undefined,
      decimals: 1,
    });
    expect(readCell('0.50')).toEqual({ kind: 'number', value: 0.5, percent: false, currency: undefined, decimals: 2 });
    expect(readCell('0.014915592')).toEqual({
      kind: 'number',
      value: 0.014915592,
      percent: false,
      currency: undefined,
      decimals: 9,
    });
    expect(readCell('.5')).toEqual({ kind: 'number', value: 0.5, percent: false, currency: undefined, decimals: 1 });
  });

  it('trims surrounding spaces before reading a number', () => {
    expect(readCell(' 7 ')).toEqual({ kind: 'number', value: 7, percent: false, currency: undefined, decimals: 0 });
  });

  it('reads signs, including the Unicode minus', () => {
    expect(readCell('-2.5')).toEqual({ kind: 'number', value: -2.5, percent: false, currency: undefined, decimals: 1 });
    expect(readCell('+5')).toEqual({ kind: 'number', value: 5, percent: false, currency: undefined, decimals: 0 });
    expect(readCell('\u22125')).toEqual({
      kind: 'number',
      value: -5,
      percent: false,
      currency: undefined,
      decimals: 0,
    });
  });

  it('reads thousands separators, including non-breaking spaces', () => {
    expect(readCell('12,400')).toEqual({
      kind: 'number',
      value: 12400,
      percent: false,
      currency: undefined,
      decimals: 0,
    });
    expect(readCell('1,000,000')).toEqual({
      kind: 'number',
      value: 1000000,
      percent: false,
      currency: undefined,
      decimals: 0,
    });
    expect(readCell('1,234,567.89')).toEqual({
      kind: 'number',
      value: 1234567.89,
      percent: false,
      currency: undefined,
      decimals: 2,
    });
    expect(readCell('1\u00a0234')).toEqual({
      kind: 'number',
      value: 1234,
      percent: false,
      currency: undefined,
      decimals: 0,
    });
    expect(readCell('1\u202f234')).toEqual({
      kind: 'number',
      value: 1234,
      percent: false,
      currency: undefined,
      decimals: 0,
    });
  });

  it('reads percentages as percentage points', () => {
    expect(readCell('31.5%')).toEqual({ kind: 'number', value: 31.5, percent: true, currency: undefined, decimals: 1 });
    expect(readCell('1.39%')).toEqual({ kind: 'number', value: 1.39, percent: true, currency: undefined, decimals: 2 });
    expect(readCell('12 %')).toEqual({ kind: 'number', value: 12, percent: true, currency: undefined, decimals: 0 });
    expect(readCell('-0.5%')).toEqual({ kind: 'number', value: -0.5, percent: true, currency: undefined, decimals: 1 });
  });

  it('reads currency symbols before or after the amount, with their ISO code', () => {
    expect(readCell('$1,200')).toEqual({ kind: 'number', value: 1200, percent: false, currency: 'USD', decimals: 0 });
    expect(readCell('$1,200.50')).toEqual({
      kind: 'number',
      value: 1200.5,
      percent: false,
      currency: 'USD',
      decimals: 2,
    });
    expect(readCell('US$5')).toEqual({ kind: 'number', value: 5, percent: false, currency: 'USD', decimals: 0 });
    expect(readCell('€15')).toEqual({ kind: 'number', value: 15, percent: false, currency: 'EUR', decimals: 0 });
    expect(readCell('15 €')).toEqual({ kind: 'number', value: 15, percent: false, currency: 'EUR', decimals: 0 });
    expect(readCell('£3')).toEqual({ kind: 'number', value: 3, percent: false, currency: 'GBP', decimals: 0 });
    expect(readCell('¥100')).toEqual({ kind: 'number', value: 100, percent: false, currency: 'JPY', decimals: 0 });
    expect(readCell('₹250')).toEqual({ kind: 'number', value: 250, percent: false, currency: 'INR', decimals: 0 });
  });

  it('reads a minus sign before or after the currency symbol', () => {
    expect(readCell('-$1,200')).toEqual({ kind: 'number', value: -1200, percent: false, currency: 'USD', decimals: 0 });
    expect(readCell('$-1,200')).toEqual({ kind: 'number', value: -1200, percent: false, currency: 'USD', decimals: 0 });
  });

  it('reads accounting parentheses as negative', () => {
    expect(readCell('(123)')).toEqual({
      kind: 'number',
      value: -123,
      percent: false,
      currency: undefined,
      decimals: 0,
    });
    expect(readCell('(0.5)')).toEqual({
      kind: 'number',
      value: -0.5,
      percent: false,
      currency: undefined,
      decimals: 1,
    });
    expect(readCell('($1,200)')).toEqual({
      kind: 'number',
      value: -1200,
      percent: false,
      currency: 'USD',
      decimals: 0,
    });
  });

  it('reads k, m and b magnitude suffixes in either case, without float noise', () => {
    expect(readCell('3.3k')).toEqual({ kind: 'number', value: 3300, percent: false, currency: undefined, decimals: 0 });
    expect(readCell('0.89k')).toEqual({ kind: 'number', value: 890, percent: false, currency: undefined, decimals: 0 });
    expect(readCell('0.02k')).toEqual({ kind: 'number', value: 20, percent: false, currency: undefined, decimals: 0 });
    expect(readCell('2.25k')).toEqual({
      kind: 'number',
      value: 2250,
      percent: false,
      currency: undefined,
      decimals: 0,
    });
    expect(readCell('475.8m')).toEqual({
      kind: 'number',
      value: 475800000,
      percent: false,
      currency: undefined,
      decimals: 0,
    });
    expect(readCell('29.0b')).toEqual({
      kind: 'number',
      value: 29000000000,
      percent: false,
      currency: undefined,
      decimals: 0,
    });
    expect(readCell('1.2M')).toEqual({
      kind: 'number',
      value: 1200000,
      percent: false,
      currency: undefined,
      decimals: 0,
    });
    expect(readCell('383.1K')).toEqual({
      kind: 'number',
      value: 383100,
      percent: false,
      currency: undefined,
      decimals: 0,
    });
    expect(readCell('5B')).toEqual({
      kind: 'number',
      value: 5000000000,
      percent: false,
      currency: undefined,
      decimals: 0,
    });
    expect(readCell('5 k')).toEqual({ kind: 'number', value: 5000, percent: false, currency: undefined, decimals: 0 });
  });

  it('reads exponent notation', () => {
    expect(readCell('1e5')).toEqual({
      kind: 'number',
      value: 100000,
      percent: false,
      currency: undefined,
      decimals: 0,
    });
    expect(readCell('2.5e-3')).toEqual({
      kind: 'number',
      value: 0.0025,
      percent: false,
      currency: undefined,
      decimals: 4,
    });
  });

  it('reads decimal commas (and dot thousands) in semicolon-separated files', () => {
    expect(readCell('1,5', true)).toEqual({
      kind: 'number',
      value: 1.5,
      percent: false,
      currency: undefined,
      decimals: 1,
    });
    expect(readCell('-1,5', true)).toEqual({
      kind: 'number',
      value: -1.5,
      percent: false,
      currency: undefined,
      decimals: 1,
    });
    expect(readCell('1.234,5', true)).toEqual({
      kind: 'number',
      value: 1234.5,
      percent: false,
      currency: undefined,
      decimals: 1,
    });
    expect(readCell('12,5%', true)).toEqual({
      kind: 'number',
      value: 12.5,
      percent: true,
      currency: undefined,
      decimals: 1,
    });
    expect(readCell('1.200 €', true)).toEqual({
      kind: 'number',
      value: 1200,
      percent: false,
      currency: 'EUR',
      decimals: 0,
    });
  });

  it('does not read a decimal comma in a comma-separated file', () => {
    expect(readCell('1,5')).toEqual({ kind: 'text', text: '1,5' });
    expect(readCell('12,40')).toEqual({ kind: 'text', text: '12,40' });
  });

  it('treats the documented missing markers as missing, with surrounding spaces', () => {
    for (const text of ['', '   ', 'NA', 'N/A', '#N/A', 'NaN', '-', '\u2014', '\u2013', ' N/A ']) {
      expect(readCell(text), JSON.stringify(text)).toEqual({ kind: 'missing' });
    }
    expect(MISSING_MARKERS).toEqual(['', 'NA', 'N/A', '#N/A', 'NaN', '-', '\u2014', '\u2013']);
    expect(isMissing(' NA ')).toBe(true);
    expect(isMissing('na')).toBe(false);
  });

  it('treats a missing marker followed by % (NaN%, as pandas prints it) as a missing percentage', () => {
    for (const text of ['NaN%', 'N/A%', '-%', 'NaN %']) expect(readCell(text), text).toEqual({ kind: 'missing' });
    expect(readCell('%')).toEqual({ kind: 'text', text: '%' });
  });

  it('recognises spreadsheet errors in several locales, in any case, trimmed', () => {
    for (const text of [
      '#DIV/0!',
      '#VALUE!',
      '#VALOR!',
      '#WERT!',
      '#REF!',
      '#BEZUG!',
      '#NAME?',
      '#NUM!',
      '#NULL!',
      '#div/0!',
    ]) {
      expect(readCell(text), text).toEqual({ kind: 'spreadsheet-error', text });
    }
    expect(readCell(' #REF! ')).toEqual({ kind: 'spreadsheet-error', text: '#REF!' });
  });

  it('refuses numbers it cannot store exactly instead of rounding them', () => {
    expect(readCell('1e400')).toEqual({ kind: 'unrepresentable', text: '1e400' });
    expect(readCell('-1e400')).toEqual({ kind: 'unrepresentable', text: '-1e400' });
    expect(readCell('9007199254740993')).toEqual({ kind: 'unrepresentable', text: '9007199254740993' });
    expect(readCell('9,007,199,254,740,993')).toEqual({ kind: 'unrepresentable', text: '9,007,199,254,740,993' });
  });

  it('keeps the largest exactly storable integer', () => {
    expect(readCell('9007199254740991')).toEqual({
      kind: 'number',
      value: 9007199254740991,
      percent: false,
      currency: undefined,
      decimals: 0,
    });
  });

  it('keeps everything else as text, as written, never guessing', () => {
    for (const text of [
      'abc',
      "N/A'",
      'na',
      '03/04/2024',
      '2016-2017',
      '1,2,3',
      '1,2345',
      '1.2.3',
      '5.',
      '12%%',
      '1k%',
      '1 234',
      '1_000',
      '0x1F',
      'Infinity',
      '--5',
      '$',
      '=1+1',
      '5" screen',
      ' padded text ',
    ]) {
      expect(readCell(text), text).toEqual({ kind: 'text', text });
    }
  });
});
