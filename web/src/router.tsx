import { createBrowserRouter, type RouteObject } from 'react-router';
import { publicPages, shellPages } from './routes';
import { AppLayout } from './shell/AppLayout';
import { NotFoundPage } from './shell/NotFoundPage';
import { PageAccess } from './shell/PageAccess';
import { PublicLayout } from './shell/PublicLayout';
import { RequireSession } from './shell/RequireSession';

const shellRoutes: RouteObject[] = shellPages.map(({ path, access, component: Page }) => {
  const element = (
    <PageAccess key={path} access={access}>
      <Page />
    </PageAccess>
  );
  return path === '' ? { index: true, element } : { path, element };
});

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: publicPages.map(({ path, component: Page }) => ({ path, element: <Page /> })),
  },
  {
    element: <RequireSession />,
    children: [{ element: <AppLayout />, children: [...shellRoutes, { path: '*', element: <NotFoundPage /> }] }],
  },
]);
