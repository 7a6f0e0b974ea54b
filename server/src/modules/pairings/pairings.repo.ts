import { coverageOf, type OrganisationType, type PairingKind, type Programme } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { ProgrammeRow } from '../../db/types-work.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type ProgrammeWithNames = ProgrammeRow & { division_name: string; division_path: string };

export function toProgramme(row: ProgrammeWithNames, coverage: Programme['coverage']): Programme {
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    title: row.title,
    kind: row.kind as PairingKind,
    targetType: row.target_type as OrganisationType,
    partnerType: row.partner_type as OrganisationType | null,
    startDate: row.start_date,
    deadline: row.deadline,
    description: row.description,
    coverage,
    archived: row.archived_at !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectProgrammes(db: Executor) {
  return db
    .selectFrom('pairing_programmes')
    .innerJoin('divisions', 'divisions.id', 'pairing_programmes.division_id')
    .selectAll('pairing_programmes')
    .select(['divisions.name as division_name', 'divisions.path as division_path']);
}

export async function findProgramme(db: Executor, id: number): Promise<ProgrammeWithNames | undefined> {
  return selectProgrammes(db).where('pairing_programmes.id', '=', id).executeTakeFirst();
}

export interface ProgrammeSearch {
  scopePath: string | null;
  subtreePath?: string | undefined;
  q?: string | undefined;
  kind?: PairingKind | undefined;
  archived: 'false' | 'true' | 'all';
  page: number;
  pageSize: number;
}

/** The list's filters (scope first), shared by the paged list and the export. */
function filteredProgrammes(db: Executor, search: Omit<ProgrammeSearch, 'page' | 'pageSize'>) {
  let base = selectProgrammes(db).where(divisionInScope('pairing_programmes.division_id', search.scopePath));
  if (search.subtreePath) base = base.where(divisionInScope('pairing_programmes.division_id', search.subtreePath));
  if (search.q) base = base.where(containsText('pairing_programmes.title', search.q));
  if (search.kind) base = base.where('pairing_programmes.kind', '=', search.kind);
  if (search.archived !== 'all') base = base.where('pairing_programmes.archived_at', search.archived === 'true' ? 'is not' : 'is', null);
  return base;
}

/** One export page: filtered programmes with id > afterId, by ascending id. */
export async function programmesAfter(db: Executor, search: Omit<ProgrammeSearch, 'page' | 'pageSize'>, afterId: number, limit: number) {
  return filteredProgrammes(db, search).where('pairing_programmes.id', '>', afterId).orderBy('pairing_programmes.id').limit(limit).execute();
}

export async function searchProgrammes(db: Executor, search: ProgrammeSearch) {
  const base = filteredProgrammes(db, search);
  const [rows, count] = await Promise.all([
    base
      .orderBy('pairing_programmes.deadline')
      .orderBy('pairing_programmes.id')
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

type ProgrammeRule = Pick<ProgrammeWithNames, 'id' | 'target_type' | 'division_path'>;

/** The organisations a programme says should be paired: its target type, live, in its subtree. */
function shouldBePaired(db: Executor, programme: ProgrammeRule) {
  return db
    .selectFrom('organisations as o')
    .where('o.type', '=', programme.target_type)
    .where('o.archived_at', 'is', null)
    .where(divisionInScope('o.division_id', programme.division_path));
}

/** Pairs of the programme current on `today`: started, and not ended before today. */
function currentPairs(db: Executor, programmeId: number, today: string) {
  return db
    .selectFrom('pairs as p')
    .where('p.programme_id', '=', programmeId)
    .where('p.start_date', '<=', today)
    .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', today)]));
}

/** paired ÷ should-be-paired, counted in the database (412 villages need no round trips). */
export async function coverage(db: Executor, programme: ProgrammeRule, today: string) {
  const paired = currentPairs(db, programme.id, today).select('p.organisation_id');
  const [total, covered] = await Promise.all([
    shouldBePaired(db, programme).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    shouldBePaired(db, programme)
      .where('o.id', 'in', paired)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return coverageOf(Number(covered.n), Number(total.n));
}

/** The organisations still to pair, by name. */
export async function unpaired(db: Executor, programme: ProgrammeRule, today: string, page: number, pageSize: number) {
  const base = shouldBePaired(db, programme).where('o.id', 'not in', currentPairs(db, programme.id, today).select('p.organisation_id'));
  const [rows, count] = await Promise.all([
    base
      .innerJoin('divisions as d', 'd.id', 'o.division_id')
      .select(['o.id', 'o.name', 'd.name as division_name'])
      .orderBy('o.name')
      .orderBy('o.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((row) => ({ id: row.id, name: row.name, divisionName: row.division_name })), total: Number(count.n), page, pageSize };
}

export async function insertProgramme(
  db: Executor,
  values: { divisionId: number; title: string; kind: string; targetType: string; partnerType: string | null; startDate: string; deadline: string; description: string | null; createdBy: number | null; at: string },
): Promise<number> {
  const row = await db
    .insertInto('pairing_programmes')
    .values({
      division_id: values.divisionId,
      title: values.title,
      kind: values.kind,
      target_type: values.targetType,
      partner_type: values.partnerType,
      start_date: values.startDate,
      deadline: values.deadline,
      description: values.description,
      created_by: values.createdBy,
      created_at: values.at,
      updated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProgramme(
  db: Executor,
  id: number,
  version: number,
  patch: { title?: string; deadline?: string; description?: string | null; archived_at?: string },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('pairing_programmes')
    .set((eb) => ({ ...patch, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
