/**
 * The page's entry. It starts the replay worker before anything else, so the worker loads and
 * compiles on its own thread while this one evaluates the app: the first state waited for both,
 * one after the other (about 150 ms on the way to it, whatever the log's size).
 */
import { ReplayClient } from './replay-client';

const replay = new ReplayClient();
import('./mount')
  .then(({ mount }) => mount(replay))
  .catch((error: unknown) => {
    document.getElementById('root')!.textContent = `Incumbent could not start: ${(error as Error).message}`;
  });
