import { isMobilePhone, type VenueCreate, type VenueListQuery, type VenueUpdate } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, readerOf, type ActorContext } from '../../http/context.ts';
import { divisionInReach } from '../../kernel/scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { allowedActions, assertCan } from './venues.policy.ts';
import { countVenueLinks } from './venue-links.repo.ts';
import { divisionNamePath, filterDivision, findDivisionForRecord, linkedRecord } from './registry-lookups.ts';
import {
  findVenue,
  findVenueByName,
  insertVenues,
  searchVenues,
  setVenueArchived,
  toVenue,
  updateVenue,
  type VenueValues,
} from './venues.repo.ts';
import { syncSearch } from '../search/search.sync.ts';

async function loadVenue(ctx: ActorContext, db: Executor, id: number, action: 'read' | 'update' | 'archive') {
  const row = await findVenue(db, id);
  if (!row) throw notFound('venue');
  assertCan(ctx.actor, action, { divisionPath: row.division_path });
  return row;
}

/** The division a venue goes into: 400 when unknown, 403 when outside the actor's subtree. */
async function placeIn(ctx: ActorContext, db: Executor, divisionId: number) {
  const division = await divisionInReach(db, ctx.actor, divisionId, 'body.divisionId');
  assertCan(ctx.actor, 'create', { divisionPath: division.path });
  return division;
}

/**
 * The rules every write checks on the venue as it will be: a newly linked owner and brand must be
 * live records inside the actor's subtree, and a public venue never publishes a mobile number
 * (the guide is read by anyone; a mobile is somebody's own phone).
 */
async function checkLinks(ctx: ActorContext, db: Executor, values: VenueValues, changed: { owner: boolean; brand: boolean }) {
  if (changed.owner && values.ownerOrganisationId !== null) {
    await linkedRecord(ctx, db, 'organisations', values.ownerOrganisationId, 'body.ownerOrganisationId');
  }
  if (changed.brand && values.brandId !== null) await linkedRecord(ctx, db, 'brands', values.brandId, 'body.brandId');
  if (values.isPublic && values.hotline && isMobilePhone(values.hotline)) {
    throw fieldError('body.hotline', 'validation.public_hotline_mobile');
  }
}

async function assertNameFree(db: Executor, divisionId: number, name: string, exceptId?: number) {
  if (await findVenueByName(db, divisionId, name, exceptId)) {
    throw new AppError('duplicate', { params: { entity: 'entities.venue', value: name } });
  }
}

/** A page of the venues in the actor's subtree (a `divisionId` filter outside it is a 403). */
export async function list(ctx: ActorContext, query: VenueListQuery) {
  const filterPath = await filterDivision(ctx, query.divisionId);
  // Heavy over a large subtree: the read pool (issue 20), not the connection writes wait for.
  return searchVenues(readerOf(ctx), { ...query, scopePath: ctx.actor.scopePath, filterPath });
}

export async function detail(ctx: ActorContext, id: number) {
  const row = await loadVenue(ctx, ctx.db, id, 'read');
  const [divisionPath, links] = await Promise.all([divisionNamePath(ctx.db, row.division_path), countVenueLinks(ctx.db, id, ctx.actor.scopePath)]);
  return { ...toVenue(row), divisionPath, links, allowed: allowedActions(ctx.actor, { divisionPath: row.division_path }) };
}

export async function create(ctx: ActorContext, input: VenueCreate) {
  return ctx.db.transaction().execute(async (trx) => {
    await placeIn(ctx, trx, input.divisionId);
    const values: VenueValues = {
      divisionId: input.divisionId,
      name: input.name,
      type: input.type,
      level: input.level,
      starRating: input.starRating ?? null,
      address: input.address ?? null,
      hotline: input.hotline ?? null,
      openingHours: input.openingHours ?? null,
      ownerOrganisationId: input.ownerOrganisationId ?? null,
      brandId: input.brandId ?? null,
      isPublic: input.isPublic ?? false,
      description: input.description ?? null,
    };
    await checkLinks(ctx, trx, values, { owner: true, brand: true });
    await assertNameFree(trx, values.divisionId, values.name);
    const [id] = await insertVenues(trx, [values], nowIso(ctx));
    await recordAudit(trx, ctx, {
      action: 'venue.create',
      entity: 'venue',
      entityId: id!,
      divisionId: values.divisionId,
      detail: { name: values.name, type: values.type, isPublic: values.isPublic },
    });
    await syncSearch(trx, 'venue', [id!]);
    return toVenue((await findVenue(trx, id!))!);
  });
}

export async function update(ctx: ActorContext, id: number, input: VenueUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadVenue(ctx, trx, id, 'update');
    // An archived venue is restored first, then edited: archived records stay as they were.
    if (before.archived_at !== null) throw new AppError('invalid_transition');
    const current = toVenue(before);
    const { version, ...patch } = input;
    const values: VenueValues = {
      divisionId: patch.divisionId ?? current.divisionId,
      name: patch.name ?? current.name,
      type: patch.type ?? current.type,
      level: patch.level ?? current.level,
      starRating: patch.starRating !== undefined ? patch.starRating : current.starRating,
      address: patch.address !== undefined ? patch.address : current.address,
      hotline: patch.hotline !== undefined ? patch.hotline : current.hotline,
      openingHours: patch.openingHours !== undefined ? patch.openingHours : current.openingHours,
      ownerOrganisationId: patch.ownerOrganisationId !== undefined ? patch.ownerOrganisationId : before.owner_organisation_id,
      brandId: patch.brandId !== undefined ? patch.brandId : before.brand_id,
      isPublic: patch.isPublic ?? current.isPublic,
      description: patch.description !== undefined ? patch.description : current.description,
    };
    if (values.divisionId !== before.division_id) await placeIn(ctx, trx, values.divisionId);
    // Only a link the user changes is checked: an existing owner in a district the user cannot see stays.
    await checkLinks(ctx, trx, values, {
      owner: values.ownerOrganisationId !== before.owner_organisation_id,
      brand: values.brandId !== before.brand_id,
    });
    if (values.name !== before.name || values.divisionId !== before.division_id) {
      await assertNameFree(trx, values.divisionId, values.name, id);
    }
    if (!(await updateVenue(trx, id, values, nowIso(ctx), version))) throw versionConflict('venue');
    await recordAudit(trx, ctx, {
      action: 'venue.update',
      entity: 'venue',
      entityId: id,
      divisionId: values.divisionId,
      detail: { changed: Object.keys(patch), ...(values.name !== before.name ? { before: { name: before.name }, after: { name: values.name } } : {}) },
    });
    await syncSearch(trx, 'venue', [id]);
    return toVenue((await findVenue(trx, id))!);
  });
}

/** Archive (hide from lists, the guide and new links) or restore; both need the version the user saw. */
export async function setArchived(ctx: ActorContext, id: number, archived: boolean, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadVenue(ctx, trx, id, 'archive');
    if ((before.archived_at !== null) === archived) throw new AppError('invalid_transition');
    if (!archived) await assertNameFree(trx, before.division_id, before.name, id);
    if (!(await setVenueArchived(trx, id, archived ? nowIso(ctx) : null, nowIso(ctx), version))) throw versionConflict('venue');
    await recordAudit(trx, ctx, {
      action: archived ? 'venue.archive' : 'venue.unarchive',
      entity: 'venue',
      entityId: id,
      divisionId: before.division_id,
      detail: { name: before.name },
    });
    await syncSearch(trx, 'venue', [id]);
    return toVenue((await findVenue(trx, id))!);
  });
}
