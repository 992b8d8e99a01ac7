/**
 * What a screen reader is given to say: every sentence put in a live region (one that is not "off";
 * a status or an alert is one), in order, with when (the page's `performance.now()`).
 */
import type { Page } from '@playwright/test';

/** Runs in the page: pass it to `page.evaluate` (from now) or `page.addInitScript` (from the page's start). */
export function listenToLiveRegions(): void {
  const said: { text: string; at: number }[] = [];
  (globalThis as { said?: typeof said }).said = said;
  new MutationObserver(() => {
    for (const region of document.querySelectorAll('[aria-live]:not([aria-live="off"]), [role="status"]:not([aria-live="off"]), [role="alert"]')) {
      const text = region.textContent ?? '';
      if (text && (region as HTMLElement).dataset.said !== text) said.push({ text: ((region as HTMLElement).dataset.said = text), at: performance.now() });
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/** The sentences heard so far, with when. */
export const spokenWithTimes = (page: Page) => page.evaluate(() => (globalThis as { said?: { text: string; at: number }[] }).said ?? []);

/** The sentences heard so far. */
export const spoken = async (page: Page) => (await spokenWithTimes(page)).map(({ text }) => text);
