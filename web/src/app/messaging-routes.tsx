import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { PageLoading } from '../components/PageLoading.tsx';

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

function suspended(element: ReactNode) {
  return <Suspense fallback={<PageLoading />}>{element}</Suspense>;
}

const MessageLogPage = page(() => import('../pages/outbox/MessageLogPage.tsx'), 'MessageLogPage');
const MessagePreferencesPage = page(() => import('../pages/outbox/MessagePreferencesPage.tsx'), 'MessagePreferencesPage');

/** The outbox pages inside the signed-in layout (issue 15): the delivery log and one's own message settings. */
export const messagingRoutes: RouteObject[] = [
  { path: 'messages', element: suspended(<MessageLogPage />) },
  { path: 'messages/preferences', element: suspended(<MessagePreferencesPage />) },
];
