import type { ResourceCreate, ResourceListQuery, ResourceUpdate } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { divisionInReach } from '../../kernel/scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findServiceKindsByIds } from '../service-kinds/index.ts';
import { divisionNamePath, filterDivision, findDivisionForRecord, linkedRecord } from '../venues/registry-lookups.ts';
import { allowedActions, assertCan } from './resources.policy.ts';
import {
  findResource,
  findResourceByName,
  insertResources,
  replaceResourceServices,
  searchResources,
  servicesOf,
  setResourceArchived,
  toResource,
  updateResource,
  type ResourceValues,
} from './resources.repo.ts';

async function loadResource(ctx: ActorContext, db: Executor, id: number, action: 'read' | 'update' | 'archive' | 'reveal_phone') {
  const row = await findResource(db, id);
  if (!row) throw notFound('resource');
  assertCan(ctx.actor, action, { divisionPath: row.division_path });
  return row;
}

async function placeIn(ctx: ActorContext, db: Executor, divisionId: number) {
  const division = await divisionInReach(db, ctx.actor, divisionId, 'body.divisionId');
  assertCan(ctx.actor, 'create', { divisionPath: division.path });
  return division;
}

async function assertNameFree(db: Executor, divisionId: number, name: string, exceptId?: number) {
  if (await findResourceByName(db, divisionId, name, exceptId)) {
    throw new AppError('duplicate', { params: { entity: 'entities.resource', value: name } });
  }
}

/** Every id must be a service kind; an archived one only if the resource already offers it. */
async function checkServiceKinds(db: Executor, ids: readonly number[], alreadyOffered: ReadonlySet<number>) {
  const kinds = await findServiceKindsByIds(db, ids);
  if (kinds.length !== ids.length) throw fieldError('body.serviceKindIds', 'validation.invalid_value');
  if (kinds.some((kind) => kind.archived_at !== null && !alreadyOffered.has(kind.id))) {
    throw fieldError('body.serviceKindIds', 'validation.archived_reference');
  }
}

async function checkLinks(ctx: ActorContext, db: Executor, values: ResourceValues, changed: { organisation: boolean; person: boolean }) {
  if (changed.organisation && values.organisationId !== null) {
    await linkedRecord(ctx, db, 'organisations', values.organisationId, 'body.organisationId');
  }
  if (changed.person && values.personId !== null) await linkedRecord(ctx, db, 'people', values.personId, 'body.personId');
}

async function withServices(db: Executor, id: number) {
  const row = (await findResource(db, id))!;
  return toResource(row, (await servicesOf(db, [id])).get(id) ?? []);
}

export async function list(ctx: ActorContext, query: ResourceListQuery) {
  const filterPath = await filterDivision(ctx, query.divisionId);
  return searchResources(ctx.db, { ...query, scopePath: ctx.actor.scopePath, filterPath });
}

export async function detail(ctx: ActorContext, id: number) {
  const row = await loadResource(ctx, ctx.db, id, 'read');
  const [divisionPath, services] = await Promise.all([divisionNamePath(ctx.db, row.division_path), servicesOf(ctx.db, [id])]);
  // Nothing links to a resource yet; matched needs will be counted here when requests arrive.
  return { ...toResource(row, services.get(id) ?? []), divisionPath, links: {}, allowed: allowedActions(ctx.actor, { divisionPath: row.division_path }) };
}

export async function create(ctx: ActorContext, input: ResourceCreate) {
  return ctx.db.transaction().execute(async (trx) => {
    await placeIn(ctx, trx, input.divisionId);
    const values: ResourceValues = {
      divisionId: input.divisionId,
      kind: input.kind,
      name: input.name,
      organisationId: input.organisationId ?? null,
      personId: input.personId ?? null,
      contactPhone: input.contactPhone ?? null,
      description: input.description ?? null,
    };
    await checkLinks(ctx, trx, values, { organisation: true, person: true });
    const serviceKindIds = input.serviceKindIds ?? [];
    await checkServiceKinds(trx, serviceKindIds, new Set());
    await assertNameFree(trx, values.divisionId, values.name);
    const [id] = await insertResources(trx, [values], nowIso(ctx));
    await replaceResourceServices(trx, id!, serviceKindIds);
    await recordAudit(trx, ctx, {
      action: 'resource.create',
      entity: 'resource',
      entityId: id!,
      divisionId: values.divisionId,
      detail: { name: values.name, kind: values.kind, serviceKindIds },
    });
    return withServices(trx, id!);
  });
}

export async function update(ctx: ActorContext, id: number, input: ResourceUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadResource(ctx, trx, id, 'update');
    if (before.archived_at !== null) throw new AppError('invalid_transition');
    const { version, serviceKindIds, ...patch } = input;
    const values: ResourceValues = {
      divisionId: patch.divisionId ?? before.division_id,
      kind: patch.kind ?? toResource(before, []).kind,
      name: patch.name ?? before.name,
      organisationId: patch.organisationId !== undefined ? patch.organisationId : before.organisation_id,
      personId: patch.personId !== undefined ? patch.personId : before.person_id,
      contactPhone: patch.contactPhone !== undefined ? patch.contactPhone : before.contact_phone,
      description: patch.description !== undefined ? patch.description : before.description,
    };
    if (values.divisionId !== before.division_id) await placeIn(ctx, trx, values.divisionId);
    await checkLinks(ctx, trx, values, { organisation: values.organisationId !== before.organisation_id, person: values.personId !== before.person_id });
    if (values.name !== before.name || values.divisionId !== before.division_id) await assertNameFree(trx, values.divisionId, values.name, id);
    if (!(await updateResource(trx, id, values, nowIso(ctx), version))) throw versionConflict('resource');
    if (serviceKindIds !== undefined) {
      const offered = new Set(((await servicesOf(trx, [id])).get(id) ?? []).map((service) => service.id));
      await checkServiceKinds(trx, serviceKindIds, offered);
      await replaceResourceServices(trx, id, serviceKindIds);
    }
    await recordAudit(trx, ctx, {
      action: 'resource.update',
      entity: 'resource',
      entityId: id,
      divisionId: values.divisionId,
      detail: { changed: [...Object.keys(patch), ...(serviceKindIds !== undefined ? ['serviceKindIds'] : [])] },
    });
    return withServices(trx, id);
  });
}

export async function setArchived(ctx: ActorContext, id: number, archived: boolean, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadResource(ctx, trx, id, 'archive');
    if ((before.archived_at !== null) === archived) throw new AppError('invalid_transition');
    if (!archived) await assertNameFree(trx, before.division_id, before.name, id);
    if (!(await setResourceArchived(trx, id, archived ? nowIso(ctx) : null, nowIso(ctx), version))) throw versionConflict('resource');
    await recordAudit(trx, ctx, {
      action: archived ? 'resource.archive' : 'resource.unarchive',
      entity: 'resource',
      entityId: id,
      divisionId: before.division_id,
      detail: { name: before.name },
    });
    return withServices(trx, id);
  });
}

/** The full contact phone, for those allowed; the reveal itself is audited, in the same transaction as the read. */
export async function revealPhone(ctx: ActorContext, id: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadResource(ctx, trx, id, 'reveal_phone');
    await recordAudit(trx, ctx, { action: 'resource.reveal_phone', entity: 'resource', entityId: id, divisionId: row.division_id });
    return { phone: row.contact_phone };
  });
}
