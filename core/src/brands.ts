import { z } from 'zod';
import { pageQuerySchema } from './paging.ts';
import { clearableText, listParam } from './form-fields.ts';

/**
 * Fields of work a brand can stand for (一领域一特色). These are fields of the office's work, not
 * attributes of people: ethnicity and religion are never recorded about anyone.
 */
export const brandFields = [
  'chamber',
  'new_social_strata',
  'party_cooperation',
  'hk_macao_taiwan',
  'overseas_chinese',
  'community',
  'other',
] as const;
export type BrandField = (typeof brandFields)[number];

/** The matrix column of brands that stand for a place rather than a field (一街镇一品牌). */
export const brandMatrixNoField = 'none';

export const brandSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  name: z.string(),
  field: z.enum(brandFields).nullable(),
  description: z.string().nullable(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Brand = z.infer<typeof brandSchema>;

export const brandCreateSchema = z.object({
  divisionId: z.number().int().positive(),
  name: z.string().trim().min(1).max(60),
  field: z.enum(brandFields).nullable().optional(),
  description: clearableText(2000),
});
export type BrandCreate = z.infer<typeof brandCreateSchema>;

/** Every field optional; archiving has its own endpoints. */
export const brandUpdateSchema = brandCreateSchema.partial().extend({ version: z.number().int().positive() });
export type BrandUpdate = z.infer<typeof brandUpdateSchema>;

export const brandSortKeys = ['name', 'field', 'createdAt', 'updatedAt'] as const;
export type BrandSortKey = (typeof brandSortKeys)[number];

export const brandListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  /** A division: the brands of its whole subtree. */
  divisionId: z.coerce.number().int().positive().optional(),
  /** `?field=chamber,none`: `none` picks the brands of a place rather than a field. */
  field: listParam([...brandFields, 'none'] as const).optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
  sort: z.enum(brandSortKeys).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type BrandListQuery = z.infer<typeof brandListQuerySchema>;

export const brandDetailSchema = brandSchema.extend({
  divisionPath: z.array(z.string()),
  /** The venues (in the reader's scope, not archived) that carry this brand. */
  venues: z.array(z.object({ id: z.number().int(), name: z.string(), type: z.string(), divisionName: z.string() })),
  links: z.record(z.string(), z.number().int()),
  allowed: z.array(z.string()),
});
export type BrandDetail = z.infer<typeof brandDetailSchema>;

export const brandMatrixQuerySchema = z.object({ parentId: z.coerce.number().int().positive().optional() });

const brandRefSchema = z.object({ id: z.number().int(), name: z.string(), divisionId: z.number().int(), divisionName: z.string() });

/**
 * The brand matrix: one row per division (the parent's own row first, then its children), one
 * column per field plus `none`; brands of a child's whole subtree roll up into the child's row.
 */
export const brandMatrixSchema = z.object({
  parent: z.object({ id: z.number().int(), name: z.string(), level: z.string() }).nullable(),
  columns: z.array(z.enum([...brandFields, brandMatrixNoField])),
  rows: z.array(
    z.object({
      division: z.object({ id: z.number().int(), name: z.string(), level: z.string() }),
      /** True for the parent's own row (brands attached to the parent itself). */
      own: z.boolean(),
      total: z.number().int(),
      cells: z.record(z.enum([...brandFields, brandMatrixNoField]), z.array(brandRefSchema)),
    }),
  ),
});
export type BrandMatrix = z.infer<typeof brandMatrixSchema>;
