import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { PageLoading } from '../components/PageLoading.tsx';
import { NotFoundPage } from '../components/ResultPages.tsx';
import { insightRoutes } from './insight-routes.tsx';
import { judgingRoutes, publicJudgingRoutes } from './judging-routes.tsx';
import { publicityRoutes } from './publicity-routes.tsx';
import { publicRegistryRoutes, registryRoutes } from './registry-routes.tsx';
import { publicRequestRoutes, requestRoutes } from './request-routes.tsx';
import { RequireAuth, RequireRight } from './RequireAuth.tsx';
import { workRoutes } from './work-routes.tsx';
import { messagingRoutes } from './messaging-routes.tsx';
import './session.ts';

/** Each page is its own chunk, fetched the first time it is opened; pages use named exports. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const SignInPage = page(() => import('../pages/sign-in/SignInPage.tsx'), 'SignInPage');
const AppLayout = page(() => import('../pages/layout/AppLayout.tsx'), 'AppLayout');
const HomePage = page(() => import('../pages/home/HomePage.tsx'), 'HomePage');
const DivisionsPage = page(() => import('../pages/divisions/DivisionsPage.tsx'), 'DivisionsPage');
const UsersPage = page(() => import('../pages/users/UsersPage.tsx'), 'UsersPage');
const AuditPage = page(() => import('../pages/audit/AuditPage.tsx'), 'AuditPage');
const MobileSignInPage = page(() => import('../pages/mobile/MobilePages.tsx'), 'MobileSignInPage');
const MobileJoinPage = page(() => import('../pages/mobile/MobilePages.tsx'), 'MobileJoinPage');
const MobileHomePage = page(() => import('../pages/mobile/MobilePages.tsx'), 'MobileHomePage');
const MobileCheckInPage = page(() => import('../pages/mobile/MobilePages.tsx'), 'MobileCheckInPage');
const PhoneReportPage = page(() => import('../pages/privacy/PhoneReportPage.tsx'), 'PhoneReportPage');

function suspended(element: ReactNode, fullScreen = false) {
  return <Suspense fallback={<PageLoading fullScreen={fullScreen} />}>{element}</Suspense>;
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: suspended(<SignInPage />, true) },
  // The phone pages for participants (issue 14): their own front door, outside the office layout.
  { path: '/m', element: suspended(<MobileHomePage />, true) },
  { path: '/m/sign-in', element: suspended(<MobileSignInPage />, true) },
  { path: '/m/join', element: suspended(<MobileJoinPage />, true) },
  { path: '/m/check-in/:id', element: suspended(<MobileCheckInPage />, true) },
  ...publicRegistryRoutes,
  ...publicRequestRoutes,
  ...publicJudgingRoutes,
  {
    path: '/',
    element: <RequireAuth>{suspended(<AppLayout />, true)}</RequireAuth>,
    children: [
      { index: true, element: suspended(<HomePage />) },
      { path: 'divisions', element: suspended(<DivisionsPage />) },
      { path: 'users', element: <RequireRight right="manageUsers">{suspended(<UsersPage />)}</RequireRight> },
      { path: 'audit', element: <RequireRight right="browseAudit">{suspended(<AuditPage />)}</RequireRight> },
      { path: 'privacy', element: <RequireRight right="browseAudit">{suspended(<PhoneReportPage />)}</RequireRight> },
      ...insightRoutes,
      ...registryRoutes,
      ...workRoutes,
      ...requestRoutes,
      ...judgingRoutes,
      ...publicityRoutes,
      ...messagingRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
