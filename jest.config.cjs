// `npx jest` at the root runs every project in one process tree, sharing one PostgreSQL.
// testTimeout is a global option: in a multi-project run, the projects' own values are ignored.
module.exports = {
  projects: ['<rootDir>/apps/*/jest.config.cjs', '<rootDir>/libs/**/jest.config.cjs', '<rootDir>/docker/jest.config.cjs'],
  testTimeout: 60000,
};
