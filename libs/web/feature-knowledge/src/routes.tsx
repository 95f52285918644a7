import type { RouteObject } from 'react-router';
import { articlesRoutes } from './articles/routes';
import { expertsRoutes } from './experts/routes';
import { guidelinesRoutes } from './guidelines/routes';
import { trainingRoutes } from './training/routes';

/** The Center of Excellence, mounted at /knowledge: each part brings its own routes. */
export const knowledgeRoutes: RouteObject[] = [...articlesRoutes, ...guidelinesRoutes, ...trainingRoutes, ...expertsRoutes];
