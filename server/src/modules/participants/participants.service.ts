import crypto from 'node:crypto';
import { maskPhone, type InvitationAccept, type InvitationCreate, type ParticipantRole } from '@tongxin/core';
import { renderSVG } from 'uqr';
import { AppError, fieldError, notFound } from '../../kernel/errors.ts';
import { nowIso, type ActorContext, type RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hashToken, openSession, type NewSession } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password.ts';
import { loadOrganisation } from '../organisations/organisations.service.ts';
import { insertUser } from '../users/index.ts';
import { takeRate } from '../../kernel/rate-limit.ts';
import { voteCodeSender } from '../votes/votes.sender.ts';
import { assertOffice, assertParticipant } from './participants.policy.ts';
import {
  bindToOrganisation,
  consumeCode,
  countCodeAttempt,
  findInvitationByHash,
  findUserByPhoneName,
  insertCode,
  insertInvitation,
  invitationsOf,
  latestLiveCode,
  organisationOfUser,
  useInvitation,
  userPhone,
  type InvitationRow,
} from './participants.repo.ts';

/** Limits of the phone sign-in. A code lives ten minutes and tolerates five wrong guesses. */
export const smsLimits = {
  codeTtlSeconds: 600,
  resendSeconds: 60,
  codesPerPhonePerHour: 5,
  codesPerIpPerHour: 20,
  verifyAttemptsPerCode: 5,
  verificationsPerIpPerHour: 30,
} as const;

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const phoneHashOf = (phone: string) => sha256(`tongxin-participant-phone:${phone}`);
/** Participants without a password sign in by code only: no Argon2 hash ever matches this. */
const noPassword = '!sms-only';

function toInvitation(row: InvitationRow) {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    role: row.role as ParticipantRole,
    displayName: row.display_name,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    createdAt: row.created_at,
  };
}

/**
 * Invite someone to act for an organisation. The token is shown once (in the link and its QR
 * code) and stored only as a hash; it works once and until `expiresInDays` have passed.
 *
 * @example
 * await invite(ctx, 12, { role: 'participant', expiresInDays: 7 }, 'https://tongxin.example.gov.cn')
 */
export async function invite(ctx: ActorContext, organisationId: number, input: InvitationCreate, origin: string) {
  const token = crypto.randomBytes(24).toString('base64url');
  const row = await ctx.db.transaction().execute(async (trx) => {
    const org = await loadOrganisation(ctx, trx, organisationId, 'read');
    assertOffice(ctx.actor, org.division_path);
    if (org.archived_at !== null) throw new AppError('invalid_transition', { details: { reason: 'archived' } });
    const at = nowIso(ctx);
    const expiresAt = new Date(ctx.clock.now().getTime() + input.expiresInDays * 86_400_000).toISOString();
    const created = await insertInvitation(trx, {
      organisationId,
      divisionId: org.division_id,
      role: input.role,
      displayName: input.displayName ?? null,
      tokenHash: hashToken(token),
      expiresAt,
      createdBy: ctx.actor.userId,
      at,
    });
    await recordAudit(trx, ctx, { action: 'participant.invite', entity: 'organisation', entityId: organisationId, divisionId: org.division_id, detail: { invitationId: created.id, role: input.role } });
    return created;
  });
  // The token travels in the fragment: browsers do not send it to the server or to access logs.
  const url = `${origin}/m/join#${token}`;
  return { ...toInvitation(row), url, qrSvg: renderSVG(url, { border: 2 }) };
}

export async function invitations(ctx: ActorContext, organisationId: number) {
  const org = await loadOrganisation(ctx, ctx.db, organisationId, 'read');
  assertOffice(ctx.actor, org.division_path);
  return (await invitationsOf(ctx.db, organisationId)).map(toInvitation);
}

/** A live invitation by its token, or 404 (unknown, used, expired or its organisation archived: all alike). */
async function liveInvitation(ctx: RequestContext, token: string) {
  const row = await findInvitationByHash(ctx.db, hashToken(token));
  if (!row || row.used_at !== null || row.expires_at <= nowIso(ctx) || row.archived_at !== null) throw notFound('record');
  return row;
}

/** What the invitation page shows before the invitee proves their phone. */
export async function previewInvitation(ctx: RequestContext, token: string) {
  const row = await liveInvitation(ctx, token);
  return { organisationName: row.organisation_name, role: row.role as ParticipantRole, displayName: row.display_name, expiresAt: row.expires_at };
}

/**
 * Send a one-time code to a phone (through the same sender as public-vote codes). The answer is
 * the same whether or not the phone has an account, so nobody can probe for participants.
 */
export async function requestSmsCode(ctx: RequestContext, phone: string) {
  const now = ctx.clock.now();
  const phoneHash = phoneHashOf(phone);
  await takeRate(ctx.db, [{ key: `p-code-phone:${phoneHash}`, limit: 1, windowSeconds: smsLimits.resendSeconds }], now);
  await takeRate(ctx.db, [{ key: `p-code-phone-hour:${phoneHash}`, limit: smsLimits.codesPerPhonePerHour, windowSeconds: 3600 }], now);
  await takeRate(ctx.db, [{ key: `p-code-ip:${ctx.ip}`, limit: smsLimits.codesPerIpPerHour, windowSeconds: 3600 }], now);
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  await insertCode(ctx.db, {
    phoneHash,
    codeHash: sha256(`${phoneHash}:${code}`),
    expiresAt: new Date(now.getTime() + smsLimits.codeTtlSeconds * 1000).toISOString(),
    at: now.toISOString(),
  });
  await voteCodeSender().send(phone, code);
  return { expiresInSeconds: smsLimits.codeTtlSeconds, resendAfterSeconds: smsLimits.resendSeconds };
}

/** Spend a code: 400 on `body.code` when wrong, expired, used or guessed too often. */
async function spendCode(ctx: RequestContext, phone: string, code: string): Promise<void> {
  const now = ctx.clock.now();
  await takeRate(ctx.db, [{ key: `p-verify-ip:${ctx.ip}`, limit: smsLimits.verificationsPerIpPerHour, windowSeconds: 3600 }], now);
  const phoneHash = phoneHashOf(phone);
  const live = await latestLiveCode(ctx.db, phoneHash, now.toISOString());
  if (!live || live.attempts >= smsLimits.verifyAttemptsPerCode) throw fieldError('body.code', 'validation.vote_code_invalid');
  if (!crypto.timingSafeEqual(Buffer.from(sha256(`${phoneHash}:${code}`)), Buffer.from(live.code_hash))) {
    await countCodeAttempt(ctx.db, live.id);
    throw fieldError('body.code', 'validation.vote_code_invalid');
  }
  if (!(await consumeCode(ctx.db, live.id, now.toISOString()))) throw fieldError('body.code', 'validation.vote_code_invalid');
}

/**
 * Accept an invitation: the phone is proven by its code, the account is made (username = the phone
 * number, so password sign-in works with the phone too) or an existing participant account of that
 * phone is reused, bound to the organisation, the invitation spent, and a session opened.
 */
export async function acceptInvitation(ctx: RequestContext, input: InvitationAccept): Promise<NewSession> {
  const invitation = await liveInvitation(ctx, input.token).catch(() => {
    throw fieldError('body.token', 'participants.validation.invitation_invalid');
  });
  await spendCode(ctx, input.phone, input.code);
  const passwordHash = input.password ? await hashPassword(input.password) : noPassword;
  await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso(ctx);
    const existing = await findUserByPhoneName(trx, input.phone);
    if (existing && !(JSON.parse(existing.roles) as string[]).every((r) => ['participant', 'volunteer', 'liaison_officer'].includes(r))) {
      // An office account with this phone as its name: never turn it into a participant.
      throw fieldError('body.phone', 'participants.validation.phone_taken');
    }
    const id =
      existing?.id ??
      (await insertUser(trx, { username: input.phone, displayName: input.displayName, passwordHash, divisionId: invitation.division_id, roles: [invitation.role as ParticipantRole], phone: input.phone, at }));
    if (!(await useInvitation(trx, invitation.id, id, at))) throw fieldError('body.token', 'participants.validation.invitation_invalid');
    await bindToOrganisation(trx, invitation.organisation_id, id, at);
    await recordAudit(trx, ctx, {
      action: 'participant.join',
      entity: 'user',
      entityId: id,
      divisionId: invitation.division_id,
      actorName: input.displayName,
      detail: { invitationId: invitation.id, organisationId: invitation.organisation_id, role: invitation.role, phone: maskPhone(input.phone), existing: existing !== undefined },
    });
  });
  const user = (await findUserByPhoneName(ctx.db, input.phone))!;
  return openSession(ctx, user, { username: user.username, method: 'sms_code' });
}

/**
 * Sign in with phone + code. An unknown phone and a wrong code answer alike (400 on `body.code`),
 * and both are audited as failed sign-ins.
 */
export async function signInWithCode(ctx: RequestContext, phone: string, code: string): Promise<NewSession> {
  const user = await findUserByPhoneName(ctx.db, phone);
  try {
    await spendCode(ctx, phone, code);
    if (!user) throw fieldError('body.code', 'validation.vote_code_invalid');
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') {
      await recordAudit(ctx.db, ctx, { action: 'auth.sign_in_failed', entity: 'user', entityId: user?.id ?? null, divisionId: user?.division_id ?? null, actorName: maskPhone(phone) ?? '', detail: { method: 'sms_code' } });
      // A failed sign-in is a 401 like a wrong password (a 400 means "nothing happened", and this
      // attempt is recorded); an unknown phone reads exactly like a wrong code.
      throw new AppError('invalid_credentials');
    }
    throw error;
  }
  if (user.disabled === 1) throw new AppError('account_disabled');
  if (user.locked_at) throw new AppError('account_locked');
  return openSession(ctx, user, { username: user.username, method: 'sms_code' });
}

/** Who the participant is and which organisation they act for. */
export async function me(ctx: ActorContext) {
  assertParticipant(ctx.actor);
  const org = await organisationOfUser(ctx.db, ctx.actor.userId);
  return {
    userId: ctx.actor.userId,
    displayName: ctx.actor.displayName,
    phone: maskPhone(await userPhone(ctx.db, ctx.actor.userId)),
    roles: ctx.actor.roles,
    organisation: org ? { id: org.id, name: org.name, divisionId: org.division_id } : null,
  };
}
