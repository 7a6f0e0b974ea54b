import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { useMe } from '../api/auth.ts';
import { PageLoading } from '../components/PageLoading.tsx';
import { ForbiddenPage } from '../components/ResultPages.tsx';
import { isSystemAdmin } from '../lib/registry-rights.ts';

/** Each page is its own chunk, fetched the first time it is opened; pages use named exports. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

function suspended(element: ReactNode, fullScreen = false) {
  return <Suspense fallback={<PageLoading fullScreen={fullScreen} />}>{element}</Suspense>;
}

const OrganisationsPage = page(() => import('../pages/organisations/OrganisationsPage.tsx'), 'OrganisationsPage');
const OrganisationDetailPage = page(() => import('../pages/organisations/OrganisationDetailPage.tsx'), 'OrganisationDetailPage');
const PeoplePage = page(() => import('../pages/people/PeoplePage.tsx'), 'PeoplePage');
const PersonDetailPage = page(() => import('../pages/people/PersonDetailPage.tsx'), 'PersonDetailPage');
const VenuesPage = page(() => import('../pages/venues/VenuesPage.tsx'), 'VenuesPage');
const VenueDetailPage = page(() => import('../pages/venues/VenueDetailPage.tsx'), 'VenueDetailPage');
const ResourcesPage = page(() => import('../pages/resources/ResourcesPage.tsx'), 'ResourcesPage');
const ResourceDetailPage = page(() => import('../pages/resources/ResourceDetailPage.tsx'), 'ResourceDetailPage');
const ServiceKindsPage = page(() => import('../pages/resources/ServiceKindsPage.tsx'), 'ServiceKindsPage');
const BrandsPage = page(() => import('../pages/brands/BrandsPage.tsx'), 'BrandsPage');
const BrandDetailPage = page(() => import('../pages/brands/BrandDetailPage.tsx'), 'BrandDetailPage');
const BrandMatrixPage = page(() => import('../pages/brands/BrandMatrixPage.tsx'), 'BrandMatrixPage');
const GuidePage = page(() => import('../pages/guide/GuidePage.tsx'), 'GuidePage');

/** The service kinds list is one for the whole tree: system administrators only (the API refuses others). */
function SystemAdminOnly({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  return isSystemAdmin(me) ? children : <ForbiddenPage />;
}

/** The registry pages inside the signed-in layout (issue 3): organisations, people, venues, resources, brands. */
export const registryRoutes: RouteObject[] = [
  { path: 'organisations', element: suspended(<OrganisationsPage />) },
  { path: 'organisations/:id', element: suspended(<OrganisationDetailPage />) },
  { path: 'people', element: suspended(<PeoplePage />) },
  { path: 'people/:id', element: suspended(<PersonDetailPage />) },
  { path: 'venues', element: suspended(<VenuesPage />) },
  { path: 'venues/:id', element: suspended(<VenueDetailPage />) },
  { path: 'resources', element: suspended(<ResourcesPage />) },
  { path: 'resources/:id', element: suspended(<ResourceDetailPage />) },
  { path: 'service-kinds', element: <SystemAdminOnly>{suspended(<ServiceKindsPage />)}</SystemAdminOnly> },
  { path: 'brands', element: suspended(<BrandsPage />) },
  { path: 'brands/:id', element: suspended(<BrandDetailPage />) },
  { path: 'brand-matrix', element: suspended(<BrandMatrixPage />) },
];

/** Pages anyone may open, signed in or not, outside the layout. */
export const publicRegistryRoutes: RouteObject[] = [{ path: '/guide', element: suspended(<GuidePage />, true) }];
