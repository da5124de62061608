/**
 * Problems with the project as a whole: site settings, links out of the project, bidirectional text, the explorer (TB200–TB249).
 * Codes are permanent: never reuse or renumber one; retire a kind by leaving its code out.
 */
import type { ErrorCode } from '../errors.ts';
import { type AnyErrorKind, kind } from './define.ts';

export const projectErrors = {
  // Entries look like this (the code is the key):
  // TB012: kind({ title: '…', about: '…', example: { … }, message: ({ … }) => ({ what, expected, received, fix }) }),
} satisfies Record<ErrorCode, AnyErrorKind>;

void kind;
