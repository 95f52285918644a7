export { KnowledgeModule } from './knowledge.module';
export { KnowledgeEvent } from './knowledge-events';
