#!/usr/bin/env node
// npm run schema:write: regenerates apps/api/schema.graphql from the code-first schema
// (by running the schema test in update mode), then the web client's typed operations.
import { spawnSync } from 'node:child_process';
import { repoRoot } from './lib/embedded-postgres.mjs';

const run = (args, env = {}) => {
  const { status } = spawnSync('npx', args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  if (status !== 0) process.exit(status ?? 1);
};
run(['jest', '-c', 'apps/api/jest.config.cjs', 'apps/api/src/schema.api.spec.ts'], { UPDATE_SCHEMA: '1' });
run(['graphql-codegen', '--config', 'tools/codegen.ts']);
