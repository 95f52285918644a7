export * from './data-source-options';
export * from './database.module';
export * from './database-health';
export * from './run-migrations';
export * from './statement-counter';
export * from './migrations';
export * from './testing/test-database';
