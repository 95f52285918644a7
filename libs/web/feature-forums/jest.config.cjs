module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'web-feature-forums',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
