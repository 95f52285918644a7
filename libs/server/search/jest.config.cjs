module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'server-search',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
