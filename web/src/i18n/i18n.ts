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
import zhCN from '@tongxin/core/locales/zh-CN.json';
import zhTW from '@tongxin/core/locales/zh-TW.json';
import en from '@tongxin/core/locales/en.json';
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

/** Switch the UI language and remember it in this browser. Saving it to the account is the caller's. */
export async function switchLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembered across visits, but the switch itself still works.
  }
  await i18n.changeLanguage(locale);
}

export async function initI18n(): Promise<typeof i18n> {
  i18n.on('languageChanged', (lng) => follow(isUiLocale(lng) ? lng : defaultUiLocale));
  await i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW }, en: { translation: en } },
    lng: storedLocale(),
    fallbackLng: defaultUiLocale,
    supportedLngs: [...uiLocales],
    // React escapes text already; escaping here would show &quot; in names.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}
