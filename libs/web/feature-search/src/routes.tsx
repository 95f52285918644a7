import type { RouteObject } from 'react-router';
import { SearchPage } from './pages/search-page';

/** Search, mounted under /search. */
export const searchRoutes: RouteObject[] = [{ index: true, element: <SearchPage /> }];
