import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { PageLoading } from '../components/PageLoading.tsx';

/** Each page is its own chunk, fetched the first time it is opened; pages use named exports. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

function suspended(element: ReactNode, fullScreen = false) {
  return <Suspense fallback={<PageLoading fullScreen={fullScreen} />}>{element}</Suspense>;
}

const CasesPage = page(() => import('../pages/cases/CasesPage.tsx'), 'CasesPage');
const CaseDetailPage = page(() => import('../pages/cases/CaseDetailPage.tsx'), 'CaseDetailPage');
const CaseFiguresPage = page(() => import('../pages/cases/CaseFiguresPage.tsx'), 'CaseFiguresPage');
const NeedsPage = page(() => import('../pages/needs/NeedsPage.tsx'), 'NeedsPage');
const NeedDetailPage = page(() => import('../pages/needs/NeedDetailPage.tsx'), 'NeedDetailPage');
const DcReportsPage = page(() => import('../pages/direct-channel/DcReportsPage.tsx'), 'DcReportsPage');
const DcReportDetailPage = page(() => import('../pages/direct-channel/DcReportDetailPage.tsx'), 'DcReportDetailPage');
const InboxPage = page(() => import('../pages/inbox/InboxPage.tsx'), 'InboxPage');
const PortalSubmitPage = page(() => import('../pages/portal/PortalSubmitPage.tsx'), 'PortalSubmitPage');
const PortalTrackPage = page(() => import('../pages/portal/PortalTrackPage.tsx'), 'PortalTrackPage');

/** The request pages inside the signed-in layout (issue 5): cases, needs, the direct channel, the inbox. */
export const requestRoutes: RouteObject[] = [
  { path: 'cases', element: suspended(<CasesPage />) },
  { path: 'cases/figures', element: suspended(<CaseFiguresPage />) },
  { path: 'cases/:id', element: suspended(<CaseDetailPage />) },
  { path: 'needs', element: suspended(<NeedsPage />) },
  { path: 'needs/:id', element: suspended(<NeedDetailPage />) },
  { path: 'direct-channel', element: suspended(<DcReportsPage />) },
  { path: 'direct-channel/:id', element: suspended(<DcReportDetailPage />) },
  { path: 'inbox', element: suspended(<InboxPage />) },
];

/** The public portal (no sign-in, outside the layout): submit, and track a ticket. */
export const publicRequestRoutes: RouteObject[] = [
  { path: '/portal', element: suspended(<PortalSubmitPage />, true) },
  { path: '/portal/track', element: suspended(<PortalTrackPage />, true) },
];
