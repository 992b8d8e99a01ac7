/**
 * What `npm run bench:ui` measures in the page, each function run inside Chromium through
 * Playwright. Every figure is taken the way a user meets it: from the key press (or pointer move)
 * to the frame after the new state was committed, with long tasks counted by the browser itself.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';

/** The state panel says which moment its state belongs to (`data-moment`); the slider, which moment is chosen. */
export const STATE = '.state[data-moment]';
const SLIDER = '[role=slider][aria-label=Moment]';

/**
 * Clicks the track at `fraction` of its width: milliseconds to the clicked moment's state shown
 * (polled from outside, so up to a frame late). The first jump into a large log builds the
 * head's checkpoints up to there, unless the worker has built them while idle.
 */
export async function jumpTo(page: Page, fraction: number): Promise<number> {
  const box = (await page.locator('.scrubber-track').boundingBox())!;
  const before = await page.getAttribute(SLIDER, 'aria-valuenow');
  const start = Date.now();
  await page.mouse.click(box.x + box.width * fraction, box.y + box.height - 4);
  await page.waitForFunction(
    ({ slider, state, before }) => {
      const want = document.querySelector(slider)?.getAttribute('aria-valuenow');
      return want !== before && want === document.querySelector(state)?.getAttribute('data-moment');
    },
    { slider: SLIDER, state: STATE, before },
    { timeout: 120_000 },
  );
  return Date.now() - start;
}

/** Samples are in-page milliseconds: key press to the first frame painted after the matching state. */
export async function keyboardSteps(page: Page, steps: number): Promise<number[]> {
  // From the middle of the track: at the log's end there is no next event to step to.
  const box = (await page.locator('.scrubber-track').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height - 4);
  await page.waitForFunction(
    ({ slider, state }) => document.querySelector(slider)?.getAttribute('aria-valuenow') === document.querySelector(state)?.getAttribute('data-moment'),
    { slider: SLIDER, state: STATE },
    { timeout: 120_000 },
  );
  await page.focus(SLIDER);
  const samples: number[] = [];
  for (let i = 0; i < steps; i++) {
    const sample = await page.evaluate(
      ({ slider, state }) =>
        new Promise<number>((resolve, reject) => {
          const el = document.querySelector<HTMLElement>(slider)!;
          const before = el.getAttribute('aria-valuenow');
          const t0 = performance.now();
          el.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
          const deadline = t0 + 60_000;
          // Polled each frame: a state is painted in the frame whose rAF first sees it, plus that frame.
          const check = () => {
            const want = el.getAttribute('aria-valuenow');
            const shown = document.querySelector(state)?.getAttribute('data-moment');
            if (want !== before && shown === want) {
              // The next frame has painted what this one committed.
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
              return;
            }
            if (performance.now() > deadline) return reject(new Error(`no state for ${want} after 60 s (shown ${shown})`));
            requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
      { slider: SLIDER, state: STATE },
    );
    samples.push(sample);
  }
  return samples;
}

export interface DragFigures {
  frames: number[];
  longTasks: number[];
}

/**
 * Drags the playhead across the middle of the track, one pointer move every 16 ms for `ms`, and
 * records every frame's interval (rAF to rAF) and every long task in that span.
 */
export async function drag(page: Page, ms: number): Promise<DragFigures> {
  const box = (await page.locator('.scrubber-track').boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __long: number[]; __stop: boolean; __obs: PerformanceObserver };
    w.__frames = [];
    w.__long = [];
    w.__stop = false;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
    w.__obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration)));
    w.__obs.observe({ type: 'longtask' });
  });
  const y = box.y + box.height / 2;
  const from = box.x + box.width * 0.3;
  const to = box.x + box.width * 0.7;
  await page.mouse.move(from, y);
  await page.mouse.down();
  const start = Date.now();
  for (let i = 0; Date.now() - start < ms; i++) {
    const f = ((Date.now() - start) / ms) * 2;
    // There and back, so the moment sweeps a range of states rather than one point.
    await page.mouse.move(from + (to - from) * (f < 1 ? f : 2 - f), y);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __long: number[]; __stop: boolean; __obs: PerformanceObserver };
    w.__stop = true;
    w.__obs.disconnect();
    return { frames: w.__frames.slice(1), longTasks: w.__long };
  });
}

/**
 * Known-at switched on (at the chosen moment), then moved to new recorded times spread over the
 * log: each sample from the change to the frame after the state that answers it (the state panel
 * names its known-at in `data-known`). The synthetic logs are in UTC, so a time is typed as UTC.
 */
export async function knownAtChanges(page: Page, moves: number): Promise<{ on: number; moved: number[] }> {
  const untilAnswered = (action: 'on' | string) =>
    page.evaluate(
      ({ action, slider, state }) =>
        new Promise<number>((resolve, reject) => {
          const t0 = performance.now();
          let want: string;
          if (action === 'on') {
            want = new Date(Number(document.querySelector(slider)!.getAttribute('aria-valuenow'))).toISOString();
            document.querySelector<HTMLInputElement>('.known-at input[type=checkbox]')!.click();
          } else {
            want = new Date(`${action}:00Z`).toISOString();
            const input = document.querySelector<HTMLInputElement>('input[aria-label^="Known at ("]')!;
            Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, action.replace('T', ' '));
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }
          const deadline = t0 + 120_000;
          const check = () => {
            if (document.querySelector(state)?.getAttribute('data-known') === want) return requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
            if (performance.now() > deadline) return reject(new Error(`no state known at ${want} after 120 s`));
            requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
      { action, slider: SLIDER, state: STATE },
    );
  const on = await untilAnswered('on');
  const min = Number(await page.locator(SLIDER).getAttribute('aria-valuemin'));
  const max = Number(await page.locator(SLIDER).getAttribute('aria-valuemax'));
  const moved: number[] = [];
  for (let i = 0; i < moves; i++) {
    // Spread over the log, not in order: each a recorded time the worker has not been asked yet.
    const fraction = ((i * 7919) % moves) / moves;
    const minute = Math.floor((min + (max - min) * (0.05 + 0.9 * fraction)) / 60_000) * 60_000;
    moved.push(await untilAnswered(new Date(minute).toISOString().slice(0, 16)));
  }
  return { on, moved };
}

export const domElements = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);

/** The page's JS heap and the replay worker's, in bytes, through the DevTools protocol. */
export async function heaps(page: Page, browser: Browser): Promise<{ page: number; workers: number; each: number[] }> {
  const pageSession: CDPSession = await page.context().newCDPSession(page);
  await pageSession.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const pageHeap = (await pageSession.send('Runtime.getHeapUsage')).usedSize;
  await pageSession.detach();
  // Workers are separate targets: attach from the browser session (unflattened, so messages route by sessionId).
  const browserSession = await browser.newBrowserCDPSession();
  const { targetInfos } = await browserSession.send('Target.getTargets');
  const each: number[] = [];
  for (const target of targetInfos.filter((t) => t.type === 'worker')) {
    const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const reply = new Promise<number>((resolve) => {
      const listener = (event: { sessionId: string; message: string }) => {
        const message = JSON.parse(event.message) as { id: number; result?: { usedSize: number } };
        if (event.sessionId !== sessionId || message.id !== 2) return;
        browserSession.off('Target.receivedMessageFromTarget', listener);
        resolve(message.result?.usedSize ?? 0);
      };
      browserSession.on('Target.receivedMessageFromTarget', listener);
    });
    await browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }) });
    await browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 2, method: 'Runtime.getHeapUsage' }) });
    each.push(await Promise.race([reply, new Promise<number>((resolve) => setTimeout(() => resolve(0), 30_000))]));
    await browserSession.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
  await browserSession.detach();
  return { page: pageHeap, workers: each.reduce((sum, heap) => sum + heap, 0), each };
}
