// `npx jest` at the root runs every project in one process tree, sharing one PostgreSQL.
module.exports = {
  projects: ['<rootDir>/apps/*/jest.config.cjs', '<rootDir>/libs/**/jest.config.cjs', '<rootDir>/docker/jest.config.cjs'],
};
