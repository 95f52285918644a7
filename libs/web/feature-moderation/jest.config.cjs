module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'web-feature-moderation',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
