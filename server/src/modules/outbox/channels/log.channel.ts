import { maskPhone } from '@tongxin/core';
import type { Channel, ChannelMessage } from './channel.ts';

const lastByAddress = new Map<string, ChannelMessage>();
const KEEP = 1_000;

/**
 * The development channel: one line per message with the number masked, and the latest message
 * per address kept in memory for tests ({@link lastLogged}). Always accepts.
 *
 * @example
 * await logChannel((line) => lines.push(line)).send({ ref: '7', to: '13900001111', text: '您的诉求已受理', template: 'ticket_received', params: {} });
 * // lines: ["[tongxin] sms to 139****1111 (7): 您的诉求已受理\n"]
 */
export function logChannel(write: (line: string) => void = (line) => process.stderr.write(line), medium: 'sms' | 'wechat' = 'sms'): Channel {
  return {
    name: 'log',
    medium,
    async send(message) {
      if (lastByAddress.size >= KEEP) lastByAddress.delete(lastByAddress.keys().next().value!);
      lastByAddress.set(message.to, message);
      write(`[tongxin] ${medium} to ${maskPhone(message.to)} (${message.ref}): ${message.text}\n`);
      return { status: 'accepted', providerId: null };
    },
  };
}

/** The default log channel: quiet under the test runner, whose output it would flood. */
export const quietLogChannel: Channel = logChannel((line) => {
  if (!process.env.VITEST) process.stderr.write(line);
});

/**
 * Test-only: the latest message the log channel "sent" to an address.
 *
 * @example
 * expect(lastLogged('13900001111')?.template).toBe('ticket_received');
 */
export function lastLogged(address: string): ChannelMessage | undefined {
  return lastByAddress.get(address);
}
