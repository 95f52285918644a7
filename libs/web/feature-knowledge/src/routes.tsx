import type { RouteObject } from 'react-router';
import { articlesRoutes } from './articles/routes';
import { KnowledgeLayout } from './knowledge-layout';
import { expertsRoutes } from './experts/routes';
import { guidelinesRoutes } from './guidelines/routes';
import { trainingRoutes } from './training/routes';

/** The Center of Excellence, mounted at /knowledge: each part brings its own routes, under one bar of its parts. */
export const knowledgeRoutes: RouteObject[] = [{ element: <KnowledgeLayout />, children: [...articlesRoutes, ...guidelinesRoutes, ...trainingRoutes, ...expertsRoutes] }];
