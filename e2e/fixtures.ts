/**
 * The app under test, on a temporary data folder of its own (never `data/`): the web mode in
 * Chromium, or the desktop app through Playwright's Electron support. Specs see one interface.
 */
import { test as base, _electron, type ElectronApplication, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
}

function startWebHost(dataDir: string): Promise<{ url: string; process: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--port', '0', '--data-dir', dataDir], { cwd: ROOT, env: { ...process.env, INCUMBENT_DATA_DIR: dataDir } });
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

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

export const test = base.extend<{ app: AppUnderTest }>({
  // `playwright` rather than `browser`: the electron project must not start a browser at all.
  app: async ({ playwright, launchOptions }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'incumbent-e2e-'));
    const logPath = join(dataDir, 'logs', 'openai-2023-11.jsonl');
    const desktop = testInfo.project.metadata.electron === true;

    if (desktop) {
      const { path, reason } = electronBinary();
      testInfo.skip(!path, `electron project skipped: ${reason}; run npx install-electron`);
      let electronApp: ElectronApplication | undefined;
      const launch = async () => {
        electronApp = await _electron.launch({ executablePath: path!, args: [ROOT], cwd: ROOT, env: { ...process.env, INCUMBENT_DATA_DIR: dataDir } });
        const page = await electronApp.firstWindow();
        await page.waitForSelector('.scrubber-track');
        return page;
      };
      const app: AppUnderTest = {
        page: await launch(),
        mode: 'desktop',
        dataDir,
        logPath,
        restart: async () => {
          await electronApp!.close();
          app.page = await launch();
          return app.page;
        },
        exportSnapshot: async () => {
          const file = join(dataDir, `snapshot-${Date.now()}.json`);
          // The native save dialog cannot be clicked by a test: answer it in the main process.
          await electronApp!.evaluate(({ dialog }, filePath) => {
            dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
          }, file);
          await app.page.getByRole('button', { name: 'Export snapshot' }).click();
          await app.page.getByText(/Snapshot saved/).waitFor();
          return readFileSync(file, 'utf8');
        },
      };
      await use(app);
      await electronApp?.close();
      return;
    }

    let host = await startWebHost(dataDir);
    const browser = await playwright.chromium.launch(launchOptions);
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 } });
    const open = async () => {
      const page = await context.newPage();
      await page.goto(host.url);
      await page.waitForSelector('.scrubber-track');
      return page;
    };
    const app: AppUnderTest = {
      page: await open(),
      mode: 'web',
      dataDir,
      logPath,
      url: host.url,
      restart: async () => {
        await app.page.close();
        await stopped(host.process);
        host = await startWebHost(dataDir);
        app.url = host.url;
        app.page = await open();
        return app.page;
      },
      exportSnapshot: async () => {
        const download = app.page.waitForEvent('download');
        await app.page.getByRole('button', { name: 'Export snapshot' }).click();
        return readFileSync((await (await download).path())!, 'utf8');
      },
    };
    await use(app);
    await browser.close();
    await stopped(host.process);
  },
});

export { expect } from '@playwright/test';
