import { resourceKinds, type ResourceKind } from '@tongxin/core';
import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { nowIso } from '../../http/context.ts';
import type { ImportContext, ImportDefinition, ResolveOutcome, RowProblem } from '../imports/import-definition.ts';
import { resolveDivision } from '../../kernel/import-helpers.ts';
import { phoneCell } from '../organisations/organisations.import.ts';
import { resolveNamedCell } from '../organisations/index.ts';
import { listServiceKinds } from '../service-kinds/index.ts';
import { codeFromSheet, sheetChoices } from '../../kernel/sheet-labels.ts';
import { can } from './resources.policy.ts';
import {
  findResourceByName,
  findResourcesByNames,
  insertResources,
  insertResourceServices,
  patchResourceFromSheet,
  replaceResourceServices,
  type ResourceValues,
} from './resources.repo.ts';

const text = (max: number) => z.string().trim().max(max).optional();

/** `法律咨询、政策解读` — people separate with 、 , ， ; ； or a line break. */
const serviceNames = (cell: string) =>
  cell
    .split(/[、,，;；\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

const resourceRowSchema = z.object({
  division: z.string().trim().min(1).max(300),
  name: z.string().trim().min(1).max(100),
  kind: z
    .string()
    .refine((cell) => codeFromSheet('resourceKinds', resourceKinds, cell) !== undefined, { error: 'resourceImport.kind' })
    .transform((cell) => codeFromSheet('resourceKinds', resourceKinds, cell)!),
  services: z.string().max(1000).optional(),
  organisation: text(400),
  person: text(400),
  contactPhone: phoneCell,
  description: text(2000),
});
export type ResourceImportRow = z.infer<typeof resourceRowSchema>;

/** What one row writes. Empty optional cells are null: kept as stored when the row updates. */
export interface ResourceImportValue extends ResourceValues {
  /** null: the cell was empty (an update keeps the services; an insert has none). */
  serviceKindIds: number[] | null;
}

/** Live service kinds by name and by code, loaded once per job. */
async function serviceKindsByWord(db: Executor, ctx: ImportContext): Promise<Map<string, number>> {
  const cached = ctx.memo.get('resources.serviceKinds') as Map<string, number> | undefined;
  if (cached) return cached;
  const kinds = await listServiceKinds(db, { archived: 'false', scopePath: ctx.actor.scopePath });
  const words = new Map<string, number>(kinds.flatMap((kind) => [[kind.name, kind.id] as const, [kind.code, kind.id] as const]));
  ctx.memo.set('resources.serviceKinds', words);
  return words;
}

async function resolve(db: Executor, ctx: ImportContext, row: ResourceImportRow): Promise<ResolveOutcome<ResourceImportValue, ResourceImportRow>> {
  const problems: Array<RowProblem<ResourceImportRow>> = [];
  const division = await resolveDivision(db, ctx, row.division, 'division');
  if (!division.ok) problems.push(division.problem as RowProblem<ResourceImportRow>);
  let organisationId: number | null = null;
  if (row.organisation) {
    const found = await resolveNamedCell(db, ctx, 'organisations', row.organisation, 'organisation');
    if (found.ok) organisationId = found.record.id;
    else problems.push(found.problem as RowProblem<ResourceImportRow>);
  }
  let personId: number | null = null;
  if (row.person) {
    const found = await resolveNamedCell(db, ctx, 'people', row.person, 'person');
    if (found.ok) personId = found.record.id;
    else problems.push(found.problem as RowProblem<ResourceImportRow>);
  }
  let serviceKindIds: number[] | null = null;
  if (row.services) {
    const words = await serviceKindsByWord(db, ctx);
    const names = serviceNames(row.services);
    const unknown = names.filter((name) => !words.has(name));
    if (unknown.length > 0) problems.push({ column: 'services', message: 'resourceImport.service_not_found', params: { value: unknown.join('、') } });
    serviceKindIds = [...new Set(names.map((name) => words.get(name)).filter((id): id is number => id !== undefined))];
  }
  if (!division.ok || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    divisionPath: division.division.path,
    value: {
      divisionId: division.division.id,
      kind: row.kind as ResourceKind,
      name: row.name,
      organisationId,
      personId,
      contactPhone: row.contactPhone || null,
      description: row.description || null,
      serviceKindIds,
    },
  };
}

/** 资源导入: resources and the services they offer; duplicates are the same name in the same division. */
export const resourceImport: ImportDefinition<ResourceImportRow, ResourceImportValue> = {
  entity: 'resource',
  label: 'entities.resource',
  columns: [
    { key: 'division', header: '所属区划', aliases: ['所屬區劃', '区划', '區劃'], required: true, example: '上海市/金山区', note: '从顶级写起、用 / 分隔的名称路径，或在您范围内唯一的区划名称。' },
    { key: 'name', header: '名称', aliases: ['名稱', '资源名称', '資源名稱'], required: true, example: '律师志愿服务团', note: '最多 100 字；同一区划下名称相同即视为重复。' },
    { key: 'kind', header: '类别', aliases: ['類別', '资源类别', '資源類別'], required: true, example: '团队', note: '从下拉列表中选择。', choices: sheetChoices('resourceKinds', resourceKinds).split('、') },
    { key: 'services', header: '提供服务', aliases: ['提供服務', '服务类别', '服務類別'], required: false, example: '法律咨询、政策解读', note: '服务类别的名称，多个用顿号（、）分隔；须是系统中已有的服务类别。' },
    { key: 'organisation', header: '所属组织', aliases: ['所屬組織'], required: false, example: '', note: '已有组织的名称；重名时在前面写上区划。' },
    { key: 'person', header: '联系人', aliases: ['聯絡人'], required: false, example: '', note: '已有人员的姓名；重名时在前面写上区划，如 华新镇/王建华。' },
    { key: 'contactPhone', header: '联系电话', aliases: ['聯絡電話', '电话', '電話'], required: false, example: '021-57921234', note: '手机或座机号码；列表和导出中只显示部分号码（带 * 的号码导入时视为未填）。' },
    { key: 'description', header: '简介', aliases: ['簡介', '备注', '備註'], required: false, example: '', note: '最多 2000 字。重复的资源选择“更新”时，空单元格保留原有内容。' },
  ],
  rowSchema: resourceRowSchema,
  scopeColumn: 'division',
  authorize(actor) {
    if (!can({ ...actor, scopePath: null }, 'create', { divisionPath: '/' })) throw new AppError('forbidden');
  },
  resolve,
  duplicateKey: (value) => `${value.divisionId}|${value.name}`,
  async findDuplicate(db, _ctx, value) {
    return (await findResourceByName(db, value.divisionId, value.name))?.id ?? null;
  },
  async findDuplicates(db, _ctx, values) {
    const found = await findResourcesByNames(db, values);
    return values.map((value) => found.get(`${value.divisionId}|${value.name}`) ?? null);
  },
  async insert(db, ctx, values) {
    const ids = await insertResources(db, values, nowIso(ctx));
    await insertResourceServices(db, values.flatMap((value, index) => (value.serviceKindIds ?? []).map((serviceKindId) => ({ resourceId: ids[index]!, serviceKindId }))));
  },
  async update(db, ctx, id, value) {
    await patchResourceFromSheet(db, id, value, nowIso(ctx));
    if (value.serviceKindIds !== null) await replaceResourceServices(db, id, value.serviceKindIds);
  },
};
