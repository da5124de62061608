import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { it } from 'vitest';
import { formatProblems, ReportError } from '../../../src/lib/errors.ts';
import { trendbookRemarkPlugins } from '../../../src/plugins/remark/index.ts';
import { SITE } from '../../../src/site.config.ts';

const root = process.env.SCRATCH_ROOT!;
it('scratch', async () => {
  const md = readFileSync(join(root, 'input.md'), 'utf8');
  const file = new VFile({ value: md, path: join(root, 'input.md') });
  const p = unified().use(remarkParse).use(trendbookRemarkPlugins({ root, config: SITE }, process.env.NOFAIL !== '1')).use(remarkRehype).use(rehypeStringify);
  try { console.log(String(await p.process(file))); console.log('PROBLEMS', JSON.stringify(file.data.trendbookProblems ?? [])); }
  catch (e) { if (e instanceof ReportError) console.log(formatProblems(e.problems)); else throw e; }
});
