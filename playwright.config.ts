import { defineConfig } from '@playwright/test';

/**
 * One set of specs, two projects: `chromium` drives the web mode in Debian's Chromium; `electron`
 * launches the desktop app and skips, saying why, where the Electron binary is not installed.
 */
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: { trace: 'retain-on-failure', viewport: { width: 1440, height: 900 } },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          // As root Chromium needs --no-sandbox; the rest keep it off this machine's closed network.
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
          // Playwright turns off the limit Chromium (and Electron) puts on history calls; users have it.
          ignoreDefaultArgs: ['--disable-ipc-flooding-protection'],
        },
      },
    },
    { name: 'electron', metadata: { electron: true } },
  ],
});
