import { isMobilePhone, venueLevels, venueTypes, type VenueLevel, type VenueType } from '@tongxin/core';
import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { nowIso } from '../../http/context.ts';
import { findBrandsNamed } from '../brands/index.ts';
import type { ImportContext, ImportDefinition, ResolveOutcome, RowProblem } from '../imports/import-definition.ts';
import { resolveDivision } from '../../kernel/import-helpers.ts';
import { resolveNamedCell } from '../organisations/index.ts';
import { phoneCell } from '../organisations/organisations.import.ts';
import { can } from './venues.policy.ts';
import { codeFromSheet, sheetChoices } from './sheet-labels.ts';
import { findVenueByName, findVenuesByNames, insertVenues, patchVenueFromSheet, type VenueValues } from './venues.repo.ts';
import { syncSearch } from '../search/search.sync.ts';

const text = (max: number) => z.string().trim().max(max).optional();
const yes = new Set(['是', '公开', '公開', 'y', 'yes', 'true', '1']);
const no = new Set(['否', '不公开', '不公開', 'n', 'no', 'false', '0']);

const venueRowSchema = z.object({
  division: z.string().trim().min(1).max(300),
  name: z.string().trim().min(1).max(100),
  type: z
    .string()
    .refine((cell) => codeFromSheet('venueTypes', venueTypes, cell) !== undefined, { error: 'venueImport.type' })
    .transform((cell) => codeFromSheet('venueTypes', venueTypes, cell)!),
  level: z
    .string()
    .refine((cell) => codeFromSheet('venueLevels', venueLevels, cell) !== undefined, { error: 'venueImport.level' })
    .transform((cell) => codeFromSheet('venueLevels', venueLevels, cell)!),
  // `4`, `4星`, `★★★★` all read as four stars.
  stars: z
    .string()
    .trim()
    .transform((cell) => (/^★{1,5}$/.test(cell) ? String(cell.length) : cell.replace(/\s*(星级|星級|星)$/, '')))
    .refine((cell) => /^[1-5]$/.test(cell), { error: 'venueImport.stars' })
    .transform(Number)
    .optional(),
  address: text(200),
  hotline: phoneCell,
  openingHours: text(100),
  owner: text(400),
  brand: text(400),
  isPublic: z
    .string()
    .trim()
    .refine((cell) => yes.has(cell.toLowerCase()) || no.has(cell.toLowerCase()), { error: 'venueImport.public' })
    .transform((cell) => yes.has(cell.toLowerCase()))
    .optional(),
  description: text(2000),
});
export type VenueImportRow = z.infer<typeof venueRowSchema>;

/** What one row writes. Optional cells left empty are null: kept as stored when the row updates. */
export interface VenueImportValue extends Omit<VenueValues, 'isPublic' | 'starRating'> {
  starRating: number | null;
  isPublic: boolean | null;
}

type FoundBrand = { id: number; archived: boolean } | null | 'ambiguous';

/** A brand named in a cell: unique by name in the actor's subtree (live ones first), memoised per job. */
async function resolveBrand(db: Executor, ctx: ImportContext, cell: string): Promise<{ ok: true; id: number } | { ok: false; problem: RowProblem<VenueImportRow> }> {
  const name = cell.trim();
  const memoKey = `venues.brand:${name}`;
  let found = ctx.memo.get(memoKey) as FoundBrand | undefined;
  if (found === undefined) {
    const rows = await findBrandsNamed(db, name, ctx.actor.scopePath);
    const live = rows.filter((row) => row.archived_at === null);
    const pick = live.length > 0 ? live : rows;
    found = pick.length > 1 ? 'ambiguous' : pick[0] ? { id: pick[0].id, archived: pick[0].archived_at !== null } : null;
    ctx.memo.set(memoKey, found);
  }
  if (found === 'ambiguous') return { ok: false, problem: { column: 'brand', message: 'venueImport.brand_ambiguous', params: { value: name } } };
  if (found === null) return { ok: false, problem: { column: 'brand', message: 'venueImport.brand_not_found', params: { value: name } } };
  if (found.archived) return { ok: false, problem: { column: 'brand', message: 'validation.archived_reference' } };
  return { ok: true, id: found.id };
}

async function resolve(db: Executor, ctx: ImportContext, row: VenueImportRow): Promise<ResolveOutcome<VenueImportValue, VenueImportRow>> {
  const problems: Array<RowProblem<VenueImportRow>> = [];
  const division = await resolveDivision(db, ctx, row.division, 'division');
  if (!division.ok) problems.push(division.problem as RowProblem<VenueImportRow>);
  let ownerOrganisationId: number | null = null;
  if (row.owner) {
    const owner = await resolveNamedCell(db, ctx, 'organisations', row.owner, 'owner');
    if (owner.ok) ownerOrganisationId = owner.record.id;
    else problems.push(owner.problem as RowProblem<VenueImportRow>);
  }
  let brandId: number | null = null;
  if (row.brand) {
    const brand = await resolveBrand(db, ctx, row.brand);
    if (brand.ok) brandId = brand.id;
    else problems.push(brand.problem);
  }
  // The guide is read by anyone: a public venue never publishes somebody's mobile.
  if (row.isPublic && row.hotline && isMobilePhone(row.hotline)) problems.push({ column: 'hotline', message: 'validation.public_hotline_mobile' });
  if (!division.ok || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    divisionPath: division.division.path,
    value: {
      divisionId: division.division.id,
      name: row.name,
      type: row.type as VenueType,
      level: row.level as VenueLevel,
      starRating: row.stars ?? null,
      address: row.address || null,
      hotline: row.hotline || null,
      openingHours: row.openingHours || null,
      ownerOrganisationId,
      brandId,
      isPublic: row.isPublic ?? null,
      description: row.description || null,
    },
  };
}

/** 阵地导入: an office's venues from a sheet; duplicates are the same name in the same division. */
export const venueImport: ImportDefinition<VenueImportRow, VenueImportValue> = {
  entity: 'venue',
  label: 'entities.venue',
  columns: [
    { key: 'division', header: '所属区划', aliases: ['所屬區劃', '区划', '區劃'], required: true, example: '上海市/青浦区/华新镇', note: '从顶级写起、用 / 分隔的名称路径，或在您范围内唯一的区划名称。' },
    { key: 'name', header: '名称', aliases: ['名稱', '阵地名称', '陣地名稱'], required: true, example: '商会之家', note: '最多 100 字；同一区划下名称相同即视为重复。' },
    { key: 'type', header: '类型', aliases: ['類型', '阵地类型', '陣地類型'], required: true, example: '商会之家', note: '从下拉列表中选择。', choices: sheetChoices('venueTypes', venueTypes).split('、') },
    { key: 'level', header: '级别', aliases: ['級別'], required: true, example: '街镇级', note: '从下拉列表中选择。', choices: sheetChoices('venueLevels', venueLevels).split('、') },
    { key: 'stars', header: '星级', aliases: ['星級'], required: false, example: '4', note: '1 到 5 的整数；未评星留空。' },
    { key: 'address', header: '地址', required: false, example: '上海市青浦区华新镇华腾路 1288 号', note: '最多 200 字。' },
    { key: 'hotline', header: '服务热线', aliases: ['服務熱線', '热线', '熱線', '电话', '電話'], required: false, example: '021-59781234', note: '座机或服务电话；公开的阵地不能填手机号码。' },
    { key: 'openingHours', header: '开放时间', aliases: ['開放時間'], required: false, example: '周一至周五 9:00-17:00', note: '最多 100 字。' },
    { key: 'owner', header: '所属组织', aliases: ['所屬組織'], required: false, example: '华新镇商会', note: '已有组织的名称；重名时在前面写上区划，如 上海市/青浦区/华新镇/华新镇商会。' },
    { key: 'brand', header: '品牌', required: false, example: '', note: '已有品牌的名称。' },
    { key: 'isPublic', header: '是否公开', aliases: ['是否公開', '公开', '公開'], required: false, example: '是', note: '“是”则在服务指南中公开（名称、地址、热线、开放时间）。', choices: ['是', '否'] },
    { key: 'description', header: '简介', aliases: ['簡介', '备注', '備註'], required: false, example: '', note: '最多 2000 字。重复的阵地选择“更新”时，空单元格保留原有内容。' },
  ],
  rowSchema: venueRowSchema,
  scopeColumn: 'division',
  authorize(actor) {
    // Writing any venue needs the registry right; where each row goes is checked per row.
    if (!can({ ...actor, scopePath: null }, 'create', { divisionPath: '/' })) throw new AppError('forbidden');
  },
  resolve,
  duplicateKey: (value) => `${value.divisionId}|${value.name}`,
  async findDuplicate(db, _ctx, value) {
    return (await findVenueByName(db, value.divisionId, value.name))?.id ?? null;
  },
  async findDuplicates(db, _ctx, values) {
    const found = await findVenuesByNames(db, values);
    return values.map((value) => found.get(`${value.divisionId}|${value.name}`) ?? null);
  },
  async insert(db, ctx, values) {
    await syncSearch(db, 'venue', await insertVenues(db, values.map((value) => ({ ...value, isPublic: value.isPublic ?? false })), nowIso(ctx)));
  },
  async update(db, ctx, id, value) {
    await patchVenueFromSheet(db, id, value, nowIso(ctx));
    await syncSearch(db, 'venue', [id]);
  },
};
