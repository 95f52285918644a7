module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'server-blogs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
