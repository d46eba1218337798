#!/usr/bin/env node
// `npm start`: the whole portal locally. npm puts the project's Node 24 (the `node` devDependency) first on the PATH;
// tsx runs the TypeScript sources directly, so the local stack runs exactly the code that is deployed.
import { register } from 'tsx/esm/api';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `npm start needs Node 22 or newer (this is ${process.version}). Run it as \`npm start\` from the project folder.`,
  );
  process.exit(1);
}
register();
const { main } = await import('../functions/local/start.ts');
const exitCode = await main(process.env);
// Every server and client is closed by now; tsx's loader keeps a message port open that would hold the process, so
// leave explicitly with the stack's own exit code.
process.exit(exitCode);
