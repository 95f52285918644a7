import type { RouteObject } from 'react-router';

/** Center of Excellence screens for articles, mounted under /knowledge (lazy pages). */
export const articlesRoutes: RouteObject[] = [];
