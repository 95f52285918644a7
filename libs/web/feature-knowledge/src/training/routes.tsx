import type { RouteObject } from 'react-router';

/** Center of Excellence screens for training, mounted under /knowledge (lazy pages). */
export const trainingRoutes: RouteObject[] = [];
