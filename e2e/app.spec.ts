import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { addDirectorThroughForm, compareMoments, expect, setMoment, test } from './fixtures';

const ROOT = join(import.meta.dirname, '..');
const ceo = (page: Page) => page.getByRole('region', { name: 'Roles' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'CEO', exact: true }) });
const slider = (page: Page) => page.getByRole('slider', { name: 'Moment' });

test('the OpenAI dataset opens at its last event', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('OpenAI leadership crisis, November 2023');
  await expect(page.getByRole('region', { name: 'Events' }).getByRole('listitem').first()).toBeVisible();
  await expect(ceo(page)).toContainText('Sam Altman');
  await expect(page.getByRole('region', { name: 'Open items and figures' })).toContainText('Nothing pending.');
});

test('scrubbing to a moment shows who was CEO then', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-18T12:00');
  await expect(ceo(page)).toContainText('Mira Murati');
  await expect(ceo(page)).toContainText('interim');
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'Sat 18 Nov 2023, 12:00 PST');
  await setMoment(page, '2023-11-20T23:00');
  await expect(ceo(page)).toContainText('Emmett Shear');
  await setMoment(page, '2023-11-17T08:00');
  await expect(ceo(page)).toContainText('Sam Altman');
  await expect(page.getByRole('region', { name: 'Board' })).toContainText('Greg Brockman');
});

test('keyboard steps through the timeline event by event', async ({ app }) => {
  const { page } = app;
  const track = slider(page);
  await track.focus();
  await page.keyboard.press('Home');
  // A move lands once its state is ready (within a frame): wait for Home to reach the first event.
  await expect(track).toHaveAttribute('aria-valuenow', (await track.getAttribute('aria-valuemin'))!);
  const seen: string[] = [await track.getAttribute('aria-valuenow') ?? ''];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(track).not.toHaveAttribute('aria-valuenow', seen[seen.length - 1]!);
    seen.push((await track.getAttribute('aria-valuenow'))!);
  }
  expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => a - b));
  await page.keyboard.press('ArrowLeft');
  await expect(track).toHaveAttribute('aria-valuenow', seen[3]!);
  await expect(page.locator('.event.current')).toHaveCount(1);
  await page.keyboard.press('End');
  await expect(ceo(page)).toContainText('Sam Altman');

  // Zooming in changes the axis from days to hours; panning moves it.
  const ticks = () => page.locator('.tick').allTextContents();
  const days = await ticks();
  for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  await expect.poll(ticks).not.toEqual(days);
  expect((await ticks()).some((label) => /^\d{1,2}:\d{2}$/.test(label))).toBe(true);
  const zoomed = await ticks();
  await page.keyboard.press('Control+ArrowLeft');
  await expect.poll(ticks).not.toEqual(zoomed);
});

test('the exported snapshot is byte-identical to the CLI\'s', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-18T12:00');
  await expect(ceo(page)).toContainText('Mira Murati');
  const exported = await app.exportSnapshot();
  const cli = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'snapshot', '--at', '2023-11-18T20:00:00.000Z', '--company', 'openai', '--log', app.logPath], { cwd: ROOT, encoding: 'utf8' });
  expect(exported).toBe(cli);
  expect(JSON.parse(exported).provenance).toMatchObject({ at: '2023-11-18T20:00:00.000Z', knownAt: null, company: 'openai' });
});

test('an added event shows in the state and is still there after a restart', async ({ app }) => {
  let page = app.page;
  await setMoment(page, '2023-11-22T12:00');
  // A fictional director: the test's own copy of the log, never data/.
  await addDirectorThroughForm(page, 'Dana Example');
  await expect(page.getByRole('region', { name: 'Board' })).toContainText('Dana Example');
  page = await app.restart();
  await setMoment(page, '2023-11-22T12:00');
  await expect(page.getByRole('region', { name: 'Board' })).toContainText('Dana Example');
});

test('an invalid form entry shows an error and leaves the log unchanged', async ({ app }) => {
  const { page } = app;
  const before = readFileSync(app.logPath);
  await page.getByRole('button', { name: 'Add event' }).click();
  const form = page.getByRole('dialog', { name: 'Add an event' });
  await form.getByLabel('Kind of event').selectOption('workforce.reported');
  // Nothing is reported before the user has typed and left a field.
  await expect(form.locator('.field-error')).toHaveCount(0);
  await form.getByLabel('Headcount').fill('-5');
  await form.getByLabel('Headcount').blur();
  await expect(form.locator('.field-error')).toHaveText([/too small|positive|greater than/i]);
  await form.getByLabel('Document').fill('Memo');
  // Submitting lists every problem at once, in a summary that takes focus.
  await form.getByRole('button', { name: 'Add event' }).click();
  const summary = form.getByRole('group', { name: /problems? to fix/ });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Headcount');
  await expect(summary).toContainText('Quoted sentence');
  await summary.getByRole('link', { name: 'Quoted sentence' }).click();
  await expect(form.getByLabel('Quoted sentence')).toBeFocused();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();
  expect(readFileSync(app.logPath)).toEqual(before);
});

test('a known person under another name is refused in the form, naming the name the log has', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-22T12:00');
  const before = readFileSync(app.logPath);
  await page.getByRole('button', { name: 'Add event' }).click();
  const form = page.getByRole('dialog', { name: 'Add an event' });
  await form.getByLabel('Kind of event').selectOption('statement.made');
  const person = form.getByRole('textbox', { name: 'Person', exact: true });
  await person.fill('sam altman');
  await form.getByLabel('What was said').fill('We are back.');
  await form.getByLabel('Document').fill('A test gazette, 22 November 2023');
  await form.getByLabel('Quoted sentence').fill('He said: we are back.');
  await form.getByRole('button', { name: 'Add event' }).click();
  await expect(form.getByRole('group', { name: /problems? to fix/ })).toContainText('sam-altman is "Sam Altman" in this log');
  await expect(person).toHaveAttribute('aria-invalid', 'true');
  expect(readFileSync(app.logPath)).toEqual(before);
});

test('known-at shows what was known at an earlier recorded time', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-20T12:00');
  const figures = page.getByRole('region', { name: 'Open items and figures' });
  await expect(figures).toContainText('490');
  await page.getByLabel('As known at an earlier time').check();
  await page.getByLabel(/^Known at \(/).fill('2023-11-20T12:00');
  await expect(figures).toContainText('500');
  await page.getByLabel('As known at an earlier time').uncheck();
  await expect(figures).toContainText('490');
});

test('comparing two moments lists the changes in governance terms', async ({ app }) => {
  const { page } = app;
  const diff = await compareMoments(page, '2023-11-17T00:00', '2023-11-18T00:00');
  await expect(diff).toContainText('Sam Altman left CEO (fired)');
  await expect(diff).toContainText('Mira Murati became interim CEO');
  await expect(diff).toContainText('Greg Brockman left the board');
});

test('the web mode refuses API calls without its token or from a foreign host', async ({ app }) => {
  test.skip(app.mode !== 'web', 'the HTTP host exists only in web mode; the desktop side of this boundary (IPC sender and argument checks) is src/main/ipc.test.ts');
  const origin = new URL(app.url!).origin;
  const token = new URL(app.url!).hash.replace('#token=', '');
  const call = (headers: Record<string, string>) => fetch(`${origin}/api/log:summary`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
  expect((await call({})).status).toBe(401);
  expect((await call({ authorization: 'Bearer wrong' })).status).toBe(401);
  const ok = await call({ authorization: `Bearer ${token}` });
  expect(ok.status).toBe(200);
  expect(((await ok.json()) as { value: { title: string } }).value.title).toBe('OpenAI leadership crisis, November 2023');
  const { request } = await import('node:http');
  const status = await new Promise<number>((resolve) => {
    const req = request(`${origin}/api/log:summary`, { method: 'POST', headers: { host: 'evil.example:80', authorization: `Bearer ${token}` } }, (res) => resolve(res.statusCode!));
    req.end('{}');
  });
  expect(status).toBe(421);
});

test('the events list filters by kind and person, cites its sources, and moves the scrubber', async ({ app }) => {
  const { page } = app;
  const events = page.getByRole('region', { name: 'Events' });
  await events.getByLabel(/^Filter events by person/).fill('shear');
  // Every event that names him: the offer, its acceptance, the appointment, his statement, and his successor's return.
  await expect(events.getByRole('listitem')).toHaveCount(5);
  await events.getByLabel('Filter events by kind').selectOption('role');
  await expect(events.getByRole('listitem')).toHaveCount(2);
  const row = events.getByRole('listitem').first();
  await expect(row).toContainText('Emmett Shear became interim CEO');
  await expect(row).toContainText('the OpenAI board went on to appoint ex-Twitch boss Emmett Shear as interim CEO');
  await setMoment(page, '2023-11-17T12:00');
  // Known only to the day: the moment goes to the end of that day, where the state certainly holds it.
  await row.getByRole('button').first().click();
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'Sun 19 Nov 2023, 23:59 PST');
  await expect(page.getByRole('status')).toContainText('known only to the day');
  await expect(ceo(page)).toContainText('Emmett Shear');
});

test('a correction from the events list supersedes the event without editing it', async ({ app }) => {
  const { page } = app;
  const before = readFileSync(app.logPath, 'utf8');
  await setMoment(page, '2023-11-20T12:00');
  const events = page.getByRole('region', { name: 'Events' });
  await events.getByLabel('Filter events by kind').selectOption('workforce');
  await events.getByRole('listitem').first().getByRole('button').first().click();
  await events.getByRole('button', { name: 'Actions for: Workforce: 770' }).click();
  await page.getByRole('menuitem', { name: 'Correct…' }).click();
  const form = page.getByRole('dialog', { name: 'Correct: Workforce: 770' });
  // The correction starts from the original: its figure and its source.
  await expect(form.getByLabel('Headcount')).toHaveValue('770');
  await expect(form.getByLabel('Document')).not.toHaveValue('');
  await form.getByLabel('Headcount').fill('780');
  await form.getByLabel('Reason').fill('The company gave its own figure');
  await form.getByLabel('Document').fill('OpenAI staff memo');
  await form.getByLabel('Quoted sentence').fill('We are 780 people.');
  await form.getByRole('button', { name: 'Record correction' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('region', { name: 'Open items and figures' })).toContainText('Workforce: 780');
  await expect(events.getByRole('listitem').first()).toContainText('corrected');
  const after = readFileSync(app.logPath, 'utf8');
  expect(after.startsWith(before)).toBe(true);
  expect(JSON.parse(after.trimEnd().split('\n').at(-1)!)).toMatchObject({ type: 'event.corrected', data: { target: 'openai-2023-11-033', data: { headcount: 780 } } });
});

test('importing events is all or nothing, and the error names the event and field', async ({ app }) => {
  const { page } = app;
  const before = readFileSync(app.logPath);
  const event = (id: string, time: string) => JSON.stringify({ id, type: 'board.joined', subject: 'openai', time, timezone: 'America/Los_Angeles', data: { certainty: 'confirmed', citation: { document: 'A test gazette', quote: 'Dana Example joined the board.' }, person: { id: 'dana-example', name: 'Dana Example' } } });
  await app.importEvents(`${event('dana-1', '2023-11-22T12:00:00-08:00')}\n${event('dana-2', 'Wednesday')}\n`);
  await expect(page.getByRole('alert')).toContainText('event 2.time: must be an RFC 3339 date-time');
  expect(readFileSync(app.logPath)).toEqual(before);
  await app.importEvents(`${event('dana-1', '2023-11-22T12:00:00-08:00')}\n`);
  await expect(page.getByRole('status')).toContainText('Imported 1 event');
  // The same file again: nothing added, and the status says why.
  const once = readFileSync(app.logPath);
  await app.importEvents(`${event('dana-1', '2023-11-22T12:00:00-08:00')}\n`);
  await expect(page.getByRole('status')).toContainText('Imported 0 events; 1 already in the log with the same content, not added again');
  expect(readFileSync(app.logPath)).toEqual(once);
  await setMoment(page, '2023-11-22T13:00');
  await expect(page.getByRole('region', { name: 'Board' })).toContainText('Dana Example');
});

test('on-screen step buttons move by event and by day, as the keys do', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-18T12:00');
  await page.getByRole('button', { name: 'One day on' }).click();
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'Sun 19 Nov 2023, 12:00 PST');
  await page.getByRole('button', { name: 'One day back' }).click();
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'Sat 18 Nov 2023, 12:00 PST');
  const now = async () => Number(await slider(page).getAttribute('aria-valuenow'));
  const start = await now();
  await page.getByRole('button', { name: 'Next event' }).click();
  await expect.poll(now).toBeGreaterThan(start);
  const next = await now();
  await page.getByRole('button', { name: 'Previous event' }).click();
  await expect.poll(now).toBeLessThan(next);
});

test('known-at can count what the sources had published, not only what this log had recorded', async ({ app }) => {
  const { page } = app;
  // Entered today from an article published on 22 November 2023.
  const entered = JSON.stringify({ id: 'dana-published', type: 'board.joined', subject: 'openai', time: '2023-11-22T12:00:00-08:00', timeprecision: 'day', timezone: 'America/Los_Angeles', data: { certainty: 'reported', citation: { document: 'A test gazette', quote: 'Dana Example joined the board.', published: '2023-11-22T18:00:00-08:00' }, person: { id: 'dana-example', name: 'Dana Example' } } });
  await app.importEvents(`${entered}\n`);
  await setMoment(page, '2023-11-23T12:00');
  const board = page.getByRole('region', { name: 'Board' });
  await expect(board).toContainText('Dana Example');
  await page.getByLabel('As known at an earlier time').check();
  await page.getByLabel(/^Known at \(/).fill('2023-11-25T00:00');
  await expect(board).not.toContainText('Dana Example');
  await page.getByLabel('Known by').selectOption('published');
  await expect(board).toContainText('Dana Example');
});

test('named bookmarks are kept with the log and take you back to their moment', async ({ app }) => {
  let page = app.page;
  await setMoment(page, '2023-11-17T12:00');
  await page.getByLabel('Name for a bookmark at this moment').fill('Firing');
  await page.getByRole('button', { name: 'Add bookmark' }).click();
  await setMoment(page, '2023-11-19T21:00');
  await page.getByLabel('Name for a bookmark at this moment').fill('Shear named');
  await page.getByRole('button', { name: 'Add bookmark' }).click();
  const bookmarks = page.getByRole('region', { name: 'Bookmarks' });
  await expect(bookmarks.getByRole('button', { name: 'Shear named', exact: true })).toBeVisible();
  page = await app.restart();
  await page.getByRole('region', { name: 'Bookmarks' }).getByRole('button', { name: 'Firing', exact: true }).click();
  await expect(slider(page)).toHaveAttribute('aria-valuetext', /Fri 17 Nov 2023, 12:00 PST/);
  await page.getByRole('button', { name: 'Remove the bookmark Firing' }).click();
  await expect(page.getByRole('region', { name: 'Bookmarks' }).getByRole('button', { name: 'Firing', exact: true })).toHaveCount(0);
});
