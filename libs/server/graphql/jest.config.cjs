module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'server-graphql',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
