/**
 * Problems in how a dataset is used: filters (`where`), series and the explorer's named views (TB050–TB099).
 * Codes are permanent: never reuse or renumber one; retire a kind by leaving its code out.
 */
import type { ErrorCode } from '../errors.ts';
import { type AnyErrorKind, kind } from './define.ts';

export const datasetUseErrors = {
  // Entries look like this (the code is the key):
  // TB012: kind({ title: '…', about: '…', example: { … }, message: ({ … }) => ({ what, expected, received, fix }) }),
} satisfies Record<ErrorCode, AnyErrorKind>;

void kind;
