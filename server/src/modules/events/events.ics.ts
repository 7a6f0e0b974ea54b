import { isParticipantOnly, type Role } from '@tongxin/core';
import { notFound } from '../../kernel/errors.ts';
import type { RequestContext } from '../../http/context.ts';
import { hashToken } from '../auth/auth.service.ts';
import { eventsForParticipant, eventsInScope, feedOwner, type EventRow } from './events.repo.ts';

/*
 * The per-user calendar feed (.ics): a calendar app fetches it without a session, so the secret
 * token in its URL is the only key. Office users get their subtree's events, participants the
 * events open to them; both from 30 days back to a year ahead.
 */

/** `20261207T090000Z` from an ISO instant. */
const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** RFC 5545 text: backslash, semicolon, comma and newlines escaped. */
const text = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

export function renderIcs(rows: EventRow[], now: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Tongxin//Events//ZH', 'CALSCALE:GREGORIAN', 'X-WR-CALNAME:同心 活动'];
  for (const row of rows) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:event-${row.id}@tongxin`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART:${stamp(row.starts_at)}`,
      `DTEND:${stamp(row.ends_at)}`,
      `SUMMARY:${text(row.title)}`,
      ...(row.place ? [`LOCATION:${text(row.place)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

export async function feed(ctx: RequestContext, file: string): Promise<string> {
  const match = /^([A-Za-z0-9_-]{20,64})\.ics$/.exec(file);
  const owner = match ? await feedOwner(ctx.db, hashToken(match[1]!)) : undefined;
  if (!owner || owner.disabled === 1) throw notFound('record');
  const now = ctx.clock.now();
  const roles = JSON.parse(owner.roles) as Role[];
  const scopePath = owner.division_id === null ? null : owner.path;
  const rows = isParticipantOnly({ roles })
    ? await eventsForParticipant(ctx.db, scopePath ?? '/', new Date(now.getTime() - 30 * 86_400_000).toISOString())
    : await eventsInScope(ctx.db, scopePath, new Date(now.getTime() - 30 * 86_400_000).toISOString(), new Date(now.getTime() + 366 * 86_400_000).toISOString());
  return renderIcs(rows, now.toISOString());
}
