/**
 * The one response of every image endpoint (social cards, PNG and SVG
 * downloads): the job's image, drawn or taken from the build's image cache,
 * with its type.
 */
import { type ImageJob, imageExtension, imageFor } from './image-jobs.ts';

const CONTENT_TYPES = {
  png: 'image/png',
  svg: 'image/svg+xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

/**
 * Draws (or reuses) an image and answers with it.
 * @param job What to draw.
 */
export async function imageResponse(job: ImageJob): Promise<Response> {
  const { bytes } = await imageFor(job);
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': CONTENT_TYPES[imageExtension(job)] } });
}
