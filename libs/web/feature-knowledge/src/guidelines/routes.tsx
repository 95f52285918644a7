import type { RouteObject } from 'react-router';

/** Center of Excellence screens for guidelines, mounted under /knowledge (lazy pages). */
export const guidelinesRoutes: RouteObject[] = [];
