/**
 * A worker thread that runs a TypeScript module, for processes running under tsx (the CLI, the
 * tests). It boots tsx itself, because loader hooks do not reach worker threads.
 */
import { Worker } from 'node:worker_threads';

export const tsWorker = (entry: URL, workerData: unknown): Worker =>
  new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`, { eval: true, workerData });
