/**
 * A worker process of `drawImages`: draws the images it is sent into the cache
 * (the folder is its first argument) and answers with whether each had to be drawn.
 */
import { collectGarbageEvery } from '../collect-garbage.ts';
import { type ImageJob, imageFor } from './image-jobs.ts';

const cacheDir = process.argv[2]!;

process.on('message', async ({ index, job }: { index: number; job: ImageJob }) => {
  try {
    const { drawn } = await imageFor(job, cacheDir);
    // About 6 MB of uncounted native memory per image: collected every few images (see collect-garbage.ts).
    collectGarbageEvery(4);
    process.send!({ index, drawn });
  } catch (error) {
    process.send!({ index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
// The build may end without a word (a signal): a worker never outlives it.
process.on('disconnect', () => process.exit(0));
