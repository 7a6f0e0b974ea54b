import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@tongxin/core';
import { meKey, saveLocale, useMe, type Me } from '../api/auth.ts';
import { currentLocale, switchLocale } from './i18n.ts';

/**
 * A language picked on the sign-in page, before there is an account to save it to. It wins over
 * the account's saved language once the user signs in, because it is the more recent choice.
 */
let pickedBeforeSignIn: Locale | null = null;

/** The switch's action: change the UI now, remember it here, and save it to the account if any. */
export function useChangeLocale(): (locale: Locale) => Promise<void> {
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return async (locale) => {
    await switchLocale(locale);
    if (!me) {
      pickedBeforeSignIn = locale;
      return;
    }
    try {
      await saveLocale(locale);
      const updated: Me = { ...me, locale };
      queryClient.setQueryData<Me | null>(meKey, updated);
    } catch {
      // The UI has switched; only the account's copy is stale. Say so rather than fail silently.
      message.warning(t('common.localeNotSaved'));
    }
  };
}

/** Once per signed-in user: bring the UI and the account's saved language into agreement. */
export function useAccountLocale(me: Me | null | undefined): void {
  const syncedFor = useRef<number | null>(null);
  useEffect(() => {
    if (!me || syncedFor.current === me.userId) return;
    syncedFor.current = me.userId;
    const picked = pickedBeforeSignIn;
    pickedBeforeSignIn = null;
    if (picked && picked !== me.locale) {
      void saveLocale(picked).catch(() => undefined);
    } else if (!picked && me.locale !== currentLocale()) {
      void switchLocale(me.locale);
    }
  }, [me]);
}
