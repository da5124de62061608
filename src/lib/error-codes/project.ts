/**
 * Problems with the project as a whole: site settings, links out of the project, bidirectional text, the explorer (TB200–TB249).
 * Codes are permanent: never reuse or renumber one; retire a kind by leaving its code out.
 */
import type { ErrorCode } from '../errors.ts';
import { type AnyErrorKind, kind, type Message } from './define.ts';

export const projectErrors = {
  TB200: kind({
    title: 'Site setting is invalid',
    about: 'A setting in src/site.config.ts is unknown, missing or has a value of the wrong kind. The site is not built with settings it cannot trust.',
    exampleAt: 'src/site.config.ts:1:1',
    example: { what: '"locale" has the wrong type', expected: 'string', received: 'number 1', fix: 'Correct "locale" (docs/authoring.md lists the allowed values)' },
    message: (parts: Message) => parts,
  }),
} satisfies Record<ErrorCode, AnyErrorKind>;
