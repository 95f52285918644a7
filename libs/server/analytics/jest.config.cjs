module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'server-analytics',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
