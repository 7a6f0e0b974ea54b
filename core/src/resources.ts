import { z } from 'zod';
import { pageQuerySchema } from './paging.ts';
import { clearablePhone, clearableText, idListParam, listParam } from './form-fields.ts';

/** What a resource is: a person, a team, a firm or an organisation. */
export const resourceKinds = ['person', 'team', 'firm', 'organisation'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

/** The managed list of services (法律咨询, 政策解读, …) a resource can offer and a need can ask for. */
export const serviceKindSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ServiceKind = z.infer<typeof serviceKindSchema>;

const serviceKindCode = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, { error: 'validation.code' });

export const serviceKindCreateSchema = z.object({
  code: serviceKindCode,
  name: z.string().trim().min(1).max(40),
  sortOrder: z.number().int().min(0).max(9999).optional(),
});
export type ServiceKindCreate = z.infer<typeof serviceKindCreateSchema>;

/** The code is the stable key other records and imports rely on: it cannot change (strict: 400). */
export const serviceKindUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(40).optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  version: z.number().int().positive(),
});
export type ServiceKindUpdate = z.infer<typeof serviceKindUpdateSchema>;

const refSchema = z.object({ id: z.number().int(), name: z.string() });

export const resourceSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  kind: z.enum(resourceKinds),
  name: z.string(),
  organisation: refSchema.nullable(),
  person: refSchema.nullable(),
  /** Masked (`138****5678`) everywhere but an explicit, audited reveal. */
  contactPhone: z.string().nullable(),
  description: z.string().nullable(),
  services: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Resource = z.infer<typeof resourceSchema>;

const serviceKindIds = z
  .array(z.number().int().positive())
  .max(30)
  .refine((ids) => new Set(ids).size === ids.length, { error: 'validation.unique_items' });

export const resourceCreateSchema = z.object({
  divisionId: z.number().int().positive(),
  kind: z.enum(resourceKinds),
  name: z.string().trim().min(1).max(100),
  organisationId: z.number().int().positive().nullable().optional(),
  personId: z.number().int().positive().nullable().optional(),
  contactPhone: clearablePhone(),
  description: clearableText(2000),
  serviceKindIds: serviceKindIds.optional(),
});
export type ResourceCreate = z.infer<typeof resourceCreateSchema>;

/** Every field optional; `serviceKindIds` replaces the whole set; archiving has its own endpoints. */
export const resourceUpdateSchema = resourceCreateSchema.partial().extend({ version: z.number().int().positive() });
export type ResourceUpdate = z.infer<typeof resourceUpdateSchema>;

export const resourceSortKeys = ['name', 'kind', 'createdAt', 'updatedAt'] as const;
export type ResourceSortKey = (typeof resourceSortKeys)[number];

export const resourceListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  /** A division: the resources of its whole subtree. */
  divisionId: z.coerce.number().int().positive().optional(),
  kind: listParam(resourceKinds).optional(),
  /** Resources offering ANY of these service kinds: `?serviceKindId=3,4`. */
  serviceKindId: idListParam().optional(),
  organisationId: z.coerce.number().int().positive().optional(),
  personId: z.coerce.number().int().positive().optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
  sort: z.enum(resourceSortKeys).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ResourceListQuery = z.infer<typeof resourceListQuerySchema>;

export const resourceDetailSchema = resourceSchema.extend({
  divisionPath: z.array(z.string()),
  links: z.record(z.string(), z.number().int()),
  allowed: z.array(z.string()),
});
export type ResourceDetail = z.infer<typeof resourceDetailSchema>;

/** The answer of an explicit, audited reveal of a resource's contact phone. */
export const resourcePhoneSchema = z.object({ phone: z.string().nullable() });

export const serviceKindListQuerySchema = z.object({
  archived: z.enum(['false', 'true', 'all']).default('false'),
});

/** A service kind with how many resources (in the reader's scope, not archived) offer it. */
export const serviceKindWithCountSchema = serviceKindSchema.extend({ resourceCount: z.number().int() });
