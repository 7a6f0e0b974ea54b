import { describe, expect, it } from 'vitest';
import { resources } from './locale.ts';

function valuesOf(tree: object): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : valuesOf(value as object)));
}

describe('zh-TW words', () => {
  it('writes 報導 (Taiwan usage) everywhere, never 報道', () => {
    const values = valuesOf(resources['zh-TW']);
    expect(values.filter((v) => v.includes('報導')).length).toBeGreaterThan(20);
    expect(values.filter((v) => v.includes('報道'))).toEqual([]);
  });
});
