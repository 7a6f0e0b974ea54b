import { shanghaiToday, type OrganisationCreate, type OrganisationListQuery, type OrganisationUpdate } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, readerOf, type ActorContext } from '../../http/context.ts';
import { divisionInReach, subtreeFilterPath } from '../../kernel/scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findDivision } from '../divisions/index.ts';
import { organisationLinks } from './organisation-links.repo.ts';
import { allowedActions, assertCan, type RegistryAction } from './organisations.policy.ts';
import {
  findOrganisation,
  findOrganisationByName,
  insertOrganisation,
  parentChain,
  searchOrganisations,
  toOrganisation,
  updateOrganisation,
  type ListCursor,
  type OrganisationRow,
} from './organisations.repo.ts';
import { syncSearch } from '../search/search.sync.ts';

const detailActions: readonly RegistryAction[] = ['read', 'update', 'archive', 'manage_members', 'reveal_phone'];

export function targetOf(row: { division_path: string }) {
  return { divisionPath: row.division_path };
}

/** Load an organisation the actor may act on, or fail with 404 / 403. */
export async function loadOrganisation(ctx: ActorContext, db: Executor, id: number, action: RegistryAction): Promise<OrganisationRow> {
  const row = await findOrganisation(db, id);
  if (!row) throw notFound('organisation');
  assertCan(ctx.actor, action, targetOf(row));
  return row;
}

/**
 * A division named in a request body or filter: the kernel's scope rules (unknown → 400 on that
 * field, outside the actor's subtree → 403), then the right to `action` there.
 */
export async function divisionForAction(ctx: ActorContext, db: Executor, divisionId: number, field: string, action: RegistryAction) {
  const division = await divisionInReach(db, ctx.actor, divisionId, field);
  assertCan(ctx.actor, action, { divisionPath: division.path });
  return division;
}

/**
 * The `divisionId` filter of a list or export → the subtree path to filter on, intersected with
 * the actor's scope: a division inside the scope narrows the list; one above it (a town user
 * filtering on their district) leaves just the scope; one beside it (another town) is 403, and an
 * unknown one 400.
 *
 * @example
 * const subtreePath = await subtreeFilter(ctx, query.divisionId); // '/1/2/5/' or undefined
 */
export async function subtreeFilter(ctx: ActorContext, divisionId: number | undefined): Promise<string | undefined> {
  return subtreeFilterPath(ctx.db, ctx.actor, divisionId, { aboveMeansOwn: true });
}

/**
 * An organisation named by id in a request body (a parent, a person's employer): unknown → 400,
 * outside the subtree → 403, archived → 400 (nothing new may link to an archived record).
 */
export async function linkedOrganisation(ctx: ActorContext, db: Executor, id: number, field: string): Promise<OrganisationRow> {
  const row = await findOrganisation(db, id);
  if (!row) throw fieldError(field, 'validation.invalid_value');
  assertCan(ctx.actor, 'read', targetOf(row));
  if (row.archived_at !== null) throw fieldError(field, 'validation.archived_reference');
  return row;
}

async function assertUniqueName(db: Executor, divisionId: number, name: string, exceptId?: number) {
  if (await findOrganisationByName(db, divisionId, name, exceptId)) {
    throw new AppError('duplicate', { params: { entity: 'entities.organisation', value: name } });
  }
}

export async function list(ctx: ActorContext, query: OrganisationListQuery) {
  const { divisionId, after, ...rest } = query;
  const cursor = after === undefined ? undefined : decodeCursor(after, rest);
  // A province's list is a heavy read: it runs in the read pool, not on the connection writes wait for.
  const { next, ...page } = await searchOrganisations(readerOf(ctx), { ...rest, scopePath: ctx.actor.scopePath, subtreePath: await subtreeFilter(ctx, divisionId) }, cursor);
  return { ...page, nextCursor: next ? encodeCursor(next) : null };
}

/** The `after` cursor is the previous page's last sort key and id, as base64url JSON (opaque to clients). */
function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.order, cursor.value, cursor.id])).toString('base64url');
}

/** A cursor that does not parse, or was made for another sort or order, is a 400 on `after`. */
function decodeCursor(text: string, query: Pick<OrganisationListQuery, 'sort' | 'order'>): ListCursor {
  try {
    const [sort, order, value, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (sort === query.sort && order === query.order && (value === null || typeof value === 'string') && Number.isSafeInteger(id)) {
      return { sort: query.sort, order: query.order, value, id: id as number };
    }
  } catch {
    // fall through to the field error
  }
  throw fieldError('query.after', 'validation.invalid_value');
}

export async function detail(ctx: ActorContext, id: number) {
  const row = await loadOrganisation(ctx, ctx.db, id, 'read');
  const [chain, links] = await Promise.all([
    parentChain(ctx.db, row.parent_id),
    organisationLinks(ctx.db, id, ctx.actor.scopePath, shanghaiToday(ctx.clock.now())),
  ]);
  return {
    ...toOrganisation(row),
    ancestors: chain.reverse().map(({ id: ancestorId, name }) => ({ id: ancestorId, name })),
    links,
    allowed: allowedActions(ctx.actor, targetOf(row), detailActions),
  };
}

export async function create(ctx: ActorContext, input: OrganisationCreate) {
  return ctx.db.transaction().execute(async (trx) => {
    await divisionForAction(ctx, trx, input.divisionId, 'body.divisionId', 'create');
    if (input.parentId) await linkedOrganisation(ctx, trx, input.parentId, 'body.parentId');
    await assertUniqueName(trx, input.divisionId, input.name);
    const id = await insertOrganisation(
      trx,
      {
        divisionId: input.divisionId,
        name: input.name,
        type: input.type,
        parentId: input.parentId ?? null,
        foundedOn: input.foundedOn ?? null,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        address: input.address ?? null,
        description: input.description ?? null,
      },
      nowIso(ctx),
    );
    await recordAudit(trx, ctx, {
      action: 'organisation.create',
      entity: 'organisation',
      entityId: id,
      divisionId: input.divisionId,
      detail: { name: input.name, type: input.type },
    });
    await syncSearch(trx, 'organisation', [id]);
    return toOrganisation((await findOrganisation(trx, id))!);
  });
}

/** A new parent must not be the organisation itself nor anything below it. */
async function assertNoCycle(db: Executor, id: number, parentId: number) {
  if (parentId === id || (await parentChain(db, parentId)).some((ancestor) => ancestor.id === id)) {
    throw fieldError('body.parentId', 'validation.organisation_cycle');
  }
}

export async function update(ctx: ActorContext, id: number, input: OrganisationUpdate) {
  return ctx.db.transaction().execute(async (trx) => updateIn(ctx, trx, id, input));
}

/**
 * Update inside the caller's transaction: an approved profile proposal (participants module) changes
 * the record and its own status together. Same checks, audit entry and search sync as `update`.
 */
export async function updateIn(ctx: ActorContext, trx: Executor, id: number, input: OrganisationUpdate) {
  {
    const before = await loadOrganisation(ctx, trx, id, 'update');
    if (before.archived_at !== null) throw new AppError('invalid_transition');
    if (input.divisionId !== undefined && input.divisionId !== before.division_id) {
      await divisionForAction(ctx, trx, input.divisionId, 'body.divisionId', 'update');
    }
    if (input.parentId) {
      await linkedOrganisation(ctx, trx, input.parentId, 'body.parentId');
      await assertNoCycle(trx, id, input.parentId);
    }
    const name = input.name ?? before.name;
    const divisionId = input.divisionId ?? before.division_id;
    if (name !== before.name || divisionId !== before.division_id) await assertUniqueName(trx, divisionId, name, id);
    const { version, ...patch } = input;
    if (!(await updateOrganisation(trx, id, version, patch, nowIso(ctx)))) throw versionConflict('organisation');
    await recordAudit(trx, ctx, {
      action: 'organisation.update',
      entity: 'organisation',
      entityId: id,
      divisionId,
      // Field names only: contact phones and names do not belong in the audit trail.
      detail: { changed: Object.keys(patch).sort(), name },
    });
    await syncSearch(trx, 'organisation', [id]);
    return toOrganisation((await findOrganisation(trx, id))!);
  }
}

/** Archive (or bring back) an organisation; records that link to it keep their links. */
export async function setArchived(ctx: ActorContext, id: number, archived: boolean, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadOrganisation(ctx, trx, id, 'archive');
    if ((before.archived_at !== null) === archived) throw new AppError('invalid_transition');
    const at = nowIso(ctx);
    if (!(await updateOrganisation(trx, id, version, { archivedAt: archived ? at : null }, at))) throw versionConflict('organisation');
    await recordAudit(trx, ctx, {
      action: archived ? 'organisation.archive' : 'organisation.unarchive',
      entity: 'organisation',
      entityId: id,
      divisionId: before.division_id,
      detail: { name: before.name },
    });
    await syncSearch(trx, 'organisation', [id]);
    return toOrganisation((await findOrganisation(trx, id))!);
  });
}

/** The full contact phone, for a user with the right; each reveal is audited. */
export async function revealPhone(ctx: ActorContext, id: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadOrganisation(ctx, trx, id, 'reveal_phone');
    await recordAudit(trx, ctx, { action: 'organisation.reveal_phone', entity: 'organisation', entityId: id, divisionId: row.division_id });
    return { phone: row.contact_phone };
  });
}
