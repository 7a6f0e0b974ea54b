import { z } from 'zod';
import { unitSchema, unitTypes } from './cases.ts';

/*
 * Figures of the dispatch route (see `sla/kpi.ts` for the maths) and the responsible units the
 * pickers offer. Every figure carries the ids of the cases behind it, for drill-down with
 * `GET /api/cases?ids=…`.
 */

export const caseFiguresQuerySchema = z.object({
  /** Received on or after this Shanghai date … */
  from: z.iso.date(),
  /** … and before the end of this one (inclusive). */
  to: z.iso.date(),
  /** A division subtree (default: the reader's whole scope). */
  divisionId: z.coerce.number().int().positive().optional(),
  /** Rank responsible units, or the divisions one level below `divisionId`. */
  groupBy: z.enum(['unit', 'division']).default('unit'),
});
export type CaseFiguresQuery = z.infer<typeof caseFiguresQuerySchema>;

const idsSchema = z.object({
  received: z.array(z.number().int()),
  repliedOnTime: z.array(z.number().int()),
  assessed: z.array(z.number().int()),
  solved: z.array(z.number().int()),
  followedUp: z.array(z.number().int()),
  satisfied: z.array(z.number().int()),
  overdue: z.array(z.number().int()),
});

export const figureSetSchema = z.object({
  received: z.number().int(),
  repliedOnTime: z.number().int(),
  responseRate: z.number().nullable(),
  assessed: z.number().int(),
  solved: z.number().int(),
  solveRate: z.number().nullable(),
  followedUp: z.number().int(),
  satisfiedCount: z.number(),
  satisfactionRate: z.number().nullable(),
  overdue: z.number().int(),
  replied: z.number().int(),
  averageHandlingMinutes: z.number().nullable(),
  score: z.number().nullable(),
  ids: idsSchema,
});
export type FigureSet = z.infer<typeof figureSetSchema>;

export const caseFiguresSchema = figureSetSchema.extend({
  period: z.object({ from: z.string(), to: z.string() }),
  /** When "overdue" was judged (now). */
  judgedAt: z.string(),
  weights: z.object({ response: z.number(), solve: z.number(), satisfaction: z.number() }),
  groupBy: z.enum(['unit', 'division']),
  groups: z.array(
    figureSetSchema.extend({
      /** `organisation:12`, `division:7`. */
      key: z.string(),
      type: z.enum(unitTypes),
      id: z.number().int(),
      name: z.string(),
      rank: z.number().int().nullable(),
    }),
  ),
  /** Each figure's definition in the reader's language, to show next to it. */
  definitions: z.record(z.string(), z.string()),
});
export type CaseFigures = z.infer<typeof caseFiguresSchema>;

export const unitListQuerySchema = z.object({
  q: z.string().trim().max(60).optional(),
  type: z.enum(unitTypes).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const handlerSchema = z.object({ userId: z.number().int(), displayName: z.string(), username: z.string() });
export const handlersPutSchema = z.strictObject({
  userIds: z
    .array(z.number().int().positive())
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'validation.unique_items' }),
});

export const myUnitsSchema = z.array(unitSchema);
