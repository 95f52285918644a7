export { knowledgeRoutes } from './routes';
export { GuidelinesBanner } from './guidelines/components/guidelines-banner';
