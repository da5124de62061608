/**
 * A worker thread of `drawImages`: draws the images it is sent into the cache
 * and answers with whether each had to be drawn.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ImageJob, imageFor } from './image-jobs.ts';

const { cacheDir } = workerData as { cacheDir: string };

parentPort!.on('message', async ({ index, job }: { index: number; job: ImageJob }) => {
  try {
    const { drawn } = await imageFor(job, cacheDir);
    parentPort!.postMessage({ index, drawn });
  } catch (error) {
    parentPort!.postMessage({ index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
