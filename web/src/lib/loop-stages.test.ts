import { describe, expect, it } from 'vitest';
import { stageMarks } from './loop-stages.ts';

describe('stageMarks', () => {
  it('marks the stages before, at and after a project’s status', () => {
    expect(stageMarks('planned')).toEqual({ planned: 'current', active: 'ahead', done: 'ahead', reviewed: 'ahead' });
    expect(stageMarks('done')).toEqual({ planned: 'passed', active: 'passed', done: 'current', reviewed: 'ahead' });
    expect(stageMarks('reviewed')).toEqual({ planned: 'passed', active: 'passed', done: 'passed', reviewed: 'current' });
  });
});
