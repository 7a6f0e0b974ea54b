import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useMe, type Me } from '../api/auth.ts';
import { messageOf } from '../api/form-errors.ts';
import { PageLoading } from '../components/PageLoading.tsx';
import { ForbiddenPage, LoadFailed } from '../components/ResultPages.tsx';
import { useAccountLocale } from '../i18n/account-locale.ts';

/** Pages behind sign-in: wait for the session, send strangers to sign in and back again after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me, isPending, error, refetch } = useMe();
  useAccountLocale(me);
  if (isPending) return <PageLoading fullScreen />;
  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

/** A page for holders of one right only; the API refuses the data anyway, this avoids a dead end. */
export function RequireRight({ right, children }: { right: keyof Me['can']; children: ReactNode }) {
  const { data: me } = useMe();
  return me?.can[right] ? children : <ForbiddenPage />;
}
