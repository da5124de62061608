/**
 * Everything build-time images depend on besides their own inputs, for their
 * cache key: a new chart.js, new fonts or changed drawing code redraw them all.
 */
import { Chart } from 'chart.js';
import { IMAGE_FONT_VERSIONS } from './image-fonts.ts';
import { rendererSource } from './renderer-source.ts';

/** Bump when the drawing changes in a way the source fingerprint cannot see. */
const RENDERER_VERSION = 8;

/** The part of every image's cache key that is not the image's own job. */
export const RENDERER_KEY = {
  RENDERER_VERSION,
  chartjs: Chart.version,
  fonts: IMAGE_FONT_VERSIONS,
  source: rendererSource(),
};
