import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@tongxin/core';
import { useChangeLocale } from './account-locale.ts';
import { currentLocale, uiLocales } from './i18n.ts';

/** 简体 / 繁體 / English: each name is written in its own script, whatever the UI language. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const changeLocale = useChangeLocale();
  return (
    <Segmented<Locale>
      data-testid="language-switch"
      aria-label={t('common.language')}
      size={size}
      value={currentLocale()}
      onChange={(locale) => void changeLocale(locale)}
      options={uiLocales.map((locale) => ({
        value: locale,
        label: <span data-testid={`language-${locale}`}>{t(`languages.${locale}`)}</span>,
      }))}
    />
  );
}
