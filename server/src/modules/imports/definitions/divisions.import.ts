import { hasRole, isAdmin, levelRank, type DivisionLevel } from '@tongxin/core';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Executor } from '../../../db/database.ts';
import { AppError } from '../../../kernel/errors.ts';
import { nowIso } from '../../../http/context.ts';
import type { ImportContext, ImportDefinition, ResolveOutcome } from '../import-definition.ts';
import { resolveDivision } from '../import-helpers.ts';

/** Level names people write, in both scripts and English, → our level codes. */
const levelNames: Record<string, DivisionLevel> = {
  省: 'province', 自治区: 'province', 直辖市: 'province', province: 'province',
  市: 'city', 地级市: 'city', city: 'city',
  区县: 'district', '区/县': 'district', 区: 'district', 县: 'district', 區縣: 'district', '區/縣': 'district', 區: 'district', 縣: 'district', district: 'district',
  街镇: 'town', 街道: 'town', 镇: 'town', 乡: 'town', 街鎮: 'town', 鎮: 'town', 鄉: 'town', town: 'town',
  村居: 'village', 村: 'village', 社区: 'village', 居委会: 'village', 社區: 'village', 居委會: 'village', village: 'village',
};

const divisionRowSchema = z.object({
  parent: z.string().max(300).optional(),
  name: z.string().min(1).max(60).refine((name) => !name.includes('/'), { error: 'imports.division_name_slash' }),
  level: z
    .string()
    .refine((text) => levelNames[text.toLowerCase()] !== undefined, { error: 'imports.division_level_name' })
    .transform((text) => levelNames[text.toLowerCase()]!),
  code: z.string().regex(/^\d{6,12}$/, { error: 'validation.division_code' }).optional(),
});
export type DivisionImportRow = z.infer<typeof divisionRowSchema>;

/**
 * A division to create. Its parent either exists (`parentId`) or is created by an earlier row of
 * the same file (`pendingParent`, a key `<existing ancestor id or root>/<name>/<name>…`), so an
 * office can set up a town and its villages in one file.
 */
export interface DivisionImportValue {
  parentId: number | null;
  pendingParent: string | null;
  name: string;
  level: DivisionLevel;
  code: string | null;
}

interface Placed {
  id: number;
  path: string;
  depth: number;
}

const nodeKey = (value: DivisionImportValue) => `${value.parentId ?? value.pendingParent ?? 'root'}/${value.name}`;

async function existing(db: Executor, ctx: ImportContext, id: number): Promise<(Placed & { level: string }) | undefined> {
  const key = `divisions.node:${id}`;
  const cached = ctx.memo.get(key) as (Placed & { level: string }) | undefined;
  if (cached) return cached;
  const row = await db.selectFrom('divisions').select(['id', 'path', 'depth', 'level']).where('id', '=', id).executeTakeFirst();
  if (row) ctx.memo.set(key, row);
  return row;
}

/** A `pendingParent` key → the division, once it exists (created earlier in this confirm, or by someone else). */
async function placedByKey(db: Executor, ctx: ImportContext, key: string): Promise<Placed | undefined> {
  const created = ctx.memo.get(`divisions.created:${key}`) as Placed | undefined;
  if (created) return created;
  const [anchor, ...names] = key.split('/');
  let current: Placed | undefined = anchor === 'root' ? undefined : await existing(db, ctx, Number(anchor));
  if (anchor !== 'root' && !current) return undefined;
  for (const name of names) {
    const parentId: number | null = current?.id ?? null;
    current = await db
      .selectFrom('divisions')
      .select(['id', 'path', 'depth'])
      .where((eb) => (parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parentId)))
      .where('name', '=', name)
      .executeTakeFirst();
    if (!current) return undefined;
  }
  return current;
}

type Parent =
  | { kind: 'existing'; id: number; path: string; level: string }
  | { kind: 'pending'; key: string; path: string; level: string };

/** A parent cell: an existing division, or one that an earlier row of this file creates. */
async function resolveParent(db: Executor, ctx: ImportContext, text: string): Promise<Parent | { problem: string }> {
  const found = await resolveDivision(db, ctx, text, 'parent');
  if (found.ok) return { kind: 'existing', id: found.division.id, path: found.division.path, level: found.division.level };
  const names = text.split('/').map((name) => name.trim()).filter(Boolean);
  for (let split = names.length - 1; split >= 0; split -= 1) {
    let anchor = 'root';
    if (split > 0) {
      const prefix = await resolveDivision(db, ctx, names.slice(0, split).join('/'), 'parent');
      if (!prefix.ok) continue;
      anchor = String(prefix.division.id);
    }
    const key = [anchor, ...names.slice(split)].join('/');
    const pending = ctx.memo.get(`divisions.pending:${key}`) as { path: string; level: string } | undefined;
    if (pending) return { kind: 'pending', key, ...pending };
  }
  return { problem: found.problem.message };
}

async function resolve(db: Executor, ctx: ImportContext, row: DivisionImportRow): Promise<ResolveOutcome<DivisionImportValue, DivisionImportRow>> {
  let parent: Parent | null = null;
  if (row.parent) {
    const outcome = await resolveParent(db, ctx, row.parent);
    if ('problem' in outcome) return { ok: false, problems: [{ column: 'parent', message: outcome.problem, params: { value: row.parent } }] };
    parent = outcome;
  } else if (!(hasRole(ctx.actor, 'system_admin') && ctx.actor.scopePath === null)) {
    return { ok: false, problems: [{ column: 'parent', message: 'validation.division_root_admin' }] };
  }
  if (parent && levelRank(row.level) <= levelRank(parent.level as DivisionLevel)) {
    return { ok: false, problems: [{ column: 'level', message: 'validation.division_level' }] };
  }
  const value: DivisionImportValue = {
    parentId: parent?.kind === 'existing' ? parent.id : null,
    pendingParent: parent?.kind === 'pending' ? parent.key : null,
    name: row.name,
    level: row.level,
    code: row.code ?? null,
  };
  const path = parent?.path ?? '/';
  // Rows below this one may name it as their parent before it exists (a village has no children:
  // not remembering the villages keeps a 100,000-village file's memo small).
  if (row.level !== 'village') ctx.memo.set(`divisions.pending:${nodeKey(value)}`, { path, level: row.level });
  return { ok: true, value, divisionPath: path };
}

async function findDuplicate(db: Executor, ctx: ImportContext, value: DivisionImportValue): Promise<number | null> {
  let parentId = value.parentId;
  if (value.pendingParent !== null) {
    const parent = await placedByKey(db, ctx, value.pendingParent);
    if (!parent) return null;
    parentId = parent.id;
  }
  const row = await db
    .selectFrom('divisions')
    .select('id')
    .where((eb) => (parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parentId)))
    .where('name', '=', value.name)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** `findDuplicate` for a batch: one query per batch for rows under existing parents. */
async function findDuplicates(db: Executor, ctx: ImportContext, values: DivisionImportValue[]): Promise<Array<number | null>> {
  const parentIds: Array<number | null | undefined> = [];
  for (const value of values) {
    if (value.pendingParent === null) parentIds.push(value.parentId);
    else parentIds.push((await placedByKey(db, ctx, value.pendingParent))?.id);
  }
  // (parent_id, name) pairs, so each is one probe of the unique (parent_id, name) index.
  const pairs = values.flatMap((value, index) => {
    const parentId = parentIds[index];
    return typeof parentId === 'number' ? [[parentId, value.name] as const] : [];
  });
  const found = new Map<string, number>();
  if (pairs.length > 0) {
    const rows = await db
      .selectFrom('divisions')
      .select(['id', 'parent_id', 'name'])
      .where((eb) => eb(eb.refTuple('parent_id', 'name'), 'in', pairs.map(([parentId, name]) => eb.tuple(parentId, name))))
      .execute();
    for (const row of rows) found.set(`${row.parent_id}|${row.name}`, row.id);
  }
  return Promise.all(
    values.map(async (value, index) => {
      const parentId = parentIds[index];
      if (parentId === undefined) return null; // its parent is still to be created: nothing below it yet
      if (parentId === null) return findDuplicate(db, ctx, value); // top level: rare, one query
      return found.get(`${parentId}|${value.name}`) ?? null;
    }),
  );
}

/**
 * Insert in waves: rows whose parent exists go in one multi-row statement, then their paths
 * (`/1/4/17/`, which need the new ids) are set in one more; rows whose parent is created in this
 * batch wait for the next wave.
 */
async function insert(db: Executor, ctx: ImportContext, values: DivisionImportValue[]): Promise<void> {
  const at = nowIso(ctx);
  let remaining = values;
  while (remaining.length > 0) {
    const wave: Array<{ value: DivisionImportValue; parent: Placed | null }> = [];
    const later: DivisionImportValue[] = [];
    for (const value of remaining) {
      if (value.parentId === null && value.pendingParent === null) {
        wave.push({ value, parent: null });
        continue;
      }
      const parent = value.parentId !== null ? await existing(db, ctx, value.parentId) : await placedByKey(db, ctx, value.pendingParent!);
      if (parent) wave.push({ value, parent });
      else later.push(value);
    }
    if (wave.length === 0) throw new AppError('invalid_transition', { details: { reason: 'division_parent_missing' } });
    const inserted = await db
      .insertInto('divisions')
      .values(
        wave.map(({ value, parent }) => ({
          parent_id: parent?.id ?? null,
          name: value.name,
          level: value.level,
          code: value.code,
          path: '',
          depth: parent ? parent.depth + 1 : 0,
          created_at: at,
          updated_at: at,
        })),
      )
      .returning(['id', 'parent_id', 'name'])
      .execute();
    // (parent, name) is unique, so it tells which new id belongs to which row whatever the order.
    const ids = new Map(inserted.map((row) => [`${row.parent_id ?? 'root'}|${row.name}`, row.id]));
    const placed = wave.map(({ value, parent }) => {
      const id = ids.get(`${parent?.id ?? 'root'}|${value.name}`)!;
      const node: Placed = { id, path: `${parent?.path ?? '/'}${id}/`, depth: parent ? parent.depth + 1 : 0 };
      if (value.level !== 'village') ctx.memo.set(`divisions.created:${nodeKey(value)}`, node);
      return node;
    });
    // Every parent in this wave already has its path, so one statement sets all of the wave's.
    const children = placed.filter((node) => node.depth > 0);
    if (children.length > 0) {
      await sql`update divisions set path = (select p.path from divisions p where p.id = divisions.parent_id) || divisions.id || '/'
        where id in (${sql.join(children.map((node) => node.id))})`.execute(db);
    }
    const roots = placed.filter((node) => node.depth === 0);
    if (roots.length > 0) await sql`update divisions set path = '/' || id || '/' where id in (${sql.join(roots.map((node) => node.id))})`.execute(db);
    remaining = later;
  }
}

async function update(db: Executor, ctx: ImportContext, id: number, value: DivisionImportValue): Promise<void> {
  // Only the code changes: moving a division or changing its level would break its subtree.
  if (value.code === null) return;
  await db
    .updateTable('divisions')
    .set((eb) => ({ code: value.code, version: eb('version', '+', 1), updated_at: nowIso(ctx) }))
    .where('id', '=', id)
    .execute();
}

const levelChoices = ['省', '市', '区县', '街镇', '村居'];

/** 区划导入: lets an office set up (or complete the codes of) its part of the tree from a sheet. */
export const divisionImport: ImportDefinition<DivisionImportRow, DivisionImportValue> = {
  entity: 'division',
  label: 'entities.division',
  columns: [
    {
      key: 'parent',
      header: '上级区划',
      aliases: ['上級區劃', '上级'],
      required: true,
      example: '上海市/青浦区/华新镇',
      note: '从顶级写起、用 / 分隔的名称路径；也可从本人所在区划写起，或只写在本人范围内唯一的名称。可以是本文件前面几行新建的区划。只有系统管理员可留空（新建顶级区划）。',
    },
    { key: 'name', header: '名称', aliases: ['名稱', '区划名称', '區劃名稱'], required: true, example: '华新村', note: '最多 60 字，不含 /；同一上级下不可重名。' },
    {
      key: 'level',
      header: '层级',
      aliases: ['層級', '级别'],
      required: true,
      example: '村居',
      note: '必须低于上级区划的层级。',
      choices: levelChoices,
    },
    { key: 'code', header: '区划代码', aliases: ['區劃代碼', '代码'], required: false, example: '310118102201', note: '6 到 12 位数字。重复的区划选择“更新”时，只更新区划代码。' },
  ],
  rowSchema: divisionRowSchema,
  scopeColumn: 'parent',
  authorize(actor) {
    if (!isAdmin(actor)) throw new AppError('forbidden');
  },
  resolve,
  duplicateKey: nodeKey,
  findDuplicate,
  findDuplicates,
  insert,
  update,
};
