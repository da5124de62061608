/**
 * `npm run docs:errors`: writes docs/errors.md from the error catalogue in
 * src/lib/error-codes/. tests/lib/error-codes/catalogue.test.ts fails when the
 * file is stale.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderErrorsDoc } from '../src/lib/error-codes/errors-doc.ts';

const target = resolve(import.meta.dirname, '..', 'docs', 'errors.md');
writeFileSync(target, renderErrorsDoc());
console.log(`Wrote ${target}.`);
