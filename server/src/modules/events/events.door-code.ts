import crypto from 'node:crypto';

/**
 * The rotating door code of an event: `<eventId>.<slot>.<mac>`, where the slot is the minute since
 * the epoch (`slotSeconds` long) and the mac an HMAC-SHA256 of `eventId:slot` under the event's own
 * secret. A code is good for its slot and the next one only, so a photo of yesterday's screen, or
 * the code of another event, is refused; anyone standing at the door can read it, which is the point.
 */
export const slotSeconds = 60;

export function slotOf(at: Date): number {
  return Math.floor(at.getTime() / 1000 / slotSeconds);
}

function macOf(secret: string, eventId: number, slot: number): string {
  return crypto.createHmac('sha256', secret).update(`${eventId}:${slot}`).digest('base64url').slice(0, 22);
}

/**
 * @example
 * doorCode('s3cret', 7, new Date('2026-12-07T09:00:00Z')) // "7.29419400.<22 characters>"
 */
export function doorCode(secret: string, eventId: number, at: Date): { code: string; validUntil: string } {
  const slot = slotOf(at);
  return { code: `${eventId}.${slot}.${macOf(secret, eventId, slot)}`, validUntil: new Date((slot + 2) * slotSeconds * 1000).toISOString() };
}

export type DoorCodeCheck = 'ok' | 'malformed' | 'other_event' | 'expired' | 'forged';

/** Whether `code` is this event's code of the current or the previous slot. */
export function checkDoorCode(secret: string, eventId: number, code: string, at: Date): DoorCodeCheck {
  const match = /^(\d+)\.(\d+)\.([A-Za-z0-9_-]{22})$/.exec(code);
  if (!match) return 'malformed';
  if (Number(match[1]) !== eventId) return 'other_event';
  const slot = Number(match[2]);
  const now = slotOf(at);
  if (slot !== now && slot !== now - 1) return 'expired';
  const expected = Buffer.from(macOf(secret, eventId, slot));
  const given = Buffer.from(match[3]!);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? 'ok' : 'forged';
}
