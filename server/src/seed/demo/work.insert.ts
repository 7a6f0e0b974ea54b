import { divisionInScope } from '../../modules/divisions/divisions.scope.ts';
import type { SeedContext } from './context.ts';

/**
 * Batch inserts for the demo work data: at most 500 rows a statement. A multi-row insert takes
 * consecutive ids on both engines, so sorting the returned ids gives them in input order.
 */
const BATCH = 500;

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<Array<{ id: number }>>): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const returned = await insert(rows.slice(i, i + BATCH));
    ids.push(...returned.map((row) => row.id).sort((a, b) => a - b));
  }
  return ids;
}

export interface ProjectSeed {
  divisionId: number;
  title: string;
  goal?: string | null;
  organisationId?: number | null;
  status: 'planned' | 'active' | 'done' | 'reviewed';
  startDate: string;
  endDate: string;
  /** Due date and state of each milestone. */
  milestones: Array<{ title: string; dueDate: string; state: 'open' | 'evidenced' | 'unevidenced' }>;
}

const order = ['planned', 'active', 'done', 'reviewed'] as const;

/** Projects with their milestones and a status history that walks up to the current status. */
export async function insertProjects(ctx: SeedContext, rows: ProjectSeed[], actor: { id: number | null; name: string | null }): Promise<number[]> {
  const stamps = { created_at: ctx.at, updated_at: ctx.at };
  const ids = await inBatches(rows, (batch) =>
    ctx.db
      .insertInto('projects')
      .values(
        batch.map((row) => ({
          division_id: row.divisionId,
          title: row.title,
          goal: row.goal ?? null,
          responsible_organisation_id: row.organisationId ?? null,
          start_date: row.startDate,
          end_date: row.endDate,
          status: row.status,
          created_by: actor.id,
          ...stamps,
        })),
      )
      .returning('id')
      .execute(),
  );
  const milestones = rows.flatMap((row, i) =>
    row.milestones.map((m, sort) => ({
      project_id: ids[i]!,
      title: m.title,
      due_date: m.dueDate,
      completed_at: m.state === 'open' ? null : `${m.dueDate}T02:00:00.000Z`,
      completed_by: m.state === 'open' ? null : actor.id,
      evidence: m.state === 'evidenced' ? '照片、签到表和工作小结已归档' : null,
      sort_order: sort,
      ...stamps,
    })),
  );
  await inBatches(milestones, (batch) => ctx.db.insertInto('project_milestones').values(batch).returning('id').execute());
  const history = rows.flatMap((row, i) =>
    order.slice(0, order.indexOf(row.status) + 1).map((status, step) => ({
      project_id: ids[i]!,
      from_status: step === 0 ? null : order[step - 1]!,
      to_status: status,
      actor_id: actor.id,
      actor_name: actor.name,
      at: `${row.startDate}T0${step + 1}:00:00.000Z`,
      note: null,
    })),
  );
  await inBatches(history, (batch) => ctx.db.insertInto('project_status_history').values(batch).returning('id').execute());
  return ids;
}

export interface ActivitySeed {
  divisionId: number;
  title: string;
  date: string;
  kind: string;
  venueId?: number | null;
  projectId?: number | null;
  pairId?: number | null;
  participantCount: number;
  summary: string;
  minutes?: string | null;
  organiserIds: number[];
  attendeePersonIds?: number[];
  attendeeUserIds?: number[];
}

export async function insertActivities(ctx: SeedContext, rows: ActivitySeed[], createdBy: number | null): Promise<number[]> {
  const ids = await inBatches(rows, (batch) =>
    ctx.db
      .insertInto('activities')
      .values(
        batch.map((row) => ({
          division_id: row.divisionId,
          title: row.title,
          date: row.date,
          kind: row.kind,
          venue_id: row.venueId ?? null,
          project_id: row.projectId ?? null,
          pair_id: row.pairId ?? null,
          participant_count: row.participantCount,
          summary: row.summary,
          minutes: row.minutes ?? null,
          created_by: createdBy,
          created_at: ctx.at,
          updated_at: ctx.at,
        })),
      )
      .returning('id')
      .execute(),
  );
  const organisers = rows.flatMap((row, i) => [...new Set(row.organiserIds)].map((organisation_id) => ({ activity_id: ids[i]!, organisation_id })));
  for (let i = 0; i < organisers.length; i += BATCH) await ctx.db.insertInto('activity_organisers').values(organisers.slice(i, i + BATCH)).execute();
  const attendees = rows.flatMap((row, i) => [
    ...(row.attendeePersonIds ?? []).map((person_id) => ({ activity_id: ids[i]!, person_id, user_id: null })),
    ...(row.attendeeUserIds ?? []).map((user_id) => ({ activity_id: ids[i]!, person_id: null, user_id })),
  ]);
  await inBatches(attendees, (batch) => ctx.db.insertInto('activity_attendees').values(batch).returning('id').execute());
  return ids;
}

export async function insertProgramme(
  ctx: SeedContext,
  row: { divisionId: number; title: string; kind: string; targetType: string; partnerType: string; startDate: string; deadline: string; description: string },
): Promise<number> {
  const inserted = await ctx.db
    .insertInto('pairing_programmes')
    .values({
      division_id: row.divisionId,
      title: row.title,
      kind: row.kind,
      target_type: row.targetType,
      partner_type: row.partnerType,
      start_date: row.startDate,
      deadline: row.deadline,
      description: row.description,
      created_at: ctx.at,
      updated_at: ctx.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function insertPairs(
  ctx: SeedContext,
  programme: { id: number; divisionId: number },
  rows: Array<{ organisationId: number; partnerId: number; startDate: string }>,
): Promise<number[]> {
  return inBatches(rows, (batch) =>
    ctx.db
      .insertInto('pairs')
      .values(
        batch.map((row) => ({
          programme_id: programme.id,
          division_id: programme.divisionId,
          organisation_id: row.organisationId,
          partner_organisation_id: row.partnerId,
          start_date: row.startDate,
          created_at: ctx.at,
          updated_at: ctx.at,
        })),
      )
      .returning('id')
      .execute(),
  );
}

export async function insertRelationships(ctx: SeedContext, rows: Array<{ divisionId: number; cadreUserId: number; personId: number; since: string }>): Promise<number[]> {
  return inBatches(rows, (batch) =>
    ctx.db
      .insertInto('liaison_relationships')
      .values(batch.map((row) => ({ division_id: row.divisionId, cadre_user_id: row.cadreUserId, person_id: row.personId, since: row.since, created_at: ctx.at, updated_at: ctx.at })))
      .returning('id')
      .execute(),
  );
}

export async function insertContacts(ctx: SeedContext, rows: Array<{ relationshipId: number; kind: string; date: string; note: string; createdBy: number }>): Promise<number> {
  const ids = await inBatches(rows, (batch) =>
    ctx.db
      .insertInto('liaison_contacts')
      .values(batch.map((row) => ({ relationship_id: row.relationshipId, kind: row.kind, date: row.date, note: row.note, created_by: row.createdBy, created_at: ctx.at })))
      .returning('id')
      .execute(),
  );
  return ids.length;
}

/** Live organisations of a type in a division's subtree, oldest first. */
export async function organisationsIn(ctx: SeedContext, divisionId: number, type: string) {
  const division = await ctx.db.selectFrom('divisions').select('path').where('id', '=', divisionId).executeTakeFirstOrThrow();
  return ctx.db
    .selectFrom('organisations')
    .select(['id', 'name', 'division_id'])
    .where('type', '=', type)
    .where('archived_at', 'is', null)
    .where(divisionInScope('organisations.division_id', division.path))
    .orderBy('id')
    .execute();
}

export async function organisationByName(ctx: SeedContext, name: string) {
  return ctx.db.selectFrom('organisations').select(['id', 'division_id']).where('name', '=', name).orderBy('id').executeTakeFirst();
}

export async function userByName(ctx: SeedContext, username: string) {
  return ctx.db.selectFrom('users').select(['id', 'display_name']).where('username', '=', username).executeTakeFirst();
}
