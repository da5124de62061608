/**
 * The child process that runs one query (see query-cache.ts): it reads the
 * job as JSON on standard input and writes the result as JSON on standard
 * output. A child keeps DuckDB's threads, memory and native code out of the
 * build's own process, and lets the synchronous dataset loader wait for it.
 */
import { type QuerySettings, type QueryTable, runQuery } from './run-query.ts';

/** What the parent sends. */
interface Job {
  root: string;
  path: string;
  text: string;
  settings: QuerySettings;
  tables: QueryTable[];
}

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const job = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Job;
const result = await runQuery(job.root, job.path, job.text, job.settings, job.tables);
process.stdout.write(JSON.stringify(result));
