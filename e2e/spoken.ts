/**
 * What a screen reader is given to say: every sentence put in a live region (one that is not "off";
 * a status or an alert is one), in order, with when (the page's `performance.now()`).
 */
import type { Locator, Page } from '@playwright/test';

/** A live region: one whose changes a screen reader says (a status, an alert or a log unless made "off", or any aria-live but "off"). */
export const LIVE_REGION = '[aria-live]:not([aria-live="off"]), [role="status"]:not([aria-live="off"]), [role="alert"], [role="log"]:not([aria-live="off"])';

/** Runs in the page, given `LIVE_REGION`: pass both to `page.evaluate` (from now) or `page.addInitScript` (from the page's start). */
export function listenToLiveRegions(live: string): void {
  const said: { text: string; at: number }[] = [];
  (globalThis as { said?: typeof said }).said = said;
  new MutationObserver(() => {
    for (const region of document.querySelectorAll(live)) {
      const text = region.textContent ?? '';
      if (text && (region as HTMLElement).dataset.said !== text) said.push({ text: ((region as HTMLElement).dataset.said = text), at: performance.now() });
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/** The sentences heard so far, with when. */
export const spokenWithTimes = (page: Page) => page.evaluate(() => (globalThis as { said?: { text: string; at: number }[] }).said ?? []);

/** The sentences heard so far. */
export const spoken = async (page: Page) => (await spokenWithTimes(page)).map(({ text }) => text);

/** How many live regions hold an element (itself included): more than one, and a screen reader may say it more than once. */
export const liveRegionsAround = (element: Locator) =>
  element.evaluate((e, live) => {
    let regions = 0;
    for (let at: Element | null = e; at; at = at.parentElement) if (at.matches(live)) regions += 1;
    return regions;
  }, LIVE_REGION);
