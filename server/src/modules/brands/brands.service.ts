import { brandFields, brandMatrixNoField, type BrandCreate, type BrandField, type BrandListQuery, type BrandMatrix, type BrandUpdate } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { divisionInReach } from '../../kernel/scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { listChildren } from '../divisions/index.ts';
import { divisionNamePath, filterDivision, findDivisionForRecord } from '../../kernel/registry-lookups.ts';
import { allowedActions, assertCan } from './brands.policy.ts';
import {
  brandsInSubtree,
  countBrandLinks,
  findBrand,
  findBrandByName,
  insertBrands,
  listVenuesOfBrand,
  searchBrands,
  setBrandArchived,
  toBrand,
  updateBrand,
  type BrandValues,
} from './brands.repo.ts';

async function loadBrand(ctx: ActorContext, db: Executor, id: number, action: 'read' | 'update' | 'archive') {
  const row = await findBrand(db, id);
  if (!row) throw notFound('brand');
  assertCan(ctx.actor, action, { divisionPath: row.division_path });
  return row;
}

async function placeIn(ctx: ActorContext, db: Executor, divisionId: number) {
  const division = await divisionInReach(db, ctx.actor, divisionId, 'body.divisionId');
  assertCan(ctx.actor, 'create', { divisionPath: division.path });
  return division;
}

async function assertNameFree(db: Executor, divisionId: number, name: string, exceptId?: number) {
  if (await findBrandByName(db, divisionId, name, exceptId)) {
    throw new AppError('duplicate', { params: { entity: 'entities.brand', value: name } });
  }
}

export async function list(ctx: ActorContext, query: BrandListQuery) {
  const filterPath = await filterDivision(ctx, query.divisionId);
  return searchBrands(ctx.db, { ...query, scopePath: ctx.actor.scopePath, filterPath });
}

export async function detail(ctx: ActorContext, id: number) {
  const row = await loadBrand(ctx, ctx.db, id, 'read');
  const [divisionPath, venues, links] = await Promise.all([
    divisionNamePath(ctx.db, row.division_path),
    listVenuesOfBrand(ctx.db, id, ctx.actor.scopePath),
    countBrandLinks(ctx.db, id, ctx.actor.scopePath),
  ]);
  return { ...toBrand(row), divisionPath, venues, links, allowed: allowedActions(ctx.actor, { divisionPath: row.division_path }) };
}

export async function create(ctx: ActorContext, input: BrandCreate) {
  return ctx.db.transaction().execute(async (trx) => {
    await placeIn(ctx, trx, input.divisionId);
    const values: BrandValues = { divisionId: input.divisionId, name: input.name, field: input.field ?? null, description: input.description ?? null };
    await assertNameFree(trx, values.divisionId, values.name);
    const [id] = await insertBrands(trx, [values], nowIso(ctx));
    await recordAudit(trx, ctx, { action: 'brand.create', entity: 'brand', entityId: id!, divisionId: values.divisionId, detail: { name: values.name, field: values.field } });
    return toBrand((await findBrand(trx, id!))!);
  });
}

export async function update(ctx: ActorContext, id: number, input: BrandUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadBrand(ctx, trx, id, 'update');
    if (before.archived_at !== null) throw new AppError('invalid_transition');
    const { version, ...patch } = input;
    const values: BrandValues = {
      divisionId: patch.divisionId ?? before.division_id,
      name: patch.name ?? before.name,
      field: patch.field !== undefined ? patch.field : toBrand(before).field,
      description: patch.description !== undefined ? patch.description : before.description,
    };
    if (values.divisionId !== before.division_id) await placeIn(ctx, trx, values.divisionId);
    if (values.name !== before.name || values.divisionId !== before.division_id) await assertNameFree(trx, values.divisionId, values.name, id);
    if (!(await updateBrand(trx, id, values, nowIso(ctx), version))) throw versionConflict('brand');
    await recordAudit(trx, ctx, { action: 'brand.update', entity: 'brand', entityId: id, divisionId: values.divisionId, detail: { changed: Object.keys(patch) } });
    return toBrand((await findBrand(trx, id))!);
  });
}

/** Archive or restore. Venues keep an archived brand (history stays true); new links are refused. */
export async function setArchived(ctx: ActorContext, id: number, archived: boolean, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadBrand(ctx, trx, id, 'archive');
    if ((before.archived_at !== null) === archived) throw new AppError('invalid_transition');
    if (!archived) await assertNameFree(trx, before.division_id, before.name, id);
    if (!(await setBrandArchived(trx, id, archived ? nowIso(ctx) : null, nowIso(ctx), version))) throw versionConflict('brand');
    await recordAudit(trx, ctx, {
      action: archived ? 'brand.archive' : 'brand.unarchive',
      entity: 'brand',
      entityId: id,
      divisionId: before.division_id,
      detail: { name: before.name },
    });
    return toBrand((await findBrand(trx, id))!);
  });
}

const columns = [...brandFields, brandMatrixNoField] as const;
type Column = (typeof columns)[number];

/**
 * The brand matrix (一街镇一品牌、一领域一特色): rows are the parent's own division and its
 * children (the actor's division when no parent is chosen; the top-level divisions for the whole
 * tree), columns are the fields plus `none`. A child's row gathers the brands of its whole subtree.
 */
export async function matrix(ctx: ActorContext, parentId: number | undefined): Promise<BrandMatrix> {
  const chosen = parentId ?? ctx.actor.divisionId;
  let parent: { id: number; name: string; level: string; path: string } | null = null;
  if (chosen !== null) {
    const division = await divisionInReach(ctx.db, ctx.actor, chosen, 'query.parentId');
    assertCan(ctx.actor, 'read', { divisionPath: division.path });
    parent = division;
  }
  const [children, brands] = await Promise.all([listChildren(ctx.db, parent?.id ?? null), brandsInSubtree(ctx.db, parent?.path ?? null)]);
  const emptyCells = () => Object.fromEntries(columns.map((column) => [column, []])) as unknown as BrandMatrix['rows'][number]['cells'];
  const slots = [
    ...(parent ? [{ path: parent.path, row: { division: { id: parent.id, name: parent.name, level: parent.level }, own: true, total: 0, cells: emptyCells() } }] : []),
    ...children.map((child) => ({ path: child.path, row: { division: { id: child.id, name: child.name, level: child.level }, own: false, total: 0, cells: emptyCells() } })),
  ];
  for (const brand of brands) {
    // The parent's own brands sit in its own row; any other brand in the child whose subtree holds it.
    const slot = brand.division_id === parent?.id ? slots[0] : slots.find((candidate) => !candidate.row.own && brand.division_path.startsWith(candidate.path));
    if (!slot) continue;
    const column: Column = brandFields.includes(brand.field as BrandField) ? (brand.field as BrandField) : brandMatrixNoField;
    slot.row.cells[column].push({ id: brand.id, name: brand.name, divisionId: brand.division_id, divisionName: brand.division_name });
    slot.row.total += 1;
  }
  const rows = slots.map((slot) => slot.row);
  return { parent: parent ? { id: parent.id, name: parent.name, level: parent.level } : null, columns: [...columns], rows };
}
