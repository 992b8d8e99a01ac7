/**
 * A worker thread that runs a TypeScript module, for processes running under tsx (the CLI, the
 * tests): it boots tsx itself, because loader hooks do not reach worker threads. A JavaScript
 * entry (the CLI's bundle, see scripts/cli-bundle.js) runs as it is.
 */
import { Worker } from 'node:worker_threads';

export const tsWorker = (entry: URL, workerData: unknown): Worker =>
  entry.pathname.endsWith('.ts')
    ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`, { eval: true, workerData })
    : new Worker(entry, { workerData });
