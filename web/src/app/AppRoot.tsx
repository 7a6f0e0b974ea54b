import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { antdLocaleOf, currentLocale } from '../i18n/i18n.ts';
import { queryClient } from './query-client.ts';
import { router } from './router.tsx';
import { themeFor } from './theme.ts';

/** Providers in one place: data cache, antd's locale and theme (both follow the UI language), routes. */
export function AppRoot() {
  // Subscribing here re-renders the providers when the language changes.
  useTranslation();
  const locale = currentLocale();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={antdLocaleOf(locale)} theme={themeFor(locale)}>
        <AntdApp>
          <RouterProvider router={router} />
        </AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
