import { maskPhone } from '@tongxin/core';

/**
 * Where one-time vote codes go. Tongxin has no SMS gateway of its own: an installation that has
 * one calls {@link setVoteCodeSender} at start with an adapter. Until then the default sender
 * writes the code to the server log (stderr) — fine for a demo or an office that reads codes out
 * on the phone, not for a public vote at scale — and keeps the latest code per phone in memory for
 * {@link lastVoteCode}, the test-only channel (tests read the code from there instead of an SMS).
 */
export interface VoteCodeSender {
  send(phone: string, code: string): Promise<void>;
}

const outbox = new Map<string, string>();
const OUTBOX_LIMIT = 1_000;

/** The default: log the code and keep it for tests. */
export const logVoteCodeSender: VoteCodeSender = {
  async send(phone, code) {
    if (outbox.size >= OUTBOX_LIMIT) outbox.delete(outbox.keys().next().value!);
    outbox.set(phone, code);
    if (!process.env.VITEST) process.stderr.write(`[tongxin] vote code for ${maskPhone(phone)}: ${code} (no SMS sender configured)\n`);
  },
};

let current: VoteCodeSender = logVoteCodeSender;

/**
 * Plug in a real sender (an SMS gateway adapter).
 *
 * @example
 * setVoteCodeSender({ send: (phone, code) => sms.send(phone, `投票验证码 ${code}，10 分钟内有效`) });
 */
export function setVoteCodeSender(sender: VoteCodeSender): void {
  current = sender;
}

export function voteCodeSender(): VoteCodeSender {
  return current;
}

/**
 * Test-only channel: the latest code the default sender "sent" to a phone.
 *
 * @example
 * await client.post('/api/public/vote-codes', { phone: '13900001111' });
 * const code = lastVoteCode('13900001111');
 */
export function lastVoteCode(phone: string): string | undefined {
  return outbox.get(phone);
}
