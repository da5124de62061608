/**
 * The frontmatter of a report (`content/reports/<slug>.md`): title, description
 * and date required; card_title, updated, changes, authors, tags, draft and figures optional.
 */
import { z } from 'zod';
import { AGGREGATES } from '../aggregate/combine.ts';
import { STAT_FORMS } from '../stat/compute-stat.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day written as YYYY-MM-DD (YAML may already have made it a Date). */
const DaySchema = z
  .union([z.date(), z.string().regex(DAY, 'expected a date written as YYYY-MM-DD')])
  .transform((value, context) => {
    const date = value instanceof Date ? value : new Date(`${value}T00:00:00Z`);
    const text = value instanceof Date ? date.toISOString().slice(0, 10) : value;
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
      context.addIssue({ code: 'custom', message: `${text} is not a calendar date`, input: text });
      return z.NEVER;
    }
    return date;
  });

const AuthorSchema = z.strictObject({
  name: z.string().min(1).max(120),
  /** Social handle, written with "@" (used for twitter:creator). */
  handle: z
    .string()
    .regex(/^@[A-Za-z0-9_]{1,30}$/, 'expected a handle such as @jane')
    .optional(),
});

/** A key figure: a big number at the top of the report, computed like a `:stat`. */
const KeyFigureSchema = z.strictObject({
  /** What the number means, shown under it ("more engagement than celebrities"). */
  label: z.string().trim().min(1).max(120),
  dataset: z.string().min(1),
  y: z.string().min(1),
  where: z.string().optional(),
  compare: z.string().optional(),
  as: z.enum(STAT_FORMS).default('value'),
  agg: z.enum(AGGREGATES).optional(),
  /** The figure the report's social card shows. Without one, the card shows the title and description. */
  card: z.boolean().default(false),
});

export type KeyFigure = z.infer<typeof KeyFigureSchema>;

export const ReportFrontmatterSchema = z
  .strictObject({
    title: z
      .string()
      .trim()
      .min(1)
      .max(200, 'keep titles under 200 characters; they become page titles and share text'),
    description: z
      .string()
      .trim()
      .min(1)
      .max(300, 'keep descriptions under 300 characters; 160 or fewer read best in link previews'),
    /** A shorter title for the report's social card, when the title takes more than its three lines. */
    card_title: z
      .string()
      .trim()
      .min(1)
      .max(120, 'keep card_title under 120 characters: the card shows three lines')
      .optional(),
    date: DaySchema,
    updated: DaySchema.optional(),
    /** What changed on the `updated` date, shown to readers in an "Updated" note. */
    changes: z.string().trim().min(1).max(500, 'keep the note on what changed under 500 characters').optional(),
    authors: z.array(AuthorSchema).default([]),
    tags: z
      .array(
        z
          .string()
          .regex(
            /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
            'tags are lowercase words joined by hyphens, such as influencer-marketing',
          ),
      )
      .default([]),
    draft: z.boolean().default(false),
    /** Two to four key figures; the one marked `card: true` also appears on the report's card. */
    figures: z
      .array(KeyFigureSchema)
      .max(4, 'show at most 4 key figures; more stop being key')
      .default([])
      .refine((figures) => figures.filter((figure) => figure.card).length <= 1, {
        message: 'mark at most one key figure with "card: true": a card shows one number',
      }),
  })
  .refine((data) => !data.updated || data.updated >= data.date, {
    message: '"updated" is earlier than "date"',
    path: ['updated'],
  })
  .refine((data) => !data.updated || data.changes !== undefined, {
    message: '"updated" needs "changes": one sentence telling readers what changed',
    path: ['updated'],
  })
  .refine((data) => data.updated || data.changes === undefined, {
    message: '"changes" needs the "updated" date it happened on',
    path: ['changes'],
  });

export type ReportFrontmatter = z.infer<typeof ReportFrontmatterSchema>;
