#!/usr/bin/env node
// The operator CLI. npm puts the project's Node (the `node` devDependency, a current LTS) first on the PATH of
// `npx portal` and npm scripts; tsx runs the TypeScript sources directly, so there is no build step to forget.
import { register } from 'tsx/esm/api';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `portal needs Node 22 or newer (this is ${process.version}). Run it as \`npx portal\` from the project folder.`,
  );
  process.exit(1);
}
register();
const { main } = await import('../functions/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
