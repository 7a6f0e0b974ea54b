import { useQuery } from '@tanstack/react-query';
import type { InstanceFacts, Locale, Role } from '@tongxin/core';
import { ApiError, request, setCsrfToken } from './client.ts';

/** `GET /api/auth/me`: who is signed in and what the UI may offer (the API checks again). */
export interface Me {
  userId: number;
  username: string;
  displayName: string;
  divisionId: number | null;
  divisionName: string | null;
  roles: Role[];
  locale: Locale;
  csrfToken: string;
  can: { manageUsers: boolean; browseAudit: boolean; editDivisions: boolean };
}

export const meKey = ['me'] as const;

/** The current session, or null when nobody is signed in (a 401 is an answer here, not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await request<Me>('/api/auth/me', { quietUnauthenticated: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  // Refetched when the window regains focus, so a disabled account or an ended session shows soon.
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, refetchOnWindowFocus: true });
}

export async function signIn(username: string, password: string): Promise<void> {
  const session = await request<{ csrfToken: string; expiresAt: string }>('/api/auth/sign-in', {
    method: 'POST',
    body: { username, password },
    quietUnauthenticated: true,
  });
  setCsrfToken(session.csrfToken);
}

export async function signOut(): Promise<void> {
  try {
    await request<void>('/api/auth/sign-out', { method: 'POST', quietUnauthenticated: true });
  } finally {
    setCsrfToken(null);
  }
}

export function saveLocale(locale: Locale): Promise<void> {
  return request<void>('/api/auth/locale', { method: 'PUT', body: { locale } });
}

/** `GET /api/public/instance`: whether the demo data set is loaded (the sign-in page offers its account only then). */
export function useInstanceFacts() {
  return useQuery({ queryKey: ['instance'], queryFn: () => request<InstanceFacts>('/api/public/instance'), staleTime: Infinity });
}
