import { z } from 'zod';
import { ymdDateSchema } from '../organisations.ts';
import { pageQuerySchema } from '../paging.ts';
import { briefingSectionKeys } from './generate.ts';

/*
 * The briefings API (工作简报): a draft generated from a division's figures over a period, whose
 * text the user edits; every save is a new revision, and the figures the draft was made from are
 * kept beside it, so any revision exports the same document again later.
 */

const id = z.number().int().positive();

export const briefingSectionSchema = z.object({
  key: z.enum(briefingSectionKeys),
  heading: z.string(),
  text: z.string(),
});

export const briefingSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  title: z.string(),
  from: z.string(),
  to: z.string(),
  /** The latest revision's number (1 = the generated draft). */
  revision: z.number().int(),
  createdByName: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Briefing = z.infer<typeof briefingSchema>;

export const briefingRevisionSchema = z.object({
  revision: z.number().int(),
  at: z.string(),
  byName: z.string().nullable(),
});

export const briefingDetailSchema = briefingSchema.extend({
  sections: z.array(briefingSectionSchema),
  /** The figures snapshot the draft was generated from (the dashboard's figures, as they were). */
  figures: z.record(z.string(), z.unknown()),
  revisions: z.array(briefingRevisionSchema),
  allowed: z.array(z.string()),
});
export type BriefingDetail = z.infer<typeof briefingDetailSchema>;

function checkPeriod(value: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.end_before_start' });
}

export const briefingCreateSchema = z
  .object({
    divisionId: id,
    from: ymdDateSchema,
    to: ymdDateSchema,
    /** Default: `<division>统战工作简报（<period>）`. */
    title: z.string().trim().min(1).max(120).optional(),
  })
  .superRefine(checkPeriod);
export type BriefingCreate = z.infer<typeof briefingCreateSchema>;

export const briefingUpdateSchema = z.object({
  version: z.number().int().positive(),
  title: z.string().trim().min(1).max(120).optional(),
  /** Edited section texts; sections not sent keep their text. */
  sections: z
    .array(z.object({ key: z.enum(briefingSectionKeys), text: z.string().max(10_000) }))
    .max(briefingSectionKeys.length)
    .optional(),
});
export type BriefingUpdate = z.infer<typeof briefingUpdateSchema>;

export const briefingListQuerySchema = pageQuerySchema.extend({
  divisionId: z.coerce.number().int().positive().optional(),
});
export type BriefingListQuery = z.infer<typeof briefingListQuerySchema>;

export const briefingExportFormats = ['docx', 'pdf'] as const;
export type BriefingExportFormat = (typeof briefingExportFormats)[number];

export const briefingExportQuerySchema = z.object({
  format: z.enum(briefingExportFormats),
  /** A past revision (default: the latest). */
  revision: z.coerce.number().int().positive().optional(),
});
export type BriefingExportQuery = z.infer<typeof briefingExportQuerySchema>;
