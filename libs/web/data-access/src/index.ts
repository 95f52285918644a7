export * from './apollo-client';
export * from './api-error';
export * from './generated/graphql';
export * from './forms/use-form';
export * from './use-action';
export * from './use-reaction';
export * from './use-editor-suggestions';
