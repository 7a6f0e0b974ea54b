import crypto from 'node:crypto';
import { shanghaiDateKey } from '@tongxin/core/calendar/index';

/** Crockford base32: no I, L, O or U, so a ticket read over the phone is not misheard. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new ticket number: `TX` + the Shanghai date + eight random base32 characters (40 bits). The
 * phone's last four digits are needed as well to track it, and failed lookups are rate limited,
 * so guessing one is not practical.
 *
 * @example
 * newTicketNo(new Date('2026-11-25T02:00:00Z')) // "TX261125-K7Q4MZ3P"
 */
export function newTicketNo(at: Date, random: (size: number) => Buffer = crypto.randomBytes): string {
  const bytes = random(8);
  let tail = '';
  for (const byte of bytes) tail += alphabet[byte % 32];
  return `TX${shanghaiDateKey(at).slice(2).replace(/-/g, '')}-${tail}`;
}
