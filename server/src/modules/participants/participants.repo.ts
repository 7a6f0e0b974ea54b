import type { Executor } from '../../db/database.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

/*
 * Participants' tables: invitations, one-time sign-in codes, profile proposals, and the binding of
 * a participant to the organisation they act for (`organisation_handlers`, the same table the
 * needs and cases modules read to decide who acts for an organisation).
 */

export interface InvitationRow {
  id: number;
  organisation_id: number;
  division_id: number;
  role: string;
  display_name: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

const invitationColumns = ['id', 'organisation_id', 'division_id', 'role', 'display_name', 'expires_at', 'used_at', 'created_at'] as const;

export async function insertInvitation(
  db: Executor,
  values: { organisationId: number; divisionId: number; role: string; displayName: string | null; tokenHash: string; expiresAt: string; createdBy: number; at: string },
): Promise<InvitationRow> {
  return db
    .insertInto('participant_invitations')
    .values({
      organisation_id: values.organisationId,
      division_id: values.divisionId,
      role: values.role,
      display_name: values.displayName,
      token_hash: values.tokenHash,
      expires_at: values.expiresAt,
      created_by: values.createdBy,
      created_at: values.at,
    })
    .returning(invitationColumns)
    .executeTakeFirstOrThrow();
}

export async function invitationsOf(db: Executor, organisationId: number): Promise<InvitationRow[]> {
  return db.selectFrom('participant_invitations').select(invitationColumns).where('organisation_id', '=', organisationId).orderBy('id', 'desc').execute();
}

export async function findInvitationByHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom('participant_invitations as i')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .select(['i.id', 'i.organisation_id', 'i.division_id', 'i.role', 'i.display_name', 'i.expires_at', 'i.used_at', 'o.name as organisation_name', 'o.archived_at'])
    .where('i.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Mark used only if still unused: of two acceptances racing, exactly one wins. */
export async function useInvitation(db: Executor, id: number, userId: number, at: string): Promise<boolean> {
  const result = await db.updateTable('participant_invitations').set({ used_at: at, used_by: userId }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/* ---------- one-time codes ---------- */

export async function insertCode(db: Executor, values: { phoneHash: string; codeHash: string; expiresAt: string; at: string }): Promise<void> {
  await db.insertInto('participant_codes').values({ phone_hash: values.phoneHash, code_hash: values.codeHash, expires_at: values.expiresAt, created_at: values.at }).execute();
}

/** The newest live code of a phone (a new code replaces the older ones). */
export async function latestLiveCode(db: Executor, phoneHash: string, now: string) {
  return db
    .selectFrom('participant_codes')
    .select(['id', 'code_hash', 'attempts'])
    .where('phone_hash', '=', phoneHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function countCodeAttempt(db: Executor, id: number): Promise<void> {
  await db.updateTable('participant_codes').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', id).execute();
}

/** A code works once: only the caller that flips `used_at` gets true. */
export async function consumeCode(db: Executor, id: number, at: string): Promise<boolean> {
  const result = await db.updateTable('participant_codes').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/* ---------- accounts ---------- */

/** A participant's user row by phone (their username is the phone number). */
export async function findUserByPhoneName(db: Executor, phone: string) {
  return db.selectFrom('users').select(['id', 'username', 'display_name', 'division_id', 'roles', 'locale', 'disabled', 'locked_at']).where('username', '=', phone).executeTakeFirst();
}

export async function bindToOrganisation(db: Executor, organisationId: number, userId: number, at: string): Promise<void> {
  const present = await db.selectFrom('organisation_handlers').select('user_id').where('organisation_id', '=', organisationId).where('user_id', '=', userId).executeTakeFirst();
  if (!present) await db.insertInto('organisation_handlers').values({ organisation_id: organisationId, user_id: userId, created_at: at }).execute();
}

/** Every organisation a user acts for. */
export async function organisationIdsOfUser(db: Executor, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('organisation_handlers').select('organisation_id').where('user_id', '=', userId).execute();
  return rows.map((row) => row.organisation_id);
}

/** The organisation a participant acts for (the first bound, by id), with its division path. */
export async function organisationOfUser(db: Executor, userId: number) {
  return db
    .selectFrom('organisation_handlers as h')
    .innerJoin('organisations as o', 'o.id', 'h.organisation_id')
    .innerJoin('divisions as d', 'd.id', 'o.division_id')
    .select(['o.id', 'o.name', 'o.division_id', 'd.path', 'o.contact_name', 'o.contact_phone', 'o.address', 'o.description', 'o.version', 'o.archived_at'])
    .where('h.user_id', '=', userId)
    .orderBy('o.id')
    .limit(1)
    .executeTakeFirst();
}

export async function userPhone(db: Executor, userId: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('phone').where('id', '=', userId).executeTakeFirst();
  return row?.phone ?? null;
}

/* ---------- profile proposals ---------- */

export async function insertProposal(db: Executor, values: { organisationId: number; divisionId: number; changes: string; proposedBy: number; at: string }): Promise<number> {
  const row = await db
    .insertInto('profile_proposals')
    .values({
      organisation_id: values.organisationId,
      division_id: values.divisionId,
      status: 'pending',
      changes: values.changes,
      proposed_by: values.proposedBy,
      created_at: values.at,
      updated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function proposalQuery(db: Executor) {
  return db
    .selectFrom('profile_proposals as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .innerJoin('divisions as d', 'd.id', 'p.division_id')
    .innerJoin('users as u', 'u.id', 'p.proposed_by')
    .leftJoin('users as x', 'x.id', 'p.decided_by')
    .select([
      'p.id',
      'p.organisation_id',
      'p.division_id',
      'p.status',
      'p.changes',
      'p.decided_at',
      'p.note',
      'p.version',
      'p.created_at',
      'd.path as division_path',
      'o.name as organisation_name',
      'o.contact_name',
      'o.contact_phone',
      'o.address',
      'o.description',
      'o.version as organisation_version',
      'u.display_name as proposed_by_name',
      'x.display_name as decided_by_name',
    ]);
}
export type ProposalRow = NonNullable<Awaited<ReturnType<typeof findProposal>>>;

export async function findProposal(db: Executor, id: number) {
  return proposalQuery(db).where('p.id', '=', id).executeTakeFirst();
}

/** Proposals of organisations in the office's subtree, newest first. */
export async function proposalsInScope(db: Executor, scopePath: string | null, status: string | undefined) {
  let query = proposalQuery(db);
  if (scopePath !== null) query = query.where(divisionInScope('p.division_id', scopePath));
  if (status) query = query.where('p.status', '=', status);
  return query.orderBy('p.id', 'desc').limit(200).execute();
}

export async function proposalsOfOrganisation(db: Executor, organisationId: number) {
  return proposalQuery(db).where('p.organisation_id', '=', organisationId).orderBy('p.id', 'desc').limit(100).execute();
}

/** Decide a pending proposal at the version the office saw; false when it moved or was decided. */
export async function decideProposal(db: Executor, id: number, version: number, values: { status: string; decidedBy: number; note: string | null; at: string }): Promise<boolean> {
  const result = await db
    .updateTable('profile_proposals')
    .set((eb) => ({ status: values.status, decided_by: values.decidedBy, decided_at: values.at, note: values.note, updated_at: values.at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
