/**
 * The one response of every PNG endpoint (PNG downloads, social
 * cards): the job's image, drawn or taken from the build's image cache.
 */
import { IMAGE_CACHE_DIR } from '../project-paths.ts';
import { type ImageJob, imageFor } from './image-jobs.ts';

/**
 * Draws (or reuses) an image and answers with it as `image/png`.
 * @param job What to draw.
 */
export async function pngResponse(job: ImageJob): Promise<Response> {
  const { png } = await imageFor(job, IMAGE_CACHE_DIR);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
