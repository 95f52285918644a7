module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'server-communities',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
