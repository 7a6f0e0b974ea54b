import type { Venue, VenueLevel, VenueListQuery, VenueSortKey, VenueType } from '@tongxin/core';
import { sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { findLiveIdsByNames } from '../../db/names-lookup.ts';
import type { VenuesTable } from '../../db/types-registry.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type VenueRow = Selectable<VenuesTable> & {
  division_name: string;
  division_path: string;
  owner_name: string | null;
  brand_name: string | null;
};

export function toVenue(row: VenueRow): Venue {
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    name: row.name,
    type: row.type as VenueType,
    level: row.level as VenueLevel,
    starRating: row.star_rating,
    address: row.address,
    hotline: row.hotline,
    openingHours: row.opening_hours,
    ownerOrganisation: row.owner_organisation_id !== null ? { id: row.owner_organisation_id, name: row.owner_name ?? '' } : null,
    brand: row.brand_id !== null ? { id: row.brand_id, name: row.brand_name ?? '' } : null,
    isPublic: row.is_public === 1,
    description: row.description,
    archived: row.archived_at !== null,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function fromVenues(db: Executor) {
  return db
    .selectFrom('venues')
    .innerJoin('divisions', 'divisions.id', 'venues.division_id')
    .leftJoin('organisations', 'organisations.id', 'venues.owner_organisation_id')
    .leftJoin('brands', 'brands.id', 'venues.brand_id');
}

const selectedColumns = ['divisions.name as division_name', 'divisions.path as division_path', 'organisations.name as owner_name', 'brands.name as brand_name'] as const;

function selectVenues(db: Executor) {
  return fromVenues(db).selectAll('venues').select(selectedColumns);
}

export async function findVenue(db: Executor, id: number): Promise<VenueRow | undefined> {
  return selectVenues(db).where('venues.id', '=', id).executeTakeFirst();
}

/** The venue (not archived) of this name in this division, if any: the duplicate rule. */
export async function findVenueByName(db: Executor, divisionId: number, name: string, exceptId?: number) {
  let query = db
    .selectFrom('venues')
    .select('id')
    .where('division_id', '=', divisionId)
    .where('name', '=', name)
    .where('archived_at', 'is', null);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

const levelRank = sql`case venues.level when 'national' then 1 when 'provincial' then 2 when 'municipal' then 3 when 'district' then 4 else 5 end`;

/** Whitelisted sort keys → columns (the level by rank, national first). */
const sortColumns = {
  name: 'venues.name',
  type: 'venues.type',
  level: levelRank,
  starRating: 'venues.star_rating',
  createdAt: 'venues.created_at',
  updatedAt: 'venues.updated_at',
} as const satisfies Record<VenueSortKey, unknown>;

export interface VenueSearch extends VenueListQuery {
  scopePath: string | null;
  /** Path of the `divisionId` filter's division, already checked against the scope. */
  filterPath?: string | undefined;
}

export type VenueFilter = Omit<VenueSearch, 'page' | 'pageSize' | 'sort' | 'order'>;

/** The list's filters on top of the scope; shared by the paged list and the export. */
function filteredVenues(db: Executor, search: VenueFilter) {
  let base = fromVenues(db).where(divisionInScope('venues.division_id', search.scopePath));
  if (search.filterPath) base = base.where(divisionInScope('venues.division_id', search.filterPath));
  if (search.q) {
    const q = search.q;
    base = base.where((eb) => eb.or([containsText('venues.name', q), containsText('venues.address', q)]));
  }
  if (search.type) base = base.where('venues.type', 'in', search.type);
  if (search.level) base = base.where('venues.level', 'in', search.level);
  if (search.stars) {
    const stars = search.stars;
    const rated = stars.filter((value) => value !== 'none').map(Number);
    base = base.where((eb) => {
      const alternatives: Expression<SqlBool>[] = [];
      if (rated.length > 0) alternatives.push(eb('venues.star_rating', 'in', rated));
      if (stars.includes('none')) alternatives.push(eb('venues.star_rating', 'is', null));
      return eb.or(alternatives);
    });
  }
  if (search.isPublic !== undefined) base = base.where('venues.is_public', '=', search.isPublic ? 1 : 0);
  if (search.brandId) base = base.where('venues.brand_id', '=', search.brandId);
  if (search.ownerOrganisationId) base = base.where('venues.owner_organisation_id', '=', search.ownerOrganisationId);
  if (search.archived === 'false') base = base.where('venues.archived_at', 'is', null);
  if (search.archived === 'true') base = base.where('venues.archived_at', 'is not', null);
  return base;
}


export async function searchVenues(db: Executor, search: VenueSearch) {
  const base = filteredVenues(db, search);
  let rows = base.selectAll('venues').select(selectedColumns);
  // Unrated venues come last whichever the direction (engines disagree on where nulls sort).
  if (search.sort === 'starRating') rows = rows.orderBy(sql`case when venues.star_rating is null then 1 else 0 end`);
  rows = rows.orderBy(sortColumns[search.sort], search.order);
  const [items, count] = await Promise.all([
    rows
      .orderBy('venues.id')
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map(toVenue), total: Number(count.n), page: search.page, pageSize: search.pageSize };
}

/**
 * One page of the filtered list by ascending id (keyset), for the Excel export.
 *
 * @example
 * keysetRows((afterId, limit) => venuesAfter(db, filter, afterId, limit))
 */
export async function venuesAfter(db: Executor, filter: VenueFilter, afterId: number, limit: number) {
  return filteredVenues(db, filter).selectAll('venues').select(selectedColumns).where('venues.id', '>', afterId).orderBy('venues.id').limit(limit).execute();
}

export interface VenueValues {
  divisionId: number;
  name: string;
  type: VenueType;
  level: VenueLevel;
  starRating: number | null;
  address: string | null;
  hotline: string | null;
  openingHours: string | null;
  ownerOrganisationId: number | null;
  brandId: number | null;
  isPublic: boolean;
  description: string | null;
}

function toColumns(values: VenueValues) {
  return {
    division_id: values.divisionId,
    name: values.name,
    type: values.type,
    level: values.level,
    star_rating: values.starRating,
    address: values.address,
    hotline: values.hotline,
    opening_hours: values.openingHours,
    owner_organisation_id: values.ownerOrganisationId,
    brand_id: values.brandId,
    is_public: values.isPublic ? 1 : 0,
    description: values.description,
  };
}

/**
 * Insert venues in one statement (callers keep batches ≤ 500 rows); returns the new ids in order.
 *
 * @example
 * const [id] = await insertVenues(trx, [values], ctx.at);
 */
export async function insertVenues(db: Executor, values: VenueValues[], at: string): Promise<number[]> {
  if (values.length === 0) return [];
  const rows = await db
    .insertInto('venues')
    .values(values.map((value) => ({ ...toColumns(value), created_at: at, updated_at: at })))
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Overwrite a venue's fields; with `version` only while it still matches. False when nothing
 * was updated (a stale version or an unknown id).
 */
export async function updateVenue(db: Executor, id: number, values: VenueValues, at: string, version?: number): Promise<boolean> {
  let query = db
    .updateTable('venues')
    .set((eb) => ({ ...toColumns(values), updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (version !== undefined) query = query.where('version', '=', version);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Archive (a timestamp) or restore (null), while the version still matches. */
export async function setVenueArchived(db: Executor, id: number, archivedAt: string | null, at: string, version: number): Promise<boolean> {
  const result = await db
    .updateTable('venues')
    .set((eb) => ({ archived_at: archivedAt, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** What a sheet row changes on an existing venue: type and level always, the rest when given. */
export interface VenueSheetPatch {
  type: VenueType;
  level: VenueLevel;
  starRating: number | null;
  address: string | null;
  hotline: string | null;
  openingHours: string | null;
  ownerOrganisationId: number | null;
  brandId: number | null;
  isPublic: boolean | null;
  description: string | null;
}

/**
 * Apply an imported row to an existing venue: null fields (empty cells) keep what is stored.
 *
 * @example
 * await patchVenueFromSheet(trx, 12, { type: 'complex', level: 'town', starRating: null, … }, at);
 */
export async function patchVenueFromSheet(db: Executor, id: number, patch: VenueSheetPatch, at: string): Promise<void> {
  await db
    .updateTable('venues')
    .set((eb) => ({
      type: patch.type,
      level: patch.level,
      ...(patch.starRating !== null ? { star_rating: patch.starRating } : {}),
      ...(patch.address !== null ? { address: patch.address } : {}),
      ...(patch.hotline !== null ? { hotline: patch.hotline } : {}),
      ...(patch.openingHours !== null ? { opening_hours: patch.openingHours } : {}),
      ...(patch.ownerOrganisationId !== null ? { owner_organisation_id: patch.ownerOrganisationId } : {}),
      ...(patch.brandId !== null ? { brand_id: patch.brandId } : {}),
      ...(patch.isPublic !== null ? { is_public: patch.isPublic ? 1 : 0 } : {}),
      ...(patch.description !== null ? { description: patch.description } : {}),
      version: eb('version', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', id)
    .execute();
}

/** Live venues matching many (division, name) pairs: `divisionId|name` → id. */
export function findVenuesByNames(db: Executor, pairs: ReadonlyArray<{ divisionId: number; name: string }>): Promise<Map<string, number>> {
  return findLiveIdsByNames(db, 'venues', pairs);
}
