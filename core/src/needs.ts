import { z } from 'zod';
import { idListParam, listParam } from './form-fields.ts';
import { pageQuerySchema } from './paging.ts';
import { claimStates } from './sla/claim-states.ts';

/*
 * The claim route (需求认领: 社区吹哨、党派报到, 微心愿) as the API speaks it. The state machine and
 * the date flag live in `sla/claim-states.ts`.
 */

export const needChannels = ['portal', 'staff'] as const;

const ref = z.object({ id: z.number().int(), name: z.string() });

export const needSchema = z.object({
  id: z.number().int(),
  ticketNo: z.string().nullable(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  serviceKinds: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
  /** The date the need should be met by (Shanghai local date). */
  wantedBy: z.string().nullable(),
  state: z.enum(claimStates),
  /** A portal wish waits for staff review before organisations see it on the board. */
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  claimant: ref.nullable(),
  claimedAt: z.string().nullable(),
  fulfilledAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  channel: z.enum(needChannels),
  submitterName: z.string().nullable(),
  /** Masked unless revealed through the audited endpoint. */
  submitterPhone: z.string().nullable(),
  /** `due_soon` / `past_due` for an open need by its date; null otherwise. */
  dateFlag: z.enum(['due_soon', 'past_due']).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Need = z.infer<typeof needSchema>;

export const needEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  fromState: z.enum(claimStates).nullable(),
  toState: z.enum(claimStates).nullable(),
  note: z.string().nullable(),
  public: z.boolean(),
  actorName: z.string().nullable(),
  organisation: ref.nullable(),
});

export const needDetailSchema = needSchema.extend({
  events: z.array(needEventSchema),
  nextStates: z.array(z.enum(claimStates)),
  /** What this user may do: target states, plus `publish`, `update`, `reveal_phone`. */
  allowed: z.array(z.string()),
  /** Organisations this user may claim for (on an open, published need). */
  claimableFor: z.array(ref),
  /** The case this need was routed to (转为派单办理), if it was. */
  routedCaseId: z.number().int().nullable(),
});
export type NeedDetail = z.infer<typeof needDetailSchema>;

const serviceKindIds = z
  .array(z.number().int().positive())
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, { error: 'validation.unique_items' });

export const needCreateSchema = z.strictObject({
  divisionId: z.number().int().positive(),
  title: z.string().trim().min(1).max(60),
  description: z.string().trim().max(2000).nullable().optional(),
  serviceKindIds: serviceKindIds.default([]),
  wantedBy: z.iso.date().nullable().optional(),
  /** Publish to the board at once (default) or keep it for review. */
  publish: z.boolean().default(true),
});
export type NeedCreate = z.infer<typeof needCreateSchema>;

export const needUpdateSchema = z.strictObject({
  title: z.string().trim().min(1).max(60).optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  serviceKindIds: serviceKindIds.optional(),
  wantedBy: z.iso.date().nullable().optional(),
  version: z.number().int().positive(),
});
export type NeedUpdate = z.infer<typeof needUpdateSchema>;

export const needTransitionSchema = z.strictObject({
  to: z.enum(claimStates),
  note: z.string().trim().max(2000).optional(),
  /** Claim: the organisation that claims. */
  organisationId: z.number().int().positive().optional(),
  /** Republish: the new date. */
  wantedBy: z.iso.date().optional(),
  /** Show this step's note on the public portal. */
  public: z.boolean().optional(),
  version: z.number().int().positive(),
});
export type NeedTransition = z.infer<typeof needTransitionSchema>;

export const needListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  state: listParam(claimStates).optional(),
  divisionId: z.coerce.number().int().positive().optional(),
  /** Needs asking for ANY of these service kinds. */
  serviceKindId: idListParam().optional(),
  flag: z.enum(['due_soon', 'past_due']).optional(),
  published: z.enum(['true', 'false']).optional(),
  claimantOrganisationId: z.coerce.number().int().positive().optional(),
  sort: z.enum(['wantedBy', 'createdAt', 'updatedAt', 'title']).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type NeedListQuery = z.infer<typeof needListQuerySchema>;

export const needBoardQuerySchema = pageQuerySchema.extend({
  serviceKindId: idListParam().optional(),
  /** Only needs asking for a service this organisation's resources offer. */
  matchOrganisationId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(60).optional(),
});
export type NeedBoardQuery = z.infer<typeof needBoardQuerySchema>;

export const needPublishSchema = z.strictObject({ version: z.number().int().positive() });

/** Route a portal wish no organisation should claim to the dispatch route (转为派单办理). */
export const needRouteToCaseSchema = z.strictObject({
  /** Why (kept on both histories; staff only, never on the portal). */
  note: z.string().trim().max(2000).optional(),
  version: z.number().int().positive(),
});
export type NeedRouteToCase = z.infer<typeof needRouteToCaseSchema>;

