import { z } from 'zod';
import { ymdDateSchema } from './organisations.ts';
import { pageQuerySchema } from './paging.ts';
import { workRefSchema } from './projects.ts';

/** 交朋友: how a cadre kept in touch with a representative. */
export const contactKinds = ['talk', 'visit', 'meeting'] as const;
export type ContactKind = (typeof contactKinds)[number];

const id = z.number().int().positive();

export const relationshipSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  cadre: workRefSchema,
  person: workRefSchema.extend({ organisationName: z.string().nullable(), position: z.string().nullable(), phone: z.string().nullable() }),
  since: z.string(),
  until: z.string().nullable(),
  note: z.string().nullable(),
  contactCount: z.number().int(),
  lastContactDate: z.string().nullable(),
  /** Current, and no contact in the last quarter. */
  contactDue: z.boolean(),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Relationship = z.infer<typeof relationshipSchema>;

export const contactSchema = z.object({
  id: z.number().int(),
  relationshipId: z.number().int(),
  kind: z.enum(contactKinds),
  date: z.string(),
  note: z.string().nullable(),
  createdBy: workRefSchema.nullable(),
  createdAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

export const relationshipDetailSchema = relationshipSchema.extend({
  recentContacts: z.array(contactSchema),
  allowed: z.array(z.string()),
});

export const relationshipCreateSchema = z.strictObject({
  /** Defaults to you. */
  cadreUserId: id.optional(),
  personId: id,
  since: ymdDateSchema.optional(),
  note: z.string().trim().max(500).nullable().optional(),
});
export type RelationshipCreate = z.infer<typeof relationshipCreateSchema>;

export const relationshipUpdateSchema = z.strictObject({
  until: ymdDateSchema.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
  version: id,
});
export type RelationshipUpdate = z.infer<typeof relationshipUpdateSchema>;

export const relationshipListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  cadreUserId: z.coerce.number().int().positive().optional(),
  personId: z.coerce.number().int().positive().optional(),
  divisionId: z.coerce.number().int().positive().optional(),
  /** Only your own relationships. */
  mine: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
});
export type RelationshipListQuery = z.infer<typeof relationshipListQuerySchema>;

export const contactCreateSchema = z.strictObject({
  kind: z.enum(contactKinds),
  date: ymdDateSchema,
  note: z.string().trim().max(2000).nullable().optional(),
});
export type ContactCreate = z.infer<typeof contactCreateSchema>;

export const reminderListQuerySchema = pageQuerySchema.extend({
  cadreUserId: z.coerce.number().int().positive().optional(),
  divisionId: z.coerce.number().int().positive().optional(),
  mine: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
});
export type ReminderListQuery = z.infer<typeof reminderListQuerySchema>;
