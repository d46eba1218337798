// Runs a TypeScript worker (named in workerData.entry) through tsx, as the import's own workers do.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
