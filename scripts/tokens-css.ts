/**
 * `npm run tokens:css`: writes src/styles/tokens.css from the colour table in
 * src/lib/theme-tokens.ts. tests/lib/theme-tokens.test.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tokensCss } from '../src/lib/theme-tokens.ts';

const target = resolve(import.meta.dirname, '..', 'src', 'styles', 'tokens.css');
writeFileSync(target, tokensCss());
console.log(`Wrote ${target}.`);
