/**
 * A web host on a scratch copy of the built-in dataset, on a free loopback port, for tests and the
 * torture campaign. The static folder holds a tiny page, so no build is needed.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_IN_LOG } from '../cli/commands';
import { LogSession } from '../service/session';
import { createWebHost, type HostLimits } from './http';

export interface ScratchHost {
  server: Server;
  port: number;
  token: string;
  logPath: string;
  dir: string;
  stop(): Promise<void>;
}

export async function startScratchHost(limits: Partial<HostLimits> = {}): Promise<ScratchHost> {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-web-'));
  const staticDir = join(dir, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Incumbent</title><script src="assets/app.js"></script>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("incumbent");\n');
  writeFileSync(join(dir, 'secret.txt'), 'not for the web');
  const logPath = join(dir, 'log.jsonl');
  copyFileSync(BUILT_IN_LOG, logPath);
  const session = new LogSession({ appVersion: 'test' });
  await session.open(logPath);
  const token = 'scratch-token-0123456789';
  // As the web host serves (`main.ts`): pages of records sent as stored, in pieces.
  const server = createWebHost({ handlers: session.handlers(), readJson: session.readJson, staticDir, token, limits });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stop = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    session.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { server, port: (server.address() as AddressInfo).port, token, logPath, dir, stop };
}
