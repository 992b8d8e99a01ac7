/** A promise-based handle on the replay worker. */
import type { Request, Responses } from './replay-protocol';

export class ReplayClient {
  #worker = new Worker(new URL('./replay.worker.ts', import.meta.url), { type: 'module' });
  #next = 0;
  #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor() {
    this.#worker.onmessage = (event: MessageEvent<{ id: number; ok: boolean; value?: unknown; message?: string }>) => {
      const waiting = this.#pending.get(event.data.id);
      this.#pending.delete(event.data.id);
      if (event.data.ok) waiting?.resolve(event.data.value);
      else waiting?.reject(new Error(event.data.message));
    };
  }

  ask<R extends Request>(request: R): Promise<Responses[R['op']]> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ id, request });
    });
  }
}
