module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'web-feature-metrics',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
