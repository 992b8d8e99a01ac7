/** The state stays on screen at small windows; the toolbar fits one row at 1280 px; the playhead stays in view. */
import type { Page } from '@playwright/test';
import { expect, setMoment, test } from './fixtures';

const ceoName = (page: Page) => page.getByRole('region', { name: 'Roles' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'CEO', exact: true }) }).locator('.holder');

async function inViewport(page: Page, box: { x: number; y: number; width: number; height: number } | null) {
  const size = page.viewportSize()!;
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(size.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
}

for (const [width, height] of [[800, 600], [1024, 768]] as const) {
  test(`at ${width}x${height} the CEO's name is in view without scrolling, and the events open in a drawer`, async ({ app }) => {
    const { page } = app;
    await page.setViewportSize({ width, height });
    await setMoment(page, '2023-11-18T12:00');
    await expect(ceoName(page)).toHaveText('Mira Murati');
    await inViewport(page, await ceoName(page).boundingBox());
    expect(await page.locator('.pane-state').evaluate((el) => el.scrollTop)).toBe(0);
    // The events are one click away, and go away again.
    const toggle = page.getByRole('button', { name: /^Events/ });
    await expect(page.getByRole('region', { name: 'Events' })).toBeHidden();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const events = page.getByRole('region', { name: 'Events' });
    await expect(events.getByRole('listitem').first()).toBeVisible();
    await events.getByRole('button', { name: 'Close the events panel' }).click();
    await expect(events).toBeHidden();
  });
}

test('at 1280 px the toolbar is one row and the title is whole', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  const tops = await page.locator('.toolbar > *').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null && !e.classList.contains('spacer')).map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)));
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(12);
  const title = page.getByRole('heading', { level: 1 });
  expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight + 1)).toBe(true);
});

test('at 200% zoom (640x450 CSS px) the CEO is still in view', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 640, height: 450 });
  await setMoment(page, '2023-11-20T23:00');
  await expect(ceoName(page)).toHaveText('Emmett Shear');
  await inViewport(page, await ceoName(page).boundingBox());
});

for (const [width, height] of [[400, 300], [512, 350], [1440, 450]] as const) {
  test(`at ${width}x${height} CSS px (200% zoom of a small window) the page scrolls as one and the state is not squeezed`, async ({ app }) => {
    const { page } = app;
    await page.setViewportSize({ width, height });
    await setMoment(page, '2023-11-20T23:00');
    await expect(ceoName(page)).toHaveText('Emmett Shear');
    // The toolbar and scrubber scroll away: the state gets the whole window, not what they leave of it.
    await ceoName(page).scrollIntoViewIfNeeded();
    await inViewport(page, await ceoName(page).boundingBox());
    const pane = await page.locator('.pane-state').evaluate((el) => ({ height: el.getBoundingClientRect().height, own: el.scrollHeight - el.clientHeight }));
    expect(pane.own).toBeLessThanOrEqual(1);
    expect(pane.height).toBeGreaterThan(height);
  });
}

test('the playhead and its label stay on the track, and known-at keeps the zoom', async ({ app }) => {
  const { page } = app;
  const slider = page.getByRole('slider', { name: 'Moment' });
  for (const moment of ['2023-11-22T12:00', '2023-11-23T09:00', '2023-11-16T00:00']) {
    await setMoment(page, moment);
    const [now = 0, max = 0, min = 0] = await Promise.all(['aria-valuenow', 'aria-valuemax', 'aria-valuemin'].map(async (a) => Number(await slider.getAttribute(a))));
    expect(now).toBeLessThanOrEqual(max);
    expect(now).toBeGreaterThanOrEqual(min);
    const track = (await page.locator('.scrubber-track').boundingBox())!;
    const label = (await page.locator('.playhead-label').boundingBox())!;
    expect(label.x).toBeGreaterThanOrEqual(track.x - 1);
    expect(label.x + label.width).toBeLessThanOrEqual(track.x + track.width + 1);
  }
  // Zoom in, then look at an earlier knowledge: the axis stays where the user put it.
  await setMoment(page, '2023-11-20T12:00');
  await slider.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('+');
  const ticks = await page.locator('.tick').allTextContents();
  await page.getByLabel('As known at an earlier time').check();
  await page.getByLabel(/^Known at \(/).fill('2023-11-20T12:00');
  await expect(page.getByRole('region', { name: 'Open items and figures' })).toContainText('500');
  expect(await page.locator('.tick').allTextContents()).toEqual(ticks);
  // Panned away by hand, the moment is one click from view again.
  await slider.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('Control+ArrowRight');
  const edge = page.getByRole('button', { name: /is out of view: show it/ });
  await expect(edge).toBeVisible();
  await edge.click();
  await expect(page.locator('.playhead')).toBeVisible();
});

test('a long seat title wraps beside its holder rather than take most of the roles column', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 800, height: 600 });
  const role = 'Executive Vice President, Global Operations and Strategic Partnerships';
  const event = { id: 'long-title', type: 'role.assumed', subject: 'openai', time: '2023-11-22T12:00:00-08:00', timezone: 'America/Los_Angeles', data: { certainty: 'confirmed', citation: { document: 'A test gazette', quote: 'Eve Long is named.' }, person: { id: 'eve-long', name: 'Eve Long' }, role } };
  await app.importEvents(`${JSON.stringify(event)}\n`);
  await expect(page.getByRole('status')).toContainText('Imported 1 event');
  await setMoment(page, '2023-11-22T13:00');
  const table = page.getByRole('region', { name: 'Roles' }).getByRole('table');
  const title = table.getByRole('rowheader', { name: role });
  await expect(title).toBeVisible();
  const [titleBox, tableBox] = [await title.boundingBox(), await table.boundingBox()];
  // It took 60% of the column at 800 px, squeezing every holder's name and dates beside it.
  expect(titleBox!.width).toBeLessThanOrEqual(tableBox!.width * 0.4);
});
