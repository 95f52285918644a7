export * from './error-alert';
export * from './query-state';
export * from './person-avatar';
export * from './coming-soon';
