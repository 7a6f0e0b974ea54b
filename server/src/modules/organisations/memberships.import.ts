import { membershipRoles, shanghaiToday, ymdDateSchema, type MembershipRole } from '@tongxin/core';
import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../http/context.ts';
import type { ImportContext, ImportDefinition, ResolveOutcome, RowProblem } from '../imports/import-definition.ts';
import { currentMembershipsOf, insertImportedMemberships, updateImportedMembership } from './registry-import.repo.ts';
import { resolveNamedCell, type NamedRecord } from './organisations.lookup.ts';
import { assertWritesRegistry } from './organisations.policy.ts';

const roleWords: Record<MembershipRole, readonly string[]> = {
  member: ['会员', '會員', '成员', '成員'],
  council: ['理事', '理事单位', '理事單位'],
  vice_president: ['副会长', '副會長'],
  president: ['会长', '會長'],
  secretary_general: ['秘书长', '秘書長'],
};
const roleByWord = new Map<string, MembershipRole>(membershipRoles.flatMap((code) => [[code, code] as const, ...roleWords[code].map((word) => [word, code] as const)]));

const kindByWord = new Map<string, 'organisation' | 'person'>([
  ['单位', 'organisation'], ['單位', 'organisation'], ['组织', 'organisation'], ['組織', 'organisation'], ['organisation', 'organisation'],
  ['个人', 'person'], ['個人', 'person'], ['人员', 'person'], ['人員', 'person'], ['person', 'person'],
]);

const membershipRowSchema = z
  .object({
    organisation: z.string().trim().min(1).max(400),
    member: z.string().trim().min(1).max(400),
    kind: z
      .string()
      .trim()
      .refine((word) => kindByWord.has(word), { error: 'validation.member_kind_name' })
      .transform((word) => kindByWord.get(word)!)
      .optional(),
    role: z
      .string()
      .trim()
      .refine((word) => roleByWord.has(word), { error: 'validation.membership_role_name' })
      .transform((word) => roleByWord.get(word)!),
    since: ymdDateSchema.optional(),
    until: ymdDateSchema.optional(),
  })
  .superRefine((row, ctx) => {
    if (row.since && row.until && row.until < row.since) ctx.addIssue({ code: 'custom', path: ['until'], message: 'validation.until_before_since' });
  });
export type MembershipImportRow = z.infer<typeof membershipRowSchema>;

export interface MembershipImportValue {
  organisationId: number;
  memberOrganisationId: number | null;
  memberPersonId: number | null;
  role: MembershipRole;
  since: string | null;
  until: string | null;
}

type Problem = RowProblem<MembershipImportRow>;

/** The member cell: an organisation or a person, told apart by the kind column or by which one exists. */
async function resolveMember(db: Executor, ctx: ImportContext, row: MembershipImportRow): Promise<{ kind: 'organisation' | 'person'; record: NamedRecord } | Problem> {
  const asOrganisation = row.kind !== 'person' ? await resolveNamedCell(db, ctx, 'organisations', row.member, 'member') : null;
  const asPerson = row.kind !== 'organisation' ? await resolveNamedCell(db, ctx, 'people', row.member, 'member') : null;
  if (asOrganisation?.ok && asPerson?.ok) return { column: 'member', message: 'validation.member_ambiguous', params: { value: row.member } };
  if (asOrganisation?.ok) return { kind: 'organisation', record: asOrganisation.record };
  if (asPerson?.ok) return { kind: 'person', record: asPerson.record };
  if (row.kind === 'organisation') return asOrganisation!.problem as Problem;
  if (row.kind === 'person') return asPerson!.problem as Problem;
  // Neither found: say why when one of them is ambiguous or archived, else "no such member".
  const telling = [asOrganisation, asPerson].find((outcome) => outcome && !outcome.ok && !outcome.problem.message.endsWith('_not_found'));
  if (telling && !telling.ok) return telling.problem as Problem;
  return { column: 'member', message: 'validation.member_not_found', params: { value: row.member } };
}

async function resolve(db: Executor, ctx: ImportContext, row: MembershipImportRow): Promise<ResolveOutcome<MembershipImportValue, MembershipImportRow>> {
  const organisation = await resolveNamedCell(db, ctx, 'organisations', row.organisation, 'organisation');
  const member = await resolveMember(db, ctx, row);
  const problems: Problem[] = [];
  if (!organisation.ok) problems.push(organisation.problem as Problem);
  if ('message' in member) problems.push(member);
  if (!organisation.ok || 'message' in member) return { ok: false, problems };
  if (member.kind === 'organisation' && member.record.id === organisation.record.id) {
    return { ok: false, problems: [{ column: 'member', message: 'validation.membership_self' }] };
  }
  return {
    ok: true,
    // The organisation decides the scope; its members were looked up inside the actor's subtree.
    divisionPath: organisation.record.divisionPath,
    value: {
      organisationId: organisation.record.id,
      memberOrganisationId: member.kind === 'organisation' ? member.record.id : null,
      memberPersonId: member.kind === 'person' ? member.record.id : null,
      role: row.role,
      since: row.since ?? null,
      until: row.until ?? null,
    },
  };
}

const memberKey = (value: { memberOrganisationId: number | null; memberPersonId: number | null }) =>
  value.memberOrganisationId !== null ? `o${value.memberOrganisationId}` : `p${value.memberPersonId}`;

/** Current memberships of one organisation by member, loaded once per job. */
async function currentOf(db: Executor, ctx: ImportContext, organisationId: number): Promise<Map<string, number>> {
  const key = `memberships.current:${organisationId}`;
  const cached = ctx.memo.get(key) as Map<string, number> | undefined;
  if (cached) return cached;
  const rows = await currentMembershipsOf(db, organisationId, shanghaiToday(ctx.clock.now()));
  const current = new Map(rows.map((row) => [memberKey({ memberOrganisationId: row.member_organisation_id, memberPersonId: row.member_person_id }), row.id]));
  ctx.memo.set(key, current);
  return current;
}

async function insert(db: Executor, ctx: ImportContext, values: MembershipImportValue[]): Promise<void> {
  await insertImportedMemberships(db, values, nowIso(ctx));
}

/** A current membership of the same member: the role changes, and the dates the row gives. */
async function update(db: Executor, ctx: ImportContext, id: number, value: MembershipImportValue): Promise<void> {
  await updateImportedMembership(db, id, value, nowIso(ctx));
}

/** 成员导入: who belongs to which organisation, in which role. A duplicate is a current membership of the same member. */
export const membershipImport: ImportDefinition<MembershipImportRow, MembershipImportValue> = {
  entity: 'membership',
  label: 'entities.membership',
  columns: [
    { key: 'organisation', header: '组织', aliases: ['組織', '组织名称', '組織名稱'], required: true, example: '华新镇商会', note: '已有组织的名称；重名时在前面写上区划，如 上海市/青浦区/华新镇/华新镇商会。' },
    { key: 'member', header: '成员', aliases: ['成員', '成员名称', '成員名稱'], required: true, example: '上海华新恒通机械有限公司', note: '已有组织或人员的名称（须在您的范围内）；重名时在前面写上区划。' },
    { key: 'kind', header: '成员类别', aliases: ['成員類別'], required: false, example: '单位', note: '单位 或 个人；留空时按名称自动判断。', choices: ['单位', '个人'] },
    { key: 'role', header: '职务角色', aliases: ['職務角色', '角色', '职务', '職務'], required: true, example: '理事', note: '从下拉列表中选择。', choices: membershipRoles.map((code) => roleWords[code][0]!) },
    { key: 'since', header: '起始日期', aliases: ['起始日期'], required: false, example: '2020-01-01', note: '日期，如 2020-01-01。' },
    { key: 'until', header: '结束日期', aliases: ['結束日期'], required: false, example: '', note: '不早于起始日期；在任的成员留空。' },
  ],
  rowSchema: membershipRowSchema,
  scopeColumn: 'organisation',
  authorize: assertWritesRegistry,
  resolve,
  duplicateKey: (value) => `${value.organisationId}|${memberKey(value)}`,
  async findDuplicate(db, ctx, value) {
    return (await currentOf(db, ctx, value.organisationId)).get(memberKey(value)) ?? null;
  },
  insert,
  update,
};
