import { describe, expect, it } from 'vitest';
import { rangeProblem, rangeRule } from './number-rules.ts';

describe('rangeProblem: a typed number is refused, never replaced', () => {
  it('refuses 35 in a 0–30 field with the maximum, and -1 with the minimum', () => {
    expect(rangeProblem(35, { min: 0, max: 30 })).toEqual({ key: 'validation.too_big', params: { maximum: 30 } });
    expect(rangeProblem(-1, { min: 0, max: 30 })).toEqual({ key: 'validation.too_small', params: { minimum: 0 } });
  });

  it('accepts both ends and anything between', () => {
    for (const value of [0, 0.5, 29.99, 30]) expect(rangeProblem(value, { min: 0, max: 30 })).toBe(null);
  });

  it('leaves an empty field to the required rule', () => {
    for (const value of [null, undefined, '']) expect(rangeProblem(value, { min: 1 })).toBe(null);
  });

  it('refuses a fraction where a whole number is asked for', () => {
    expect(rangeProblem(12.5, { min: 0, integer: true })).toEqual({ key: 'validation.not_integer', params: {} });
    expect(rangeProblem(12, { min: 0, integer: true })).toBe(null);
  });

  it('a form rule fails with the translated message and passes an in-range value', async () => {
    const rule = rangeRule((key, params) => `${key}:${JSON.stringify(params)}`, { min: 0, max: 30 }) as { validator: (r: unknown, v: unknown) => Promise<void> };
    await expect(rule.validator({}, 35)).rejects.toThrow('validation.too_big:{"maximum":30}');
    await expect(rule.validator({}, 30)).resolves.toBeUndefined();
  });
});
