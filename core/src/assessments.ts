import { z } from 'zod';
import { pageQuerySchema } from './paging.ts';
import { checklistSchema, criterionSchema, starThresholdSchema } from './scoring/index.ts';
import { venueLevels, venueTypes } from './venues.ts';

/**
 * Base assessment (基地考核): a yearly checklist per venue type (criteria with points, star
 * thresholds set per checklist), assessors' sheets, and the total and stars a finalised
 * assessment gives the venue. The arithmetic is `scoring/assessment.ts`.
 */

const id = z.number().int().positive();

export const checklistOutputSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  title: z.string(),
  venueType: z.enum(venueTypes),
  year: z.number().int(),
  criteria: z.array(z.object({ id: z.string(), name: z.string().optional(), maxPoints: z.number(), deduction: z.boolean() })),
  starThresholds: z.array(z.object({ stars: z.number().int(), minTotal: z.number() })),
  /** Σ max points of the criteria that add (deductions excluded). */
  maxTotal: z.number(),
  assessments: z.object({ total: z.number().int(), finalised: z.number().int() }),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ChecklistOutput = z.infer<typeof checklistOutputSchema>;

/** Re-run core's checklist rules (unique criteria, thresholds rising with stars) on a body. */
function checkChecklist(value: { criteria?: unknown; starThresholds?: unknown }, ctx: z.RefinementCtx) {
  if (value.criteria === undefined || value.starThresholds === undefined) return;
  const result = checklistSchema.safeParse({ criteria: value.criteria, starThresholds: value.starThresholds });
  if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: 'validation.checklist' });
}

export const checklistCreateSchema = z
  .object({
    divisionId: id,
    title: z.string().trim().min(1).max(120),
    venueType: z.enum(venueTypes),
    year: z.number().int().min(2000).max(2100),
    criteria: z.array(criterionSchema).min(1).max(100),
    starThresholds: z.array(starThresholdSchema).min(1).max(5),
  })
  .superRefine(checkChecklist);
export type ChecklistCreate = z.infer<typeof checklistCreateSchema>;

export const checklistUpdateSchema = z
  .object({
    title: z.string().trim().min(1).max(120).optional(),
    criteria: z.array(criterionSchema).min(1).max(100).optional(),
    starThresholds: z.array(starThresholdSchema).min(1).max(5).optional(),
    version: id,
  })
  .superRefine(checkChecklist);
export type ChecklistUpdate = z.infer<typeof checklistUpdateSchema>;

export const checklistListQuerySchema = pageQuerySchema.extend({
  divisionId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  venueType: z.enum(venueTypes).optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
});
export type ChecklistListQuery = z.infer<typeof checklistListQuerySchema>;

export const assessmentStatuses = ['draft', 'final'] as const;

const totals = z.object({
  total: z.number(),
  earned: z.number(),
  deducted: z.number(),
  missing: z.array(z.string()),
  stars: z.number().int(),
  maxTotal: z.number(),
});

export const assessmentSchema = z.object({
  id: z.number().int(),
  checklistId: z.number().int(),
  checklistTitle: z.string(),
  year: z.number().int(),
  venue: z.object({
    id: z.number().int(),
    name: z.string(),
    type: z.enum(venueTypes),
    level: z.enum(venueLevels),
    divisionId: z.number().int(),
    divisionName: z.string(),
    starRating: z.number().int().nullable(),
  }),
  status: z.enum(assessmentStatuses),
  sheetCount: z.number().int(),
  /** The final total and stars (null while a draft). */
  total: z.number().nullable(),
  stars: z.number().int().nullable(),
  finalisedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentDetailSchema = assessmentSchema.extend({
  criteria: checklistOutputSchema.shape.criteria,
  starThresholds: checklistOutputSchema.shape.starThresholds,
  sheets: z.array(
    z.object({
      id: z.number().int(),
      assessorId: z.number().int(),
      assessorName: z.string(),
      scores: z.record(z.string(), z.number()),
      comment: z.string().nullable(),
      total: z.number(),
      version: z.number().int(),
      updatedAt: z.string(),
    }),
  ),
  /** What finalising now would give: the mean of the sheets per criterion, its total and stars. */
  preview: totals.nullable(),
  allowed: z.array(z.string()),
});
export type AssessmentDetail = z.infer<typeof assessmentDetailSchema>;

export const assessmentCreateSchema = z.object({
  /** Venues to assess; omitted: every current venue of the checklist's type in its subtree. */
  venueIds: z.array(id).min(1).max(2000).optional(),
});

export const assessmentListQuerySchema = pageQuerySchema.extend({
  checklistId: z.coerce.number().int().positive().optional(),
  venueId: z.coerce.number().int().positive().optional(),
  divisionId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(assessmentStatuses).optional(),
});
export type AssessmentListQuery = z.infer<typeof assessmentListQuerySchema>;

export const sheetSaveSchema = z.object({
  scores: z.record(z.string().max(64), z.number().min(0).max(10_000)).refine((s) => Object.keys(s).length <= 100, { message: 'validation.too_many' }),
  comment: z.string().trim().max(2000).nullable().optional(),
  version: id.optional(),
});
export type SheetSave = z.infer<typeof sheetSaveSchema>;

export const starHistorySchema = z.object({
  venueId: z.number().int(),
  venueName: z.string(),
  starRating: z.number().int().nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      stars: z.number().int().nullable(),
      previousStars: z.number().int().nullable(),
      total: z.number().nullable(),
      assessmentId: z.number().int().nullable(),
      checklistTitle: z.string().nullable(),
      year: z.number().int().nullable(),
      changedBy: z.string().nullable(),
    }),
  ),
});
export type StarHistory = z.infer<typeof starHistorySchema>;
