import { defaultKindOf, translate, type PortalSubmit } from '@tongxin/core';
import { shanghaiDateKey } from '@tongxin/core/calendar/index';
import { AppError, fieldError } from '../../kernel/errors.ts';
import type { RequestContext } from '../../http/context.ts';
import { knownDivision } from '../../kernel/scope.ts';
import { containsText } from '../../db/text-match.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { insertCase, insertCaseEvents, officeFor } from '../cases/index.ts';
import { newTicketNo } from '../cases/ticket.ts';
import { findDivision, findDivisionsByIds } from '../divisions/index.ts';
import { insertNeed, insertNeedEvents } from '../needs/index.ts';
import { claimSubmissionKey, findSubmission, pickerDivisions, ticketReceipt } from './portal.repo.ts';
import { issueChallenge, phoneHash, portalSecret, takeSubmitSlot, useChallenge, verifyChallenge } from './portal.guard.ts';
import { syncSearch } from '../search/search.sync.ts';
import { queueForPhone } from '../outbox/outbox.queue.ts';

export { track } from './portal.track.ts';

export async function challenge(ctx: RequestContext) {
  return issueChallenge(await portalSecret(ctx.db), ctx.clock.now());
}

/** Thrown inside the transaction when a concurrent twin already took the idempotency key. */
class AlreadySubmitted extends Error {}

async function existingReceipt(ctx: RequestContext, key: string, hash: string) {
  const row = await findSubmission(ctx.db, key);
  if (!row) return null;
  // The same key with another phone is not a retry of this submission.
  if (row.phone_hash !== hash) throw new AppError('duplicate', { params: { entity: 'entities.ticket', value: key } });
  const found = await ticketReceipt(ctx.db, row.ticket_no);
  return { ticketNo: row.ticket_no, category: (found?.category ?? 'wish') as PortalSubmit['category'], submittedAt: found?.created_at ?? row.created_at };
}

/**
 * Take a public submission: a wish becomes a need held for review (claim route), anything else a
 * case waiting for dispatch (dispatch route). A repeated idempotency key returns the first
 * receipt (`created: false`) instead of a second ticket.
 *
 * @example
 * const { created, receipt } = await submit(ctx, body, request.headers['idempotency-key']);
 */
export async function submit(ctx: RequestContext, input: PortalSubmit, headerKey: string | undefined) {
  const key = headerKey ?? input.idempotencyKey;
  if (key !== undefined && !/^[A-Za-z0-9_-]{8,100}$/.test(key)) throw fieldError('headers.idempotency-key', 'validation.invalid_format');
  const secret = await portalSecret(ctx.db);
  const hash = phoneHash(secret, input.phone);
  if (key) {
    const previous = await existingReceipt(ctx, key, hash);
    if (previous) return { created: false, receipt: previous };
  }
  const failed = await takeSubmitSlot(ctx, hash);
  try {
    const result = await submitCounted(ctx, input, key, hash, secret);
    // A concurrent twin of the same key made the ticket: this one is no second submission.
    if (!result.created) await failed();
    return result;
  } catch (error) {
    await failed();
    throw error;
  }
}

async function submitCounted(ctx: RequestContext, input: PortalSubmit, key: string | undefined, hash: string, secret: string) {
  const now = ctx.clock.now();
  const nonce = verifyChallenge(secret, input.challengeToken, input.challengeAnswer, now);
  const division = await knownDivision(ctx.db, input.divisionId, 'body.divisionId');
  if (input.wantedBy && input.wantedBy < shanghaiDateKey(now)) throw fieldError('body.wantedBy', 'requests.validation.in_past');

  const at = now.toISOString();
  const ticketNo = newTicketNo(now);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      // The key first: a concurrent twin waits on it and then finds it taken.
      if (key) {
        if (!(await claimSubmissionKey(trx, { key, phoneHash: hash, ticketNo }, at))) throw new AlreadySubmitted();
      }
      await useChallenge(trx, nonce, at);
      const officeDivisionId = await officeFor(trx, division.path, division.id);
      const submitter = { submitterName: input.name?.trim() || null, submitterPhone: input.phone, notifyConsent: input.notifyConsent };
      let entityId: number;
      if (input.category === 'wish') {
        entityId = await insertNeed(
          trx,
          { ticketNo, divisionId: division.id, officeDivisionId, title: input.title, description: input.content, wantedBy: input.wantedBy ?? null, publishedAt: null, channel: 'portal', ...submitter, createdBy: null },
          at,
        );
        await insertNeedEvents(trx, [{ needId: entityId, at, actorId: null, actorName: null, action: 'post', toState: 'open' }]);
      } else {
        entityId = await insertCase(
          trx,
          {
            ticketNo,
            divisionId: division.id,
            officeDivisionId,
            kind: defaultKindOf(input.category),
            category: input.category,
            channel: 'portal',
            title: input.title,
            content: input.content,
            ...submitter,
            submitterOrganisationId: null,
            receivedAt: at,
            createdBy: null,
          },
          at,
        );
        await insertCaseEvents(trx, [{ caseId: entityId, at, actorId: null, actorName: null, action: 'register', toState: 'received' }]);
      }
      if (input.notifyConsent) {
        await queueForPhone(trx, input.phone, division.id, {
          event: 'ticket_received',
          entity: input.category === 'wish' ? 'need' : 'case',
          entityId,
          params: { ticketNo, category: translate('zh-CN', `requests.categories.${input.category}`) },
          at,
        });
      }
      await recordAudit(trx, ctx, {
        action: 'portal.submit',
        entity: input.category === 'wish' ? 'need' : 'case',
        entityId,
        divisionId: division.id,
        actorName: 'portal',
        detail: { ticketNo, category: input.category },
      });
      await syncSearch(trx, input.category === 'wish' ? 'need' : 'case', [entityId]);
    });
  } catch (error) {
    if (error instanceof AlreadySubmitted && key) {
      const previous = await existingReceipt(ctx, key, hash);
      if (previous) return { created: false as const, receipt: previous };
    }
    throw error;
  }
  return { created: true, receipt: { ticketNo, category: input.category, submittedAt: at } };
}

/** Divisions for the portal's picker: the roots, a division's children, or a name search. */
export async function divisions(ctx: RequestContext, query: { parentId?: number | undefined; q?: string | undefined }) {
  const rows = await pickerDivisions(ctx.db, query);
  const ids = [...new Set(rows.flatMap((r) => r.path.split('/').filter(Boolean).map(Number)))];
  const names = new Map(
    ids.length ? (await findDivisionsByIds(ctx.db, ids)).map((r) => [r.id, r.name]) : [],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    level: r.level,
    hasChildren: Number(r.children) > 0,
    pathNames: r.path.split('/').filter(Boolean).map((id) => names.get(Number(id)) ?? ''),
  }));
}
