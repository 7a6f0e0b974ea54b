import zhCN from './locales/zh-CN.json' with { type: 'json' };
import zhTW from './locales/zh-TW.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

/** Chinese first: zh-CN is the default and the fallback for a missing key. */
export const locales = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';

export const resources = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as const;

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Translate a dotted key with `{{name}}` parameters, falling back to zh-CN, then to the key itself.
 * The web uses i18next over the same files; the server uses this small function for error messages.
 *
 * @example
 * translate('en', 'errors.not_found') // "Not found"
 */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const text = lookup(resources[locale] as Tree, key) ?? lookup(resources[defaultLocale] as Tree, key) ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return '';
    // A parameter may itself be a key (an entity or field name): translate it when it is one.
    const asKey = typeof value === 'string' ? lookup(resources[locale] as Tree, value) : undefined;
    return asKey ?? String(value);
  });
}

/**
 * Pick the best supported locale from an Accept-Language header or a stored preference.
 * `zh-HK`, `zh-Hant` and `zh-MO` read traditional script; any other `zh` reads simplified.
 */
export function pickLocale(...candidates: Array<string | undefined | null>): Locale {
  for (const candidate of candidates) {
    if (!candidate) continue;
    for (const part of candidate.split(',')) {
      const tag = part.split(';')[0]!.trim().toLowerCase();
      if (!tag) continue;
      if (tag === 'zh-tw' || tag === 'zh-hk' || tag === 'zh-mo' || tag.startsWith('zh-hant')) return 'zh-TW';
      if (tag.startsWith('zh')) return 'zh-CN';
      if (tag.startsWith('en')) return 'en';
    }
  }
  return defaultLocale;
}
