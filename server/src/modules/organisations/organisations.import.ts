import { organisationTypes, phoneInputSchema, ymdDateSchema, type OrganisationType } from '@tongxin/core';
import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../http/context.ts';
import type { ImportContext, ImportDefinition, ResolveOutcome, RowProblem } from '../imports/import-definition.ts';
import { resolveDivision } from '../../kernel/import-helpers.ts';
import { resolveNamedCell } from './organisations.lookup.ts';
import { assertWritesRegistry } from './organisations.policy.ts';
import { parentChain } from './organisations.repo.ts';
import { insertImportedOrganisations, organisationNamesOfDivision, updateImportedOrganisation } from './registry-import.repo.ts';
import { syncSearch } from '../search/search.sync.ts';

/** The words people write in the type column (both scripts, and our codes) → type codes. */
const typeWords: Record<OrganisationType, readonly string[]> = {
  chamber: ['商会', '商會'],
  association_new_strata: ['新联会', '新聯會', '新的社会阶层人士联谊会', '新的社會階層人士聯誼會'],
  association_intellectuals: ['知联会', '知聯會', '党外知识分子联谊会', '黨外知識分子聯誼會'],
  association_hometown: ['同乡会', '同鄉會'],
  party_branch: ['党派支部', '黨派支部', '民主党派支部', '民主黨派支部'],
  community: ['社区/村居', '社區/村居', '社区', '社區', '村居', '村委会', '村委會', '居委会', '居委會'],
  new_org: ['两新组织', '兩新組織'],
  enterprise: ['企业', '企業'],
  volunteer_team: ['志愿服务队', '志願服務隊'],
  service_centre: ['服务中心', '服務中心'],
  other: ['其他'],
};
const typeByWord = new Map<string, OrganisationType>(
  organisationTypes.flatMap((code) => [[code, code] as const, ...typeWords[code].map((word) => [word, code] as const)]),
);

const text = (max: number) => z.string().trim().max(max).optional();

/**
 * A phone cell: a masked number (`138****5678`, as every export writes it) reads as an empty cell,
 * so an exported sheet can be edited and imported again without wiping the stored numbers.
 *
 * @example
 * phoneCell.parse('138****5678') // undefined
 */
export const phoneCell = z.preprocess((value) => (typeof value === 'string' && value.includes('*') ? undefined : value), phoneInputSchema.optional());

const organisationRowSchema = z.object({
  division: z.string().trim().min(1).max(300),
  name: z.string().trim().min(1).max(100),
  type: z
    .string()
    .trim()
    .refine((word) => typeByWord.has(word), { error: 'validation.organisation_type_name' })
    .transform((word) => typeByWord.get(word)!),
  parent: text(400),
  foundedOn: ymdDateSchema.optional(),
  contactName: text(40),
  contactPhone: phoneCell,
  address: text(200),
  description: text(2000),
});
export type OrganisationImportRow = z.infer<typeof organisationRowSchema>;

/** What one row writes: names turned into ids. */
export interface OrganisationImportValue {
  divisionId: number;
  name: string;
  type: OrganisationType;
  parentId: number | null;
  foundedOn: string | null;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  description: string | null;
}

type Existing = Map<string, { id: number; archived: boolean }>;

/**
 * The organisations of one division by name, loaded once per job: a 100,000-row file checks its
 * duplicates against memory instead of asking the database once per row.
 */
async function namesIn(db: Executor, ctx: ImportContext, divisionId: number): Promise<Existing> {
  const key = `organisations.names:${divisionId}`;
  const cached = ctx.memo.get(key) as Existing | undefined;
  if (cached) return cached;
  const rows = await organisationNamesOfDivision(db, divisionId);
  const names: Existing = new Map();
  for (const row of rows) {
    // An active record wins over an archived twin of the same name.
    if (!names.has(row.name) || row.archived_at === null) names.set(row.name, { id: row.id, archived: row.archived_at !== null });
  }
  ctx.memo.set(key, names);
  return names;
}

async function resolve(db: Executor, ctx: ImportContext, row: OrganisationImportRow): Promise<ResolveOutcome<OrganisationImportValue, OrganisationImportRow>> {
  const problems: Array<RowProblem<OrganisationImportRow>> = [];
  const division = await resolveDivision(db, ctx, row.division, 'division');
  if (!division.ok) problems.push(division.problem as RowProblem<OrganisationImportRow>);
  let parentId: number | null = null;
  if (row.parent) {
    const parent = await resolveNamedCell(db, ctx, 'organisations', row.parent, 'parent');
    if (parent.ok) parentId = parent.record.id;
    else problems.push(parent.problem as RowProblem<OrganisationImportRow>);
  }
  if (!division.ok || problems.length > 0) return { ok: false, problems };
  const existing = (await namesIn(db, ctx, division.division.id)).get(row.name);
  // Nothing may be written over an archived record: it is restored (or renamed) first, in the app.
  if (existing?.archived) return { ok: false, problems: [{ column: 'name', message: 'validation.archived_duplicate', params: { value: row.name } }] };
  if (existing && parentId !== null && (parentId === existing.id || (await parentChain(db, parentId)).some((up) => up.id === existing.id))) {
    return { ok: false, problems: [{ column: 'parent', message: 'validation.organisation_cycle' }] };
  }
  return {
    ok: true,
    divisionPath: division.division.path,
    value: {
      divisionId: division.division.id,
      name: row.name,
      type: row.type,
      parentId,
      foundedOn: row.foundedOn ?? null,
      contactName: row.contactName || null,
      contactPhone: row.contactPhone || null,
      address: row.address || null,
      description: row.description || null,
    },
  };
}

async function insert(db: Executor, ctx: ImportContext, values: OrganisationImportValue[]): Promise<void> {
  const at = nowIso(ctx);
  const ids = await insertImportedOrganisations(db, values, at);
  await syncSearch(db, 'organisation', ids, at);
}

/** Overwrite the type, and every other field the row fills; empty cells keep what is stored. */
async function update(db: Executor, ctx: ImportContext, id: number, value: OrganisationImportValue): Promise<void> {
  await updateImportedOrganisation(db, id, value, nowIso(ctx));
  await syncSearch(db, 'organisation', [id]);
}

/** 组织导入: an office's organisations from a sheet; duplicates are the same name in the same division. */
export const organisationImport: ImportDefinition<OrganisationImportRow, OrganisationImportValue> = {
  entity: 'organisation',
  label: 'entities.organisation',
  columns: [
    { key: 'division', header: '所属区划', aliases: ['所屬區劃', '区划', '區劃'], required: true, example: '上海市/青浦区/华新镇', note: '从顶级写起、用 / 分隔的名称路径，或在您范围内唯一的区划名称。' },
    { key: 'name', header: '名称', aliases: ['名稱', '组织名称', '組織名稱', '单位名称', '單位名稱'], required: true, example: '华新镇商会', note: '最多 100 字；同一区划下名称相同即视为重复。' },
    { key: 'type', header: '类型', aliases: ['類型', '组织类型', '組織類型'], required: true, example: '商会', note: '从下拉列表中选择。', choices: organisationTypes.map((code) => typeWords[code][0]!) },
    { key: 'parent', header: '上级组织', aliases: ['上級組織'], required: false, example: '', note: '已有组织的名称；重名时在前面写上区划，如 上海市/青浦区/华新镇/华新镇商会。' },
    { key: 'foundedOn', header: '成立日期', required: false, example: '2003-06-18', note: '日期，如 2003-06-18。' },
    { key: 'contactName', header: '联系人', aliases: ['聯絡人'], required: false, example: '许志明', note: '最多 40 字。' },
    { key: 'contactPhone', header: '联系电话', aliases: ['聯絡電話', '电话', '電話'], required: false, example: '13900009001', note: '手机或座机号码；列表和导出中只显示部分号码。' },
    { key: 'address', header: '地址', required: false, example: '上海市青浦区华新镇华腾路 1288 号', note: '最多 200 字。' },
    { key: 'description', header: '简介', aliases: ['簡介', '备注', '備註'], required: false, example: '', note: '最多 2000 字。重复的组织选择“更新”时，空单元格保留原有内容。' },
  ],
  rowSchema: organisationRowSchema,
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
