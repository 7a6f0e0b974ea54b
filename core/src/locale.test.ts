import { describe, expect, it } from 'vitest';
import { pickLocale, resources, translate } from './locale.ts';

function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

describe('locale files', () => {
  it('have the same keys in zh-CN, zh-TW and en', () => {
    const reference = keysOf(resources['zh-CN']).sort();
    expect(keysOf(resources['zh-TW']).sort()).toEqual(reference);
    expect(keysOf(resources.en).sort()).toEqual(reference);
  });

  it('fills parameters and translates a parameter that is itself a key', () => {
    expect(translate('en', 'errors.not_found', { entity: 'entities.user' })).toBe('User not found');
    expect(translate('zh-CN', 'errors.not_found', { entity: 'entities.division' })).toBe('未找到区划');
    expect(translate('en', 'validation.too_long', { maximum: 40 })).toBe('At most 40 characters');
  });

  it('falls back to the key when nothing matches', () => {
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});

describe('pickLocale', () => {
  it('reads traditional script for Taiwan, Hong Kong and Macao tags', () => {
    expect(pickLocale('zh-TW')).toBe('zh-TW');
    expect(pickLocale('zh-HK,zh;q=0.9')).toBe('zh-TW');
    expect(pickLocale('zh-Hant-MO')).toBe('zh-TW');
  });
  it('reads simplified for other Chinese tags and English for en', () => {
    expect(pickLocale('zh')).toBe('zh-CN');
    expect(pickLocale('en-US,en;q=0.9')).toBe('en');
  });
  it('defaults to zh-CN for an unknown or missing language', () => {
    expect(pickLocale('fr-FR')).toBe('zh-CN');
    expect(pickLocale(undefined, null)).toBe('zh-CN');
  });
});
