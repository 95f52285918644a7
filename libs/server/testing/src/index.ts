export * from './graphql-client';
export * from './test-app';
export * from './built-server';
export * from './ws-client';
export * from './postgres-process';
