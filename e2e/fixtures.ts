/**
 * The app under test, on a temporary data folder of its own (never `data/`): the web mode in
 * Chromium, or the desktop app through Playwright's Electron support. Specs see one interface.
 */
import { test as base, expect as expectOf, _electron, type Browser, type ElectronApplication, type LaunchOptions, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_INDEX_URL } from '../src/main/app-origin';
import { electronBinary } from './electron-binary';

const ROOT = join(import.meta.dirname, '..');

export interface AppUnderTest {
  page: Page;
  mode: 'web' | 'desktop';
  dataDir: string;
  logPath: string;
  /** The web mode's address (with its token), for tests of the host itself. */
  url?: string;
  restart(): Promise<Page>;
  /** Exports the snapshot at the page's current moment through the UI and returns the file's text. */
  exportSnapshot(): Promise<string>;
  /** Imports JSON Lines through the UI (file chooser or native open dialog). */
  importEvents(text: string): Promise<void>;
}

/** Starts `npm run web`'s host on a free port; `log` (a file or postgres:// URL) overrides the starter copy. */
export function startWebHost(dataDir: string, log?: string): Promise<{ url: string; process: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['out/main/web.js', '--port', '0', '--data-dir', dataDir, ...(log ? ['--log', log] : [])], { cwd: ROOT, env: { ...process.env, INCUMBENT_DATA_DIR: dataDir } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(output)?.[0];
      if (url) resolve({ url, process: child });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`web host exited (${code}): ${output}`)));
  });
}

export const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** How one mode starts, stops and answers the dialogs a test cannot click. */
interface Driver {
  mode: AppUnderTest['mode'];
  start(): Promise<Page>;
  stop(): Promise<void>;
  url?(): string;
  exportSnapshot(page: Page): Promise<string>;
  importFile(page: Page, path: string): Promise<void>;
}

/** The one interface specs use, whichever mode drives it. */
async function appUnderTest(driver: Driver, dataDir: string): Promise<AppUnderTest> {
  const app: AppUnderTest = {
    page: await driver.start(),
    mode: driver.mode,
    dataDir,
    logPath: join(dataDir, 'logs', 'openai-2023-11.jsonl'),
    url: driver.url?.(),
    restart: async () => {
      await driver.stop();
      app.page = await driver.start();
      app.url = driver.url?.();
      return app.page;
    },
    exportSnapshot: () => driver.exportSnapshot(app.page),
    importEvents: async (text) => {
      const file = join(dataDir, `import-${Date.now()}.jsonl`);
      writeFileSync(file, text);
      await driver.importFile(app.page, file);
    },
  };
  return app;
}

function electronDriver(executablePath: string, dataDir: string): Driver {
  let electronApp: ElectronApplication | undefined;
  // Native dialogs cannot be clicked by a test: answer them in the main process.
  const answerDialogs = (filePath: string) =>
    electronApp!.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [path] })) as typeof dialog.showOpenDialog;
    }, filePath);
  return {
    mode: 'desktop',
    start: async () => {
      // The built app, never electron-vite's dev server, even if the caller's shell points at one.
      const { ELECTRON_RENDERER_URL: _devServer, ...env } = process.env;
      electronApp = await _electron.launch({ executablePath, args: [ROOT], cwd: ROOT, env: { ...env, INCUMBENT_DATA_DIR: dataDir } });
      const page = await electronApp.firstWindow();
      await page.waitForSelector('.scrubber-track');
      // The page must come from our own scheme (src/main/app-protocol.ts), never from file://.
      if (page.url() !== APP_INDEX_URL) throw new Error(`the desktop app showed ${page.url()}, not ${APP_INDEX_URL}`);
      return page;
    },
    stop: async () => {
      await electronApp?.close();
    },
    exportSnapshot: async (page) => {
      const file = join(dataDir, `snapshot-${Date.now()}.json`);
      await answerDialogs(file);
      await page.getByRole('button', { name: 'Export snapshot' }).click();
      await page.getByText(/Snapshot saved/).waitFor();
      return readFileSync(file, 'utf8');
    },
    importFile: async (page, path) => {
      await answerDialogs(path);
      await page.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menuitem', { name: 'Import events…' }).click();
    },
  };
}

function webDriver(playwright: PlaywrightWorkerArgs['playwright'], launchOptions: LaunchOptions, dataDir: string): Driver {
  let host: { url: string; process: ChildProcess } | undefined;
  let browser: Browser | undefined;
  return {
    mode: 'web',
    url: () => host!.url,
    start: async () => {
      host = await startWebHost(dataDir);
      browser = await playwright.chromium.launch(launchOptions);
      const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(host.url);
      await page.waitForSelector('.scrubber-track');
      return page;
    },
    stop: async () => {
      await browser?.close();
      if (host) await stopped(host.process);
    },
    exportSnapshot: async (page) => {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export snapshot' }).click();
      return readFileSync((await (await download).path())!, 'utf8');
    },
    importFile: importInWebMode,
  };
}

/**
 * Imports the file at `path` through the web page's menu. Done once the host has answered: a test
 * that reloads straight after would otherwise cut the import off.
 */
export async function importInWebMode(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/log:import'));
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Import events…' }).click();
  await (await chooser).setFiles(path);
  await answered;
}

export const test = base.extend<{ app: AppUnderTest }>({
  // `playwright` rather than `browser`: the electron project must not start a browser at all.
  app: async ({ playwright, launchOptions }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'incumbent-e2e-'));
    let driver: Driver;
    if (testInfo.project.metadata.electron === true) {
      const { path, reason } = electronBinary();
      testInfo.skip(!path, `electron project skipped: ${reason}; run npx install-electron`);
      driver = electronDriver(path!, dataDir);
    } else {
      driver = webDriver(playwright, launchOptions, dataDir);
    }
    await use(await appUnderTest(driver, dataDir));
    await driver.stop();
  },
});

/**
 * Adds a fictional director through the page's form at its current moment, and waits until the
 * append has committed (the form closes then). Tests only ever write to their own copy of a log.
 */
/** Types a moment (wall time in the company's zone, "2023-11-21T12:00") into the Moment field. */
export const setMoment = (page: Page, local: string) => page.getByLabel(/^Moment \(/).fill(local);

/** Compares two moments (local times, as typed) in the Compare dialog; the list of differences it shows. */
export async function compareMoments(page: Page, from: string, to: string) {
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare two moments' });
  await dialog.getByLabel('Compare from').fill(from);
  await dialog.getByLabel('Compare to').fill(to);
  await dialog.getByRole('button', { name: 'Compare', exact: true }).click();
  return dialog.getByRole('list', { name: 'Differences' });
}

export async function addDirectorThroughForm(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Add event' }).click();
  const form = page.getByRole('dialog', { name: 'Add an event' });
  await form.getByLabel('Kind of event').selectOption('board.joined');
  await form.getByRole('textbox', { name: 'Person', exact: true }).fill(name);
  await form.getByLabel('Document').fill('A test gazette, 22 November 2023');
  await form.getByLabel('Quoted sentence').fill(`${name} joined the board.`);
  await form.getByRole('button', { name: 'Add event' }).click();
  await expectOf(form).toBeHidden();
}

export { expect } from '@playwright/test';
