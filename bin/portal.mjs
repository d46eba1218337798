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

// `portal import` keeps both cores busy with its worker threads. V8's parallel GC helper threads then only compete
// with them (measured: 17 % of the CPU), so the import runs with one GC thread per isolate, and with 1 MB
// semi-spaces for every isolate (workers included: the flag overrides their resourceLimits), which keeps peak RSS
// near 190 MB instead of 256–285 MB (issue 3: ≤ 256 MB) for a few % more CPU (docs/performance.md → Import). These
// are process-wide V8 flags that only the node command line sets: re-run this file with them. Other commands as before.
const IMPORT_V8_FLAGS = ['--single-threaded-gc', '--max-semi-space-size=1'];
if (process.argv[2] === 'import' && !process.execArgv.includes(IMPORT_V8_FLAGS[0])) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...IMPORT_V8_FLAGS, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  // Ctrl-C reaches the child through the terminal's process group already; a SIGTERM sent to this pid is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  // The child's exit code is the command's (0 done, 1 failed, 2 usage error: functions/cli/main.ts): pass it on.
  const [code, signal] = await new Promise((resolve) => child.on('exit', (...outcome) => resolve(outcome)));
  process.exit(signal ? 1 : (code ?? 1));
}
register();
const { main } = await import('../functions/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
