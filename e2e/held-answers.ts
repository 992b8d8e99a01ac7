/**
 * Holds the replay worker's answers back on request, so a test can act while the page waits for
 * them for as long as it needs. Installed before the page's scripts; takes effect on the next load.
 */
import type { Page } from '@playwright/test';

interface Scope {
  holdAnswers?: boolean;
  releaseAnswers?: () => void;
}

export async function holdableAnswers(page: Page, { heldFromTheStart = false } = {}) {
  await page.addInitScript((heldFromTheStart: boolean) => {
    const scope = globalThis as Scope;
    scope.holdAnswers = heldFromTheStart;
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
          if (!scope.holdAnswers) return;
          event.stopImmediatePropagation();
          held.push({ worker: this, data: event.data });
        });
      }
    };
  }, heldFromTheStart);
  return {
    hold: () => page.evaluate(() => void ((globalThis as Scope).holdAnswers = true)),
    release: () => page.evaluate(() => (globalThis as Scope).releaseAnswers!()),
  };
}
