module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'web-feature-communities',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
