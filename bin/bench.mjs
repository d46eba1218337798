#!/usr/bin/env node
// `npm run bench`: every benchmark part in turn (each prints its figures as ratios to a baseline measured in the
// same run). Parts are the package's `bench:*` scripts; `npm run bench -- import check` runs only those.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const scripts = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts ?? {};
const parts = Object.keys(scripts)
  .filter((name) => name.startsWith('bench:'))
  .map((name) => name.slice('bench:'.length));
const wanted = process.argv.slice(2);
const unknown = wanted.filter((part) => !parts.includes(part));
if (unknown.length > 0) {
  console.error(`Unknown bench part(s): ${unknown.join(', ')}. Parts: ${parts.join(', ')}`);
  process.exit(1);
}

let failed = 0;
for (const part of wanted.length > 0 ? wanted : parts) {
  console.log(`\n=== bench:${part} ===`);
  const result = spawnSync('npm', ['run', '--silent', `bench:${part}`], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
