import type { Brand, BrandField, BrandListQuery } from '@tongxin/core';
import { sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { BrandsTable } from '../../db/types-registry.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type BrandRow = Selectable<BrandsTable> & { division_name: string; division_path: string };

export function toBrand(row: BrandRow): Brand {
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    name: row.name,
    field: row.field as BrandField | null,
    description: row.description,
    archived: row.archived_at !== null,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function fromBrands(db: Executor) {
  return db.selectFrom('brands').innerJoin('divisions', 'divisions.id', 'brands.division_id');
}

export async function findBrand(db: Executor, id: number): Promise<BrandRow | undefined> {
  return fromBrands(db)
    .selectAll('brands')
    .select(['divisions.name as division_name', 'divisions.path as division_path'])
    .where('brands.id', '=', id)
    .executeTakeFirst();
}

/** The brand (not archived) of this name in this division, if any: the duplicate rule. */
export async function findBrandByName(db: Executor, divisionId: number, name: string, exceptId?: number) {
  let query = db
    .selectFrom('brands')
    .select('id')
    .where('division_id', '=', divisionId)
    .where('name', '=', name)
    .where('archived_at', 'is', null);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

const sortColumns = {
  name: 'brands.name',
  field: 'brands.field',
  createdAt: 'brands.created_at',
  updatedAt: 'brands.updated_at',
} as const;

export interface BrandSearch extends BrandListQuery {
  scopePath: string | null;
  /** Path of the `divisionId` filter's division, already checked against the scope. */
  filterPath?: string | undefined;
}

export type BrandFilter = Omit<BrandSearch, 'page' | 'pageSize' | 'sort' | 'order'>;

/** The list's filters on top of the scope; shared by the paged list and the export. */
function filteredBrands(db: Executor, search: BrandFilter) {
  let base = fromBrands(db).where(divisionInScope('brands.division_id', search.scopePath));
  if (search.filterPath) base = base.where(divisionInScope('brands.division_id', search.filterPath));
  if (search.q) {
    const q = search.q;
    base = base.where((eb) => eb.or([containsText('brands.name', q), containsText('brands.description', q)]));
  }
  if (search.field) {
    const fields = search.field.filter((field) => field !== 'none');
    const none = search.field.includes('none');
    base = base.where((eb) => {
      const alternatives: Expression<SqlBool>[] = [];
      if (fields.length > 0) alternatives.push(eb('brands.field', 'in', fields));
      if (none) alternatives.push(eb('brands.field', 'is', null));
      return eb.or(alternatives);
    });
  }
  if (search.archived === 'false') base = base.where('brands.archived_at', 'is', null);
  if (search.archived === 'true') base = base.where('brands.archived_at', 'is not', null);
  return base;
}

export async function searchBrands(db: Executor, search: BrandSearch) {
  const base = filteredBrands(db, search);
  const [items, count] = await Promise.all([
    base
      .selectAll('brands')
      .select(['divisions.name as division_name', 'divisions.path as division_path'])
      // Brands without a field come last whichever the direction (engines disagree on nulls).
      .$if(search.sort === 'field', (query) => query.orderBy(sql`case when brands.field is null then 1 else 0 end`))
      .orderBy(sortColumns[search.sort], search.order)
      .orderBy('brands.id')
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map(toBrand), total: Number(count.n), page: search.page, pageSize: search.pageSize };
}

/** One page of the filtered list by ascending id (keyset), for the Excel export. */
export async function brandsAfter(db: Executor, filter: BrandFilter, afterId: number, limit: number) {
  return filteredBrands(db, filter)
    .selectAll('brands')
    .select(['divisions.name as division_name', 'divisions.path as division_path'])
    .where('brands.id', '>', afterId)
    .orderBy('brands.id')
    .limit(limit)
    .execute();
}

export interface BrandValues {
  divisionId: number;
  name: string;
  field: BrandField | null;
  description: string | null;
}

/**
 * Insert brands in one statement (callers keep batches ≤ 500 rows); returns the new ids in order.
 *
 * @example
 * const [id] = await insertBrands(trx, [{ divisionId: 9, name: '同心华新', field: null, description: null }], at);
 */
export async function insertBrands(db: Executor, values: BrandValues[], at: string): Promise<number[]> {
  if (values.length === 0) return [];
  const rows = await db
    .insertInto('brands')
    .values(
      values.map((value) => ({
        division_id: value.divisionId,
        name: value.name,
        field: value.field,
        description: value.description,
        created_at: at,
        updated_at: at,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Overwrite a brand while its version still matches; false on a stale version. */
export async function updateBrand(db: Executor, id: number, values: BrandValues, at: string, version: number): Promise<boolean> {
  const result = await db
    .updateTable('brands')
    .set((eb) => ({
      division_id: values.divisionId,
      name: values.name,
      field: values.field,
      description: values.description,
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function setBrandArchived(db: Executor, id: number, archivedAt: string | null, at: string, version: number): Promise<boolean> {
  const result = await db
    .updateTable('brands')
    .set((eb) => ({ archived_at: archivedAt, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Every live brand of a subtree with its division's path, for the matrix (one query). */
export async function brandsInSubtree(db: Executor, subtreePath: string | null) {
  return fromBrands(db)
    .select(['brands.id', 'brands.name', 'brands.field', 'brands.division_id', 'divisions.name as division_name', 'divisions.path as division_path'])
    .where(divisionInScope('brands.division_id', subtreePath))
    .where('brands.archived_at', 'is', null)
    .orderBy('brands.name')
    .orderBy('brands.id')
    .execute();
}

/**
 * What carries a brand, counted in the reader's scope (live records only): venues and projects.
 *
 * @example
 * await countBrandLinks(db, 3, '/1/2/') // { venues: 2, projects: 5 }
 */
export async function countBrandLinks(db: Executor, brandId: number, scopePath: string | null): Promise<Record<string, number>> {
  const [venues, projects] = await Promise.all([
    db
      .selectFrom('venues')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('brand_id', '=', brandId)
      .where('archived_at', 'is', null)
      .where(divisionInScope('venues.division_id', scopePath))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('projects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('brand_id', '=', brandId)
      .where('archived_at', 'is', null)
      .where(divisionInScope('projects.division_id', scopePath))
      .executeTakeFirstOrThrow(),
  ]);
  return { venues: Number(venues.n), projects: Number(projects.n) };
}

/**
 * Up to two brands of this name in a subtree, live ones first: enough to tell unique from
 * ambiguous when a sheet names a brand.
 *
 * @example
 * await findBrandsNamed(db, '同心华新', actor.scopePath) // [{ id: 3, archived_at: null }]
 */
export async function findBrandsNamed(db: Executor, name: string, scopePath: string | null) {
  return db
    .selectFrom('brands')
    .select(['id', 'archived_at'])
    .where('name', '=', name)
    .where(divisionInScope('brands.division_id', scopePath))
    .orderBy(sql`case when archived_at is null then 0 else 1 end`)
    .orderBy('id')
    .limit(2)
    .execute();
}

/**
 * Venues carrying a brand, in the reader's scope and not archived (a brand's detail page). It reads
 * the venues table from here because venues depend on brands, never the other way round.
 */
export async function listVenuesOfBrand(db: Executor, brandId: number, scopePath: string | null, limit = 200) {
  return db
    .selectFrom('venues')
    .innerJoin('divisions', 'divisions.id', 'venues.division_id')
    .select(['venues.id', 'venues.name', 'venues.type', 'divisions.name as divisionName'])
    .where('venues.brand_id', '=', brandId)
    .where('venues.archived_at', 'is', null)
    .where(divisionInScope('venues.division_id', scopePath))
    .orderBy('venues.name')
    .orderBy('venues.id')
    .limit(limit)
    .execute();
}
