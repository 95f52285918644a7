export { knowledgeRoutes } from './routes';
