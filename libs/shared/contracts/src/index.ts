export * from './error-codes';
export * from './platform-role';
export * from './account-rules';
export * from './community';
export * from './reactions';
export * from './moderation';
