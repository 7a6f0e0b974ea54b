import { describe, expect, it } from 'vitest';
import { clockStatusKey, clockText, clockTimes } from './clock-text.ts';

const t = (key: string, params?: Record<string, unknown>) => (params ? `${key}(${String(params.at)})` : key);
const due = '2026-10-01T02:00:00.000Z'; // 10:00 Beijing
const stop = '2026-10-01T01:00:00.000Z'; // 09:00 Beijing

describe('clockTimes: a deadline and a completion are never shown under the same label', () => {
  it('a running or overdue clock shows its deadline, named "due"', () => {
    expect(clockTimes({ status: 'running', dueAt: due, stoppedAt: null })).toEqual([{ kind: 'due', at: due }]);
    expect(clockTimes({ status: 'overdue', dueAt: due, stoppedAt: null })).toEqual([{ kind: 'due', at: due }]);
  });

  it('a met or missed clock shows when it was done, then the deadline', () => {
    expect(clockTimes({ status: 'met', dueAt: due, stoppedAt: stop })).toEqual([
      { kind: 'done', at: stop },
      { kind: 'due', at: due },
    ]);
    expect(clockTimes({ status: 'missed', dueAt: due, stoppedAt: stop }).map((x) => x.kind)).toEqual(['done', 'due']);
  });

  it('a cancelled clock shows when it ended, and a clock not started shows nothing', () => {
    expect(clockTimes({ status: 'cancelled', dueAt: due, stoppedAt: stop })).toEqual([{ kind: 'ended', at: stop }]);
    expect(clockTimes({ status: 'not_started', dueAt: null, stoppedAt: null })).toEqual([]);
  });
});

describe('clockText', () => {
  it('names each time in Beijing time', () => {
    expect(clockText(t, { name: 'contact', status: 'met', dueAt: due, stoppedAt: stop })).toBe(
      'requests.clocks.contact: requests.clocks.met · ux.clocks.done(2026-10-01 09:00:00) · ux.clocks.due(2026-10-01 10:00:00)',
    );
  });

  it('says "no contact logged" for a contact clock that ended without one, not "met"', () => {
    expect(clockStatusKey({ name: 'contact', status: 'cancelled' })).toBe('ux.clocks.noContactLogged');
    expect(clockStatusKey({ name: 'reply', status: 'cancelled' })).toBe('requests.clocks.cancelled');
  });
});
