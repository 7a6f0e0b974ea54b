import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../http/context.ts';
import type { ImportContext, ImportDefinition, ResolveOutcome, RowProblem } from '../imports/import-definition.ts';
import { resolveDivision } from '../../kernel/import-helpers.ts';
import { phoneCell } from '../organisations/organisations.import.ts';
import { resolveNamedCell } from '../organisations/index.ts';
import { assertWritesRegistry } from '../organisations/organisations.policy.ts';
import { syncSearch } from '../search/search.sync.ts';

/**
 * Only name, phone, organisation and position: a sheet with columns for ID-card numbers,
 * ethnicity, religion or political affiliation has those columns ignored, never stored.
 */
const personRowSchema = z.object({
  division: z.string().trim().min(1).max(300),
  name: z.string().trim().min(1).max(40),
  phone: phoneCell,
  organisation: z.string().trim().max(400).optional(),
  position: z.string().trim().max(60).optional(),
});
export type PersonImportRow = z.infer<typeof personRowSchema>;

export interface PersonImportValue {
  divisionId: number;
  name: string;
  phone: string | null;
  organisationId: number | null;
  position: string | null;
}

type Existing = Map<string, { id: number; archived: boolean }>;

/** People of one division by name, loaded once per job (the first active one of a shared name). */
async function namesIn(db: Executor, ctx: ImportContext, divisionId: number): Promise<Existing> {
  const key = `people.names:${divisionId}`;
  const cached = ctx.memo.get(key) as Existing | undefined;
  if (cached) return cached;
  const rows = await db.selectFrom('people').select(['id', 'name', 'archived_at']).where('division_id', '=', divisionId).orderBy('id').execute();
  const names: Existing = new Map();
  for (const row of rows) {
    const known = names.get(row.name);
    if (!known || (known.archived && row.archived_at === null)) names.set(row.name, { id: row.id, archived: row.archived_at !== null });
  }
  ctx.memo.set(key, names);
  return names;
}

async function resolve(db: Executor, ctx: ImportContext, row: PersonImportRow): Promise<ResolveOutcome<PersonImportValue, PersonImportRow>> {
  const problems: Array<RowProblem<PersonImportRow>> = [];
  const division = await resolveDivision(db, ctx, row.division, 'division');
  if (!division.ok) problems.push(division.problem as RowProblem<PersonImportRow>);
  let organisationId: number | null = null;
  if (row.organisation) {
    const organisation = await resolveNamedCell(db, ctx, 'organisations', row.organisation, 'organisation');
    if (organisation.ok) organisationId = organisation.record.id;
    else problems.push(organisation.problem as RowProblem<PersonImportRow>);
  }
  if (!division.ok || problems.length > 0) return { ok: false, problems };
  const existing = (await namesIn(db, ctx, division.division.id)).get(row.name);
  if (existing?.archived) return { ok: false, problems: [{ column: 'name', message: 'validation.archived_duplicate', params: { value: row.name } }] };
  return {
    ok: true,
    divisionPath: division.division.path,
    value: { divisionId: division.division.id, name: row.name, phone: row.phone ?? null, organisationId, position: row.position || null },
  };
}

async function insert(db: Executor, ctx: ImportContext, values: PersonImportValue[]): Promise<void> {
  const at = nowIso(ctx);
  await db
    .insertInto('people')
    .values(
      values.map((value) => ({
        division_id: value.divisionId,
        name: value.name,
        phone: value.phone,
        organisation_id: value.organisationId,
        position: value.position,
        created_at: at,
        updated_at: at,
      })),
    )
    .returning('id')
    .execute()
    .then((rows) => syncSearch(db, 'person', rows.map((row) => row.id), at));
}

/** Overwrite what the row fills; empty cells keep what is stored. */
async function update(db: Executor, ctx: ImportContext, id: number, value: PersonImportValue): Promise<void> {
  await db
    .updateTable('people')
    .set((eb) => ({
      ...(value.phone !== null ? { phone: value.phone } : {}),
      ...(value.organisationId !== null ? { organisation_id: value.organisationId } : {}),
      ...(value.position !== null ? { position: value.position } : {}),
      version: eb('version', '+', 1),
      updated_at: nowIso(ctx),
    }))
    .where('id', '=', id)
    .execute();
  await syncSearch(db, 'person', [id]);
}

/** 人员导入: liaison officers, members and contacts; duplicates are the same name in the same division. */
export const personImport: ImportDefinition<PersonImportRow, PersonImportValue> = {
  entity: 'person',
  label: 'entities.person',
  columns: [
    { key: 'division', header: '所属区划', aliases: ['所屬區劃', '区划', '區劃'], required: true, example: '上海市/青浦区/赵巷镇/赵巷村', note: '从顶级写起、用 / 分隔的名称路径，或在您范围内唯一的区划名称。' },
    { key: 'name', header: '姓名', aliases: ['名称', '名稱'], required: true, example: '王建华', note: '最多 40 字；同一区划下姓名相同即视为重复。' },
    { key: 'phone', header: '电话', aliases: ['電話', '手机', '手機', '联系电话', '聯絡電話'], required: false, example: '13900000001', note: '手机或座机号码；列表和导出中只显示部分号码，查看完整号码会留痕。' },
    { key: 'organisation', header: '所在组织', aliases: ['所在組織', '单位', '單位', '工作单位', '工作單位'], required: false, example: '赵巷村村民委员会', note: '已有组织的名称；重名时在前面写上区划。' },
    { key: 'position', header: '职务', aliases: ['職務'], required: false, example: '联络员', note: '最多 60 字。本表不收集身份证号、民族、宗教、政治面貌等信息。' },
  ],
  rowSchema: personRowSchema,
  scopeColumn: 'division',
  authorize: assertWritesRegistry,
  resolve,
  duplicateKey: (value) => `${value.divisionId}|${value.name}`,
  async findDuplicate(db, ctx, value) {
    const existing = (await namesIn(db, ctx, value.divisionId)).get(value.name);
    return existing && !existing.archived ? existing.id : null;
  },
  insert,
  update,
};
