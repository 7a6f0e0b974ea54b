import type { BrandField, MembershipRole, OrganisationType, ResourceKind, VenueLevel, VenueType } from '@tongxin/core';

/*
 * The registry's code lists, kept here rather than imported from core (whose files carry zod into
 * the browser bundle). Each list is checked against core's type: adding a code there and not here
 * fails the type check.
 */

type Missing<All, Listed extends readonly unknown[]> = Exclude<All, Listed[number]>;
function complete<All>() {
  return <const Listed extends readonly All[]>(list: Listed & (Missing<All, Listed> extends never ? unknown : never)): Listed => list;
}

export const organisationTypes = complete<OrganisationType>()([
  'chamber',
  'association_new_strata',
  'association_intellectuals',
  'association_hometown',
  'party_branch',
  'community',
  'new_org',
  'enterprise',
  'volunteer_team',
  'service_centre',
  'other',
]);

/** Lowest first, as in core. */
export const membershipRoles = complete<MembershipRole>()(['member', 'council', 'vice_president', 'president', 'secretary_general']);

export const venueTypes = complete<VenueType>()(['chamber_home', 'practice_base', 'education_base', 'service_station', 'service_centre', 'culture_park', 'complex', 'other']);

/** Highest first. */
export const venueLevels = complete<VenueLevel>()(['national', 'provincial', 'municipal', 'district', 'town']);

export const brandFields = complete<BrandField>()(['chamber', 'new_social_strata', 'party_cooperation', 'hk_macao_taiwan', 'overseas_chinese', 'community', 'other']);

export const resourceKinds = complete<ResourceKind>()(['person', 'team', 'firm', 'organisation']);

/** `archived` filter of every registry list. */
export const archivedStates = ['false', 'true', 'all'] as const;
export type ArchivedState = (typeof archivedStates)[number];

/** One of `list`, or undefined (a hand-edited URL). */
export function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (list as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The members of `list` named in a comma-separated URL value, in list order. */
export function someOf<T extends string>(list: readonly T[], value: string | undefined): T[] {
  if (!value) return [];
  const given = new Set(value.split(','));
  return list.filter((item) => given.has(item));
}
