import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = dirname(fileURLToPath(import.meta.url));
const repo = resolve(root, '..', '..');
const api = process.env['COMMONS_API_URL'] ?? 'http://127.0.0.1:3000';

// Workspace aliases from tsconfig.base.json, so the app bundles the libraries' sources.
const { compilerOptions } = JSON.parse(readFileSync(resolve(repo, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const alias = Object.fromEntries(Object.entries(compilerOptions.paths).map(([name, [target]]) => [name, resolve(repo, target)]));

export default defineConfig({
  root,
  plugins: [react()],
  resolve: { alias },
  // No source maps in the served build: the API serves everything under dist/apps/web.
  build: {
    outDir: resolve(repo, 'dist/apps/web'),
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change far less often than our code: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|graphql-ws|@wry|optimism|rxjs|zen-observable)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': { target: api, ws: true },
      '/health': { target: api },
    },
  },
});
