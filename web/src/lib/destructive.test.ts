import { describe, expect, it } from 'vitest';
import { claimMachine } from '@tongxin/core/sla/claim-states';
import { isDestructiveAction, stepButtonProps } from './destructive.ts';

describe('destructive steps', () => {
  it('marks giving up a claim, withdrawing, expiring and returning as danger', () => {
    for (const action of ['release', 'withdraw', 'expire', 'return', 'close_invalid']) expect(stepButtonProps(action)).toEqual({ type: 'default', danger: true });
  });
  it('keeps the steps that move work forward primary', () => {
    for (const action of ['claim', 'fulfil', 'confirm', 'dispatch', 'reply', 'follow_up']) expect(stepButtonProps(action)).toEqual({ type: 'primary', danger: false });
  });
  it('names the need machine’s give-up step (放弃认领) as destructive', () => {
    const release = claimMachine.transitions.filter((step) => step.from === 'claimed' && step.to === 'open');
    expect(release.map((step) => step.action)).toEqual(['release']);
    expect(isDestructiveAction(release[0]!.action)).toBe(true);
  });
});
