import { describe, expect, it } from 'vitest';
import { competitionIdleState, phaseState } from './phase-state.ts';

const now = new Date('2026-12-07T12:00:00.000Z');
const phase = (changes: Partial<Parameters<typeof phaseState>[0]> = {}) => ({ open: false, opensAt: null, closesAt: null, openedAt: null, closedAt: null, ...changes });

describe('phaseState', () => {
  it('is ended once its closing date has passed', () => {
    expect(phaseState(phase({ opensAt: '2026-11-01T00:00:00.000Z', closesAt: '2026-11-30T00:00:00.000Z' }), now)).toBe('ended');
  });
  it('is ended when closed by hand, even before its closing date', () => {
    expect(phaseState(phase({ opensAt: '2026-12-01T00:00:00.000Z', closesAt: '2026-12-31T00:00:00.000Z', closedAt: '2026-12-05T00:00:00.000Z' }), now)).toBe('ended');
  });
  it('is upcoming before its opening date', () => {
    expect(phaseState(phase({ opensAt: '2026-12-08T00:00:00.000Z', closesAt: '2026-12-31T00:00:00.000Z' }), now)).toBe('upcoming');
  });
  it('is open when the server says so, and unscheduled without dates', () => {
    expect(phaseState(phase({ open: true, opensAt: '2026-12-01T00:00:00.000Z' }), now)).toBe('open');
    expect(phaseState(phase(), now)).toBe('unscheduled');
  });
});

describe('competitionIdleState', () => {
  it('says ended when every dated phase is over, upcoming while one is to come', () => {
    const past = phase({ opensAt: '2026-10-01T00:00:00.000Z', closesAt: '2026-10-31T00:00:00.000Z' });
    const future = phase({ opensAt: '2027-01-01T00:00:00.000Z' });
    expect(competitionIdleState([past, phase()], now)).toBe('ended');
    expect(competitionIdleState([past, future], now)).toBe('upcoming');
    expect(competitionIdleState([phase(), phase()], now)).toBe('unscheduled');
  });
});
