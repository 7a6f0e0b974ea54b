import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import type { Locale as AntdLocale } from 'antd/es/locale';
import antdZhCN from 'antd/es/locale/zh_CN';
import antdZhTW from 'antd/es/locale/zh_TW';
import antdEnUS from 'antd/es/locale/en_US';
import type { Locale } from '@tongxin/core';
import { setApiLanguage } from '../api/client.ts';

/** The UI languages in the order the switch shows them; Chinese first, simplified by default. */
export const uiLocales = ['zh-CN', 'zh-TW', 'en'] as const satisfies readonly Locale[];
export const defaultUiLocale: Locale = 'zh-CN';

const storageKey = 'tongxin.locale';

const antdLocales: Record<Locale, AntdLocale> = { 'zh-CN': antdZhCN, 'zh-TW': antdZhTW, en: antdEnUS };
const dayjsLocales: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };

export function isUiLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (uiLocales as readonly string[]).includes(value);
}

/** The language this browser last chose; zh-CN when it never chose (not the browser's own setting). */
export function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(storageKey);
    return isUiLocale(value) ? value : defaultUiLocale;
  } catch {
    return defaultUiLocale; // storage blocked (private mode): the default is fine
  }
}

export function antdLocaleOf(locale: Locale): AntdLocale {
  return antdLocales[locale];
}

export function currentLocale(): Locale {
  return isUiLocale(i18n.language) ? i18n.language : defaultUiLocale;
}

/** Everything outside React that follows the language: dayjs, <html lang>, the title, the API. */
function follow(locale: Locale): void {
  dayjs.locale(dayjsLocales[locale]);
  // `lang` makes the browser pick simplified or traditional glyph shapes from CJK fonts.
  document.documentElement.lang = locale;
  document.title = `${i18n.t('app.name')} · ${i18n.t('app.subtitle')}`;
  setApiLanguage(locale, i18n.t('common.networkError'));
}

type Translations = Record<string, unknown>;

// Each language is its own chunk (~75 kB), fetched when first needed: the first paint waits only
// for the active one, instead of shipping all three in the entry bundle.
const loaders: Record<Locale, () => Promise<{ default: Translations }>> = {
  'zh-CN': () => import('@tongxin/core/locales/zh-CN.json'),
  'zh-TW': () => import('@tongxin/core/locales/zh-TW.json'),
  en: () => import('@tongxin/core/locales/en.json'),
};

/** Adds a language's translations to i18next unless they are there already. */
async function ensureLoaded(locale: Locale): Promise<void> {
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  const { default: translation } = await loaders[locale]();
  i18n.addResourceBundle(locale, 'translation', translation, true, true);
}

/** Switch the UI language and remember it in this browser. Saving it to the account is the caller's. */
export async function switchLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembered across visits, but the switch itself still works.
  }
  await ensureLoaded(locale);
  await i18n.changeLanguage(locale);
}

export async function initI18n(): Promise<typeof i18n> {
  i18n.on('languageChanged', (lng) => follow(isUiLocale(lng) ? lng : defaultUiLocale));
  const lng = storedLocale();
  const { default: first } = await loaders[lng]();
  await i18n.use(initReactI18next).init({
    resources: { [lng]: { translation: first } },
    // Other languages are added by ensureLoaded; without this i18next would treat them as missing.
    partialBundledLanguages: true,
    lng,
    fallbackLng: defaultUiLocale,
    supportedLngs: [...uiLocales],
    // React escapes text already; escaping here would show &quot; in names.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // The fallback language covers a key missing from the active one; it is not needed to paint.
  if (lng !== defaultUiLocale) void ensureLoaded(defaultUiLocale);
  return i18n;
}
