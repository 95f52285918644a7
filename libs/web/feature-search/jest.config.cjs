module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'web-feature-search',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
