import { z } from 'zod';
import { afterCursorSchema, pageQuerySchema } from './paging.ts';
import { normalisePhone, phonePattern } from './phone.ts';

/**
 * Organisation types. The three kinds of association (新联会, 知联会, 同乡会) are separate codes
 * rather than one `association` plus a free-text sub-kind: a filter or a figure then names exactly
 * what it counts, and no column is needed. `associationTypes` groups them when "all associations"
 * is meant.
 */
export const organisationTypes = [
  'chamber', // 商会
  'association_new_strata', // 新的社会阶层人士联谊会 新联会
  'association_intellectuals', // 党外知识分子联谊会 知联会
  'association_hometown', // 同乡会
  'party_branch', // 党派支部
  'community', // 社区/村居
  'new_org', // 两新组织
  'enterprise', // 企业
  'volunteer_team', // 志愿服务队
  'service_centre', // 服务中心
  'other',
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

export const associationTypes: readonly OrganisationType[] = ['association_new_strata', 'association_intellectuals', 'association_hometown'];

/** Roles of a member (organisation or person) in an organisation, lowest first. */
export const membershipRoles = ['member', 'council', 'vice_president', 'president', 'secretary_general'] as const;
export type MembershipRole = (typeof membershipRoles)[number];

/**
 * A calendar date `YYYY-MM-DD` that exists (no 2026-02-30).
 *
 * @example
 * ymdDateSchema.parse('2019-06-01') // "2019-06-01"
 */
export const ymdDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, { error: 'validation.date' });

/** Today's date in Asia/Shanghai (UTC+8 all year), which decides whether a membership is current. */
export function shanghaiToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * A phone a user typed: spaces and brackets dropped, then it must look like a mainland mobile, a
 * landline or a hotline.
 *
 * @example
 * phoneInputSchema.parse('138 1234 5678') // "13812345678"
 */
export const phoneInputSchema = z
  .string()
  .max(40)
  .transform(normalisePhone)
  .refine((value) => phonePattern.test(value), { error: 'validation.phone' });

/** Forms send '' for "nothing": read a blank string as null, so it clears the field. */
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

/**
 * An optional, clearable text field of at most `max` characters ('' and null both clear it).
 *
 * @example
 * clearableText(200).parse('  ') // null
 */
export const clearableText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable()).optional();
export const clearablePhone = z.preprocess(blankToNull, phoneInputSchema.nullable()).optional();
export const clearableDate = z.preprocess(blankToNull, ymdDateSchema.nullable()).optional();

export const organisationSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  name: z.string(),
  type: z.enum(organisationTypes),
  parentId: z.number().int().nullable(),
  parentName: z.string().nullable(),
  foundedOn: z.string().nullable(),
  contactName: z.string().nullable(),
  /** Always masked (`138****5678`); the full number only through reveal-phone. */
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  description: z.string().nullable(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof organisationSchema>;

const roleCounts = z.object(Object.fromEntries(membershipRoles.map((role) => [role, z.number().int()])) as Record<MembershipRole, z.ZodNumber>);
export type RoleCounts = Record<MembershipRole, number>;

/** What links to an organisation, counted over current memberships and records in the reader's scope. */
export const organisationLinksSchema = z.object({
  memberOrganisations: z.object({ total: z.number().int(), byRole: roleCounts }),
  memberPeople: z.object({ total: z.number().int(), byRole: roleCounts }),
  childOrganisations: z.number().int(),
  people: z.number().int(),
  venues: z.number().int(),
  resources: z.number().int(),
  memberOf: z.array(z.object({ membershipId: z.number().int(), organisationId: z.number().int(), name: z.string(), role: z.enum(membershipRoles) })),
});
export type OrganisationLinks = z.infer<typeof organisationLinksSchema>;

export const organisationDetailSchema = organisationSchema.extend({
  ancestors: z.array(z.object({ id: z.number().int(), name: z.string() })),
  links: organisationLinksSchema,
  allowed: z.array(z.string()),
});
export type OrganisationDetail = z.infer<typeof organisationDetailSchema>;

export const organisationCreateSchema = z.object({
  divisionId: z.number().int().positive(),
  name: z.string().trim().min(1).max(100),
  type: z.enum(organisationTypes),
  parentId: z.number().int().positive().nullable().optional(),
  foundedOn: clearableDate,
  contactName: clearableText(40),
  contactPhone: clearablePhone,
  address: clearableText(200),
  description: clearableText(2000),
});
export type OrganisationCreate = z.infer<typeof organisationCreateSchema>;

export const organisationUpdateSchema = organisationCreateSchema.partial().extend({ version: z.number().int().positive() });
export type OrganisationUpdate = z.infer<typeof organisationUpdateSchema>;

/** Archive, unarchive and similar state changes carry only the version the user saw. */
export const versionBodySchema = z.object({ version: z.number().int().positive() });

export const organisationSortFields = ['name', 'type', 'foundedOn', 'createdAt', 'updatedAt'] as const;

/** `?type=chamber,enterprise` or `?type=chamber&type=enterprise`. */
const typeList = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
  z.array(z.enum(organisationTypes)).min(1).max(organisationTypes.length),
);

export const organisationListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  divisionId: z.coerce.number().int().positive().optional(),
  type: typeList.optional(),
  parentId: z.coerce.number().int().positive().optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
  sort: z.enum(organisationSortFields).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  after: afterCursorSchema,
});
export type OrganisationListQuery = z.infer<typeof organisationListQuerySchema>;

export const revealedPhoneSchema = z.object({ phone: z.string().nullable() });

// ---- Memberships ----

export const membershipSchema = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  organisationName: z.string(),
  member: z.object({
    kind: z.enum(['organisation', 'person']),
    id: z.number().int(),
    name: z.string(),
    divisionId: z.number().int(),
    divisionName: z.string(),
    /** Organisation type, for member organisations. */
    type: z.enum(organisationTypes).nullable(),
    /** Masked, for member people. */
    phone: z.string().nullable(),
  }),
  role: z.enum(membershipRoles),
  since: z.string().nullable(),
  until: z.string().nullable(),
  current: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Membership = z.infer<typeof membershipSchema>;

export const membershipCreateSchema = z
  .object({
    memberOrganisationId: z.number().int().positive().optional(),
    memberPersonId: z.number().int().positive().optional(),
    role: z.enum(membershipRoles),
    since: clearableDate,
    until: clearableDate,
  })
  .superRefine((value, ctx) => {
    const given = Number(value.memberOrganisationId !== undefined) + Number(value.memberPersonId !== undefined);
    if (given !== 1) ctx.addIssue({ code: 'custom', path: ['memberOrganisationId'], message: 'validation.membership_one_member' });
    if (value.since && value.until && value.until < value.since) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'validation.until_before_since' });
    }
  });
export type MembershipCreate = z.infer<typeof membershipCreateSchema>;

export const membershipUpdateSchema = z.object({
  role: z.enum(membershipRoles).optional(),
  since: clearableDate,
  until: clearableDate,
  version: z.number().int().positive(),
});
export type MembershipUpdate = z.infer<typeof membershipUpdateSchema>;

export const membershipEndSchema = z.object({
  /** Defaults to today (Asia/Shanghai). */
  until: ymdDateSchema.optional(),
  version: z.number().int().positive(),
});
export type MembershipEnd = z.infer<typeof membershipEndSchema>;

export const memberListQuerySchema = pageQuerySchema.extend({
  role: z.enum(membershipRoles).optional(),
  kind: z.enum(['organisation', 'person']).optional(),
  /** `true` (default): until is empty or not before today in Shanghai; `false`: ended; `all`. */
  current: z.enum(['true', 'false', 'all']).default('true'),
  q: z.string().trim().max(60).optional(),
});
export type MemberListQuery = z.infer<typeof memberListQuerySchema>;
