/**
 * Finds `::chart{` or `:stat{` printed as text in built pages: the sign of a
 * directive that no plugin turned into a chart or a number.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const LEAK = /(^|[^\w\\:]):{1,2}(chart|stat)(\[[^\]]*\])?\{/;

/**
 * Lists `file: excerpt` for each built HTML page that shows a directive as text.
 * Code blocks are skipped: a directive inside code is meant to stay literal.
 * @param dist The build's output folder.
 */
export async function findLeakedDirectives(dist: string): Promise<string[]> {
  const leaks: string[] = [];
  for (const file of await htmlFiles(dist)) {
    const html = await readFile(file, 'utf8');
    const text = html.replace(/<(pre|code|script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ');
    const match = LEAK.exec(text);
    if (match) leaks.push(`${relative(dist, file)}: ${text.slice(match.index, match.index + 60).trim()}`);
  }
  return leaks;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return htmlFiles(path);
      return Promise.resolve(entry.name.endsWith('.html') ? [path] : []);
    }),
  );
  return files.flat();
}
