import type { RouteObject } from 'react-router';

/** Center of Excellence screens for experts, mounted under /knowledge (lazy pages). */
export const expertsRoutes: RouteObject[] = [];
