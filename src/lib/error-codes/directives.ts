/**
 * Problems in a report's Markdown and its `::chart` and `:stat` directives (TB100–TB149).
 * Codes are permanent: never reuse or renumber one; retire a kind by leaving its code out.
 */
import type { ErrorCode } from '../errors.ts';
import { type AnyErrorKind, kind } from './define.ts';

export const directiveErrors = {
  // Entries look like this (the code is the key):
  // TB012: kind({ title: '…', about: '…', example: { … }, message: ({ … }) => ({ what, expected, received, fix }) }),
} satisfies Record<ErrorCode, AnyErrorKind>;

void kind;
