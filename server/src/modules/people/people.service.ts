import { shanghaiToday, type PersonCreate, type PersonListQuery, type PersonUpdate } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, readerOf, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { divisionForAction, linkedOrganisation, subtreeFilter } from '../organisations/organisations.service.ts';
import { allowedActions, assertCan, type PersonAction } from './people.policy.ts';
import { currentRoles, findPerson, insertPerson, membershipsOfPerson, searchPeople, toPerson, updatePerson, type PersonRow } from './people.repo.ts';
import { syncSearch } from '../search/search.sync.ts';

function today(ctx: ActorContext): string {
  return shanghaiToday(ctx.clock.now());
}

function targetOf(row: PersonRow) {
  return { divisionPath: row.division_path };
}

async function loadPerson(ctx: ActorContext, db: Executor, id: number, action: PersonAction): Promise<PersonRow> {
  const row = await findPerson(db, id);
  if (!row) throw notFound('person');
  assertCan(ctx.actor, action, targetOf(row));
  return row;
}

async function personOut(db: Executor, id: number, day: string) {
  const row = (await findPerson(db, id))!;
  return toPerson(row, (await currentRoles(db, [id], day)).get(id) ?? []);
}

export async function list(ctx: ActorContext, query: PersonListQuery) {
  const { divisionId, ...rest } = query;
  const subtreePath = await subtreeFilter(ctx, divisionId);
  // Heavy over a large subtree: the read pool (issue 20), not the connection writes wait for.
  return searchPeople(readerOf(ctx), { ...rest, scopePath: ctx.actor.scopePath, subtreePath, today: today(ctx) });
}

export async function detail(ctx: ActorContext, id: number) {
  const row = await loadPerson(ctx, ctx.db, id, 'read');
  const memberships = await membershipsOfPerson(ctx.db, id, ctx.actor.scopePath, today(ctx));
  const roles = (await currentRoles(ctx.db, [id], today(ctx))).get(id) ?? [];
  return { ...toPerson(row, roles), memberships, allowed: allowedActions(ctx.actor, targetOf(row)) };
}

export async function create(ctx: ActorContext, input: PersonCreate) {
  return ctx.db.transaction().execute(async (trx) => {
    await divisionForAction(ctx, trx, input.divisionId, 'body.divisionId', 'create');
    if (input.organisationId) await linkedOrganisation(ctx, trx, input.organisationId, 'body.organisationId');
    const id = await insertPerson(
      trx,
      { divisionId: input.divisionId, name: input.name, phone: input.phone ?? null, organisationId: input.organisationId ?? null, position: input.position ?? null },
      nowIso(ctx),
    );
    // The name is enough to find the entry again; the phone never goes into the audit trail.
    await recordAudit(trx, ctx, { action: 'person.create', entity: 'person', entityId: id, divisionId: input.divisionId, detail: { name: input.name } });
    await syncSearch(trx, 'person', [id]);
    return personOut(trx, id, today(ctx));
  });
}

export async function update(ctx: ActorContext, id: number, input: PersonUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadPerson(ctx, trx, id, 'update');
    if (before.archived_at !== null) throw new AppError('invalid_transition');
    if (input.divisionId !== undefined && input.divisionId !== before.division_id) {
      await divisionForAction(ctx, trx, input.divisionId, 'body.divisionId', 'update');
    }
    if (input.organisationId && input.organisationId !== before.organisation_id) {
      await linkedOrganisation(ctx, trx, input.organisationId, 'body.organisationId');
    }
    const { version, ...patch } = input;
    if (!(await updatePerson(trx, id, version, patch, nowIso(ctx)))) throw versionConflict('person');
    await recordAudit(trx, ctx, {
      action: 'person.update',
      entity: 'person',
      entityId: id,
      divisionId: input.divisionId ?? before.division_id,
      detail: { changed: Object.keys(patch).sort() },
    });
    await syncSearch(trx, 'person', [id]);
    return personOut(trx, id, today(ctx));
  });
}

export async function setArchived(ctx: ActorContext, id: number, archived: boolean, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadPerson(ctx, trx, id, 'archive');
    if ((before.archived_at !== null) === archived) throw new AppError('invalid_transition');
    const at = nowIso(ctx);
    if (!(await updatePerson(trx, id, version, { archivedAt: archived ? at : null }, at))) throw versionConflict('person');
    await recordAudit(trx, ctx, {
      action: archived ? 'person.archive' : 'person.unarchive',
      entity: 'person',
      entityId: id,
      divisionId: before.division_id,
    });
    await syncSearch(trx, 'person', [id]);
    return personOut(trx, id, today(ctx));
  });
}

/** The full phone for staff or an administrator of the person's subtree; every reveal is audited. */
export async function revealPhone(ctx: ActorContext, id: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadPerson(ctx, trx, id, 'reveal_phone');
    await recordAudit(trx, ctx, { action: 'person.reveal_phone', entity: 'person', entityId: id, divisionId: row.division_id });
    return { phone: row.phone };
  });
}
