// One vitest config for every project: each project's `test` script points here and runs
// from its own directory, so tests import libs from source without a build step.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const workspaceRoot = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: process.cwd(),
  resolve: {
    alias: [{ find: /^@compose\/([a-z0-9-]+)$/, replacement: path.join(workspaceRoot, 'libs/$1/src/index.ts') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: path.join(process.cwd(), 'test-results.json') }]],
  },
});
