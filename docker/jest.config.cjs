// Validates the production deployment files (Dockerfile, compose.yml, nginx.conf) against the
// application: this machine and CI have no Docker engine to run them.
module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'deploy',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
