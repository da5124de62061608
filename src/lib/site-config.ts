/**
 * The shape of `src/site.config.ts`: site title, URL, locale, social handle,
 * tiers (id, label, colours, follower range) and UTM settings.
 */
import { z } from 'zod';
import { DEFAULT_LIMITS } from './data/limits.ts';

const COLOR = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #1d4ed8');

/** An influencer tier, or any category that needs a fixed label, order and colour. */
const TierSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lowercase letters, digits and "_" (no "/", "," or spaces)'),
  label: z.string().min(1),
  /** Colour on a light background. */
  color: COLOR,
  /** Colour on a dark background. */
  darkColor: COLOR,
  /** Follower range shown in the methodology, e.g. "10,000–100,000". */
  followers: z.string().optional(),
});

export const SiteConfigSchema = z
  .strictObject({
    title: z.string().min(1),
    description: z.string().min(1),
    /**
     * Absolute https URL where the site is published (http is refused: share links and embeds need https); canonical and share links are built from it.
     * It may end in a path (`https://example.com/blog`): every link and asset is then published under that path.
     * A trailing slash is dropped; a `?query` or `#fragment` is refused, since every page's address is this URL plus the page's path.
     */
    url: z
      .url({ protocol: /^https$/, error: 'expected an absolute https URL such as https://trends.example.com' })
      .refine(
        (url) => !URL.canParse(url) || (new URL(url).search === '' && new URL(url).hash === '' && !/[?#]/.test(url)),
        {
          error: 'expected the address the site is published at, without "?" or "#" (such as https://example.com/blog)',
        },
      )
      .transform((url) => {
        const parsed = new URL(url);
        return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
      }),
    /** BCP 47 locale for numbers and dates (default: `en-US`). */
    locale: z.string().default('en-US'),
    /** The site's social handle, written with "@". */
    handle: z.string().regex(/^@[A-Za-z0-9_]{1,30}$/, 'expected a handle such as @trendbook'),
    /** Categories with fixed labels, order and colours (influencer tiers). */
    tiers: z.array(TierSchema).min(1),
    /** Colours for series that are not tiers, used in order of the values' first appearance. */
    palette: z
      .array(z.strictObject({ color: COLOR, darkColor: COLOR }))
      .min(8, 'give at least 8 colours: a chart draws up to 8 series, and no two may share a colour'),
    /** Dataset size limits, checked before a file is parsed (see src/lib/data/limits.ts). */
    limits: z
      .strictObject({
        bytes: z.int().positive().default(DEFAULT_LIMITS.bytes),
        rows: z.int().positive().default(DEFAULT_LIMITS.rows),
        columns: z.int().positive().default(DEFAULT_LIMITS.columns),
        lineLength: z.int().positive().default(DEFAULT_LIMITS.lineLength),
        queryMemory: z
          .string()
          .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i, 'expected a size such as 1GB or 512MB')
          .default(DEFAULT_LIMITS.queryMemory),
        queryThreads: z.int().min(1).max(64).default(DEFAULT_LIMITS.queryThreads),
        querySeconds: z.number().positive().max(86_400).default(DEFAULT_LIMITS.querySeconds),
      })
      .default({ ...DEFAULT_LIMITS }),
    /** The licence of the reports and data, shown in the footer and the datasets catalogue. */
    licence: z.strictObject({ name: z.string().min(1), url: z.url({ protocol: /^https$/ }).optional() }).optional(),
    utm: z
      .strictObject({
        enabled: z.boolean().default(false),
        source: z.string().default('share'),
        campaign: z.string().optional(),
      })
      .default({ enabled: false, source: 'share' }),
  })
  .refine((config) => new Set(config.tiers.map((tier) => tier.id)).size === config.tiers.length, {
    message: 'two tiers share an id',
    path: ['tiers'],
  });

export type SiteConfig = z.infer<typeof SiteConfigSchema>;
export type SiteConfigInput = z.input<typeof SiteConfigSchema>;
