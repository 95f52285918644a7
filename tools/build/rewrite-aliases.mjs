#!/usr/bin/env node
// After `tsc` has compiled the API into dist/apps/api, replaces the workspace aliases
// (`require("@commons/server-core")`) with relative paths to the compiled libraries, so the
// build runs on plain Node with no path-mapping hook. The aliases come from tsconfig.base.json.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = resolve(root, process.argv[2] ?? 'dist/apps/api');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const aliases = new Map(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, join(outDir, target.replace(/\.ts$/, '.js'))]),
);

function* jsFiles(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* jsFiles(path);
    else if (path.endsWith('.js')) yield path;
  }
}

let rewritten = 0;
for (const file of jsFiles(outDir)) {
  const source = readFileSync(file, 'utf8');
  const result = source.replace(/require\("(@commons\/[a-z-]+)"\)/g, (match, alias) => {
    const target = aliases.get(alias);
    if (!target) throw new Error(`${file}: unknown workspace alias ${alias}`);
    let path = relative(dirname(file), target);
    if (!path.startsWith('.')) path = `./${path}`;
    rewritten++;
    return `require("${path}")`;
  });
  if (result !== source) writeFileSync(file, result);
}
console.log(`rewrote ${rewritten} workspace imports in ${relative(root, outDir)}`);
