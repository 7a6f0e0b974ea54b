import { z } from 'zod';
import { pageQuerySchema } from './paging.ts';
import { membershipRoles, clearablePhone, clearableText } from './organisations.ts';

/**
 * A person is a name, a phone, an organisation and a position; roles come from memberships.
 * There is deliberately no field for an ID-card number, ethnicity, religion or political
 * affiliation, and the write schemas are strict, so a request that sends one is refused (400)
 * instead of being silently half-accepted.
 */
export const personSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  name: z.string(),
  /** Always masked (`138****5678`); the full number only through reveal-phone. */
  phone: z.string().nullable(),
  organisationId: z.number().int().nullable(),
  organisationName: z.string().nullable(),
  position: z.string().nullable(),
  /** Distinct roles of the person's current memberships. */
  roles: z.array(z.enum(membershipRoles)),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const personMembershipSchema = z.object({
  membershipId: z.number().int(),
  organisationId: z.number().int(),
  organisationName: z.string(),
  role: z.enum(membershipRoles),
  since: z.string().nullable(),
  until: z.string().nullable(),
  current: z.boolean(),
});

export const personDetailSchema = personSchema.extend({
  memberships: z.array(personMembershipSchema),
  allowed: z.array(z.string()),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

const personFields = {
  divisionId: z.number().int().positive(),
  name: z.string().trim().min(1).max(40),
  phone: clearablePhone,
  organisationId: z.number().int().positive().nullable().optional(),
  position: clearableText(60),
};

export const personCreateSchema = z.strictObject(personFields);
export type PersonCreate = z.infer<typeof personCreateSchema>;

export const personUpdateSchema = z.strictObject({
  divisionId: personFields.divisionId.optional(),
  name: personFields.name.optional(),
  phone: personFields.phone,
  organisationId: personFields.organisationId,
  position: personFields.position,
  version: z.number().int().positive(),
});
export type PersonUpdate = z.infer<typeof personUpdateSchema>;

export const personSortFields = ['name', 'position', 'createdAt', 'updatedAt'] as const;

export const personListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  divisionId: z.coerce.number().int().positive().optional(),
  organisationId: z.coerce.number().int().positive().optional(),
  role: z.enum(membershipRoles).optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
  sort: z.enum(personSortFields).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type PersonListQuery = z.infer<typeof personListQuerySchema>;
