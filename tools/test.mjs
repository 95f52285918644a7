#!/usr/bin/env node
// npm test: lint, type check and build (Nx, cached), then every Jest project in one run —
// unit tests, API tests on a real PostgreSQL (embedded unless DATABASE_URL is set), the
// black-box tests of the built server, and the browser journeys in Chromium.
// Writes test-results/jest.json and ends with the line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/embedded-postgres.mjs';

const env = { ...process.env, NX_DAEMON: 'false' };
const step = (title, command, args) => {
  process.stdout.write(`\n== ${title}\n`);
  return spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env }).status ?? 1;
};

if (step('Lint, type check and build', 'npx', ['nx', 'run-many', '-t', 'lint', 'typecheck', 'build', '--output-style=static']) !== 0) {
  process.stdout.write('\nLint, type check or build failed: fix them before the tests run.\n0 passed, 1 failed\n');
  process.exit(1);
}

if (!existsSync('/usr/bin/chromium')) {
  process.stdout.write(
    '\n' + '!'.repeat(100) + '\n' +
      'BROWSER TESTS WILL BE SKIPPED: Chromium not found at /usr/bin/chromium.\n' +
      'Install it with: sudo apt-get install -y chromium   (then run npm test again)\n' +
      '!'.repeat(100) + '\n',
  );
}

const results = join(repoRoot, 'test-results');
mkdirSync(results, { recursive: true });
const outputFile = join(results, 'jest.json');
const jestArgs = ['jest', '--ci', '--maxWorkers=2', '--json', `--outputFile=${outputFile}`, ...process.argv.slice(2)];
const jestStatus = step('Tests', 'npx', jestArgs);

let passed = 0;
let failed = jestStatus === 0 ? 0 : 1;
if (existsSync(outputFile)) {
  const report = JSON.parse(readFileSync(outputFile, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  if (jestStatus !== 0 && failed === 0) failed = 1;
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(jestStatus === 0 ? 0 : 1);
