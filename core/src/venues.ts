import { z } from 'zod';
import { pageQuerySchema } from './paging.ts';
import { clearablePhone, clearableText, listParam } from './form-fields.ts';

/** 阵地 types: 商会之家, 实践创新基地, 教育基地, 服务站, 服务中心, 文化公园, 综合体, and anything else. */
export const venueTypes = [
  'chamber_home',
  'practice_base',
  'education_base',
  'service_station',
  'service_centre',
  'culture_park',
  'complex',
  'other',
] as const;
export type VenueType = (typeof venueTypes)[number];

/** Who recognised the venue: 国家级 › 省级 › 市级 › 区县级 › 街镇级, highest first. */
export const venueLevels = ['national', 'provincial', 'municipal', 'district', 'town'] as const;
export type VenueLevel = (typeof venueLevels)[number];

/** A mainland mobile number: a person's own phone, which the public guide never shows. */
export function isMobilePhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone.replace(/\D/g, ''));
}

const refSchema = z.object({ id: z.number().int(), name: z.string() });

export const venueSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  name: z.string(),
  type: z.enum(venueTypes),
  level: z.enum(venueLevels),
  starRating: z.number().int().nullable(),
  address: z.string().nullable(),
  hotline: z.string().nullable(),
  openingHours: z.string().nullable(),
  ownerOrganisation: refSchema.nullable(),
  brand: refSchema.nullable(),
  isPublic: z.boolean(),
  description: z.string().nullable(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Venue = z.infer<typeof venueSchema>;

const starRating = z.number().int().min(1).max(5).nullable().optional();

export const venueCreateSchema = z.object({
  divisionId: z.number().int().positive(),
  name: z.string().trim().min(1).max(100),
  type: z.enum(venueTypes),
  level: z.enum(venueLevels),
  starRating,
  address: clearableText(200),
  hotline: clearablePhone(),
  openingHours: clearableText(100),
  ownerOrganisationId: z.number().int().positive().nullable().optional(),
  brandId: z.number().int().positive().nullable().optional(),
  isPublic: z.boolean().optional(),
  description: clearableText(2000),
});
export type VenueCreate = z.infer<typeof venueCreateSchema>;

/** Every field optional; archiving has its own endpoints. */
export const venueUpdateSchema = venueCreateSchema.partial().extend({ version: z.number().int().positive() });
export type VenueUpdate = z.infer<typeof venueUpdateSchema>;

export const venueSortKeys = ['name', 'type', 'level', 'starRating', 'createdAt', 'updatedAt'] as const;
export type VenueSortKey = (typeof venueSortKeys)[number];

export const venueListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  /** A division: the venues of its whole subtree. */
  divisionId: z.coerce.number().int().positive().optional(),
  type: listParam(venueTypes).optional(),
  level: listParam(venueLevels).optional(),
  /** `?stars=4,5` or `?stars=none` (not rated). */
  stars: listParam(['1', '2', '3', '4', '5', 'none'] as const).optional(),
  isPublic: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  brandId: z.coerce.number().int().positive().optional(),
  ownerOrganisationId: z.coerce.number().int().positive().optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
  sort: z.enum(venueSortKeys).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type VenueListQuery = z.infer<typeof venueListQuerySchema>;

export const venueDetailSchema = venueSchema.extend({
  /** Names from the root down to the venue's division, for a breadcrumb. */
  divisionPath: z.array(z.string()),
  /** Records that point at this venue, counted in the reader's scope (more kinds as modules arrive). */
  links: z.record(z.string(), z.number().int()),
  allowed: z.array(z.string()),
});
export type VenueDetail = z.infer<typeof venueDetailSchema>;

export const guideQuerySchema = pageQuerySchema.extend({
  divisionId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(60).optional(),
  type: listParam(venueTypes).optional(),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type GuideQuery = z.infer<typeof guideQuerySchema>;

/** One venue in the public service guide 服务指南: only what a venue publishes about itself. */
export const guideVenueSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  type: z.enum(venueTypes),
  level: z.enum(venueLevels),
  starRating: z.number().int().nullable(),
  address: z.string().nullable(),
  hotline: z.string().nullable(),
  openingHours: z.string().nullable(),
  divisionId: z.number().int(),
  /** Names from the root down to the venue's division, e.g. 广东省 › 中山市 › 横栏镇 › 横东村. */
  divisionPath: z.array(z.string()),
});
export type GuideVenue = z.infer<typeof guideVenueSchema>;

export const guideDivisionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  level: z.string(),
  /** Public venues in this division's subtree. */
  venueCount: z.number().int(),
  /** Whether any child division has public venues (so the chooser can open it). */
  hasChildren: z.boolean(),
});
export type GuideDivision = z.infer<typeof guideDivisionSchema>;
