import { z } from 'zod';
import { ymdDateSchema } from './organisations.ts';
import { pageQuerySchema } from './paging.ts';
import { attachmentSummarySchema, workRefSchema } from './projects.ts';

/** Kinds of activity: event, training, visit 走访慰问, seminar 座谈会, talk 谈心, volunteer service, study session. */
export const activityKinds = ['event', 'training', 'visit', 'seminar', 'talk', 'volunteer_service', 'study_session'] as const;
export type ActivityKind = (typeof activityKinds)[number];

const id = z.number().int().positive();
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const activitySchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  title: z.string(),
  date: z.string(),
  kind: z.enum(activityKinds),
  venue: workRefSchema.nullable(),
  project: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  pairId: z.number().int().nullable(),
  organisers: z.array(workRefSchema),
  participantCount: z.number().int().nullable(),
  summary: z.string().nullable(),
  photoCount: z.number().int(),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Activity = z.infer<typeof activitySchema>;

export const activityDetailSchema = activitySchema.extend({
  /** Minutes of a meeting (座谈会纪要). */
  minutes: z.string().nullable(),
  attendees: z.object({ people: z.array(workRefSchema), users: z.array(workRefSchema) }),
  photos: z.array(attachmentSummarySchema),
  allowed: z.array(z.string()),
});
export type ActivityDetail = z.infer<typeof activityDetailSchema>;

const activityFields = {
  /** Defaults to the venue's, else the project's, else the pair's programme's, else your own division. */
  divisionId: id.optional(),
  title: z.string().trim().min(1).max(100),
  date: ymdDateSchema,
  kind: z.enum(activityKinds),
  venueId: id.nullable().optional(),
  projectId: id.nullable().optional(),
  pairId: id.nullable().optional(),
  organiserIds: z.array(id).max(20).optional(),
  participantCount: z.number().int().min(0).max(1_000_000).nullable().optional(),
  summary: optionalText(2000),
  minutes: optionalText(20000),
  attendeePersonIds: z.array(id).max(500).optional(),
  attendeeUserIds: z.array(id).max(500).optional(),
};

export const activityCreateSchema = z.strictObject(activityFields);
export type ActivityCreate = z.infer<typeof activityCreateSchema>;

export const activityUpdateSchema = z.strictObject({
  title: activityFields.title.optional(),
  date: activityFields.date.optional(),
  kind: activityFields.kind.optional(),
  venueId: activityFields.venueId,
  projectId: activityFields.projectId,
  pairId: activityFields.pairId,
  organiserIds: activityFields.organiserIds,
  participantCount: activityFields.participantCount,
  summary: activityFields.summary,
  minutes: activityFields.minutes,
  attendeePersonIds: activityFields.attendeePersonIds,
  attendeeUserIds: activityFields.attendeeUserIds,
  version: id,
});
export type ActivityUpdate = z.infer<typeof activityUpdateSchema>;

export const activityListQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().max(60).optional(),
    kind: z.enum(activityKinds).optional(),
    venueId: z.coerce.number().int().positive().optional(),
    projectId: z.coerce.number().int().positive().optional(),
    pairId: z.coerce.number().int().positive().optional(),
    /** An organiser organisation. */
    organisationId: z.coerce.number().int().positive().optional(),
    /** The division's whole subtree (within yours). */
    divisionId: z.coerce.number().int().positive().optional(),
    from: ymdDateSchema.optional(),
    to: ymdDateSchema.optional(),
    archived: z.enum(['false', 'true', 'all']).default('false'),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.end_before_start' });
  });
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>;
