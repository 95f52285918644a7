module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'web-feature-blogs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
