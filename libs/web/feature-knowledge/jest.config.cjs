module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'web-feature-knowledge',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
