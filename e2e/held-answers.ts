/**
 * Holds the replay worker's answers back on request, so a test can act while the page waits for
 * them for as long as it needs. Installed before the page's scripts; takes effect on the next load.
 */
import type { Page } from '@playwright/test';

interface Scope {
  /** Which answers are held: all of them, or only states (a question for the state at a moment). */
  holdAnswers?: false | 'all' | 'states';
  releaseAnswers?: () => void;
}

export async function holdableAnswers(page: Page, { heldFromTheStart = false } = {}) {
  await page.addInitScript((heldFromTheStart: boolean) => {
    const scope = globalThis as Scope;
    scope.holdAnswers = heldFromTheStart && 'all';
    const held: { worker: Worker; data: unknown }[] = [];
    scope.releaseAnswers = () => {
      scope.holdAnswers = false;
      for (const { worker, data } of held.splice(0)) worker.dispatchEvent(new MessageEvent('message', { data }));
    };
    globalThis.Worker = class extends Worker {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        super(...args);
        // Registered before the page's own listener, so it can keep an answer from it.
        this.addEventListener('message', (event) => {
          const value = (event.data as { value?: unknown }).value;
          const isState = typeof value === 'object' && value !== null && 'uncertain' in value;
          if (!scope.holdAnswers || (scope.holdAnswers === 'states' && !isState)) return;
          event.stopImmediatePropagation();
          held.push({ worker: this, data: event.data });
        });
      }
    };
  }, heldFromTheStart);
  return {
    hold: (which: 'all' | 'states' = 'all') => page.evaluate((which) => void ((globalThis as Scope).holdAnswers = which), which),
    release: () => page.evaluate(() => (globalThis as Scope).releaseAnswers!()),
  };
}
