import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PORT, listenProblem, parseWebOptions } from './web-options';

describe('the web host command line', () => {
  it('takes the documented options, with the default port', () => {
    expect(parseWebOptions([])).toEqual({ help: false, port: DEFAULT_PORT });
    expect(parseWebOptions(['--port', '0', '--log', 'a.jsonl', '--data-dir', 'd'])).toEqual({ help: false, port: 0, log: 'a.jsonl', dataDir: 'd' });
    expect(parseWebOptions(['--port=65535'])).toEqual({ help: false, port: 65535 });
    expect(parseWebOptions(['--help'])).toEqual({ help: true });
    expect(parseWebOptions(['-h'])).toEqual({ help: true });
  });

  it.each(['abc', '65536', '-1', '1.5', '0x50', '1e3', ' 80', '80 ', '99999999999999999999'])('refuses --port %j, naming the option', (port) => {
    expect(() => parseWebOptions([`--port=${port}`])).toThrow(/^Option '--port' is ".*", not a port: give a whole number from 0 to 65535/);
  });

  it.each([
    [['--prot', '80'], /Unknown option '--prot'/],
    [['stray.jsonl'], /^Unexpected argument 'stray.jsonl': this command takes only options; if it is the log, give --log stray.jsonl$/],
    [['a', 'b'], /^Unexpected argument 'a': this command takes only options$/],
    [['--port', '1', '--port', '2'], /'--port' is given more than once/],
    [['--log', ''], /'--log' is empty/],
    [['--data-dir', ' '], /'--data-dir' is empty/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseWebOptions(argv)).toThrow(message);
  });

  it('says why a port cannot be listened on', () => {
    expect(listenProblem(Object.assign(new Error('x'), { code: 'EADDRINUSE' }), 5180)).toMatch(/^port 5180 on 127\.0\.0\.1 is in use .*--port 0 for a free one$/);
    expect(listenProblem(Object.assign(new Error('x'), { code: 'EACCES' }), 80)).toMatch(/^port 80 on 127\.0\.0\.1 is not open to this user/);
  });
});

describe('the web host started with bad options or a taken port', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  /** A data folder not made yet, in a scratch folder removed after the test. */
  const unmadeDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-web-options-'));
    dirs.push(dir);
    return join(dir, 'data');
  };
  const host = (args: string[], dataDir: string) =>
    spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--data-dir', dataDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const ended = (child: ReturnType<typeof host>) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      let [out, err] = ['', ''];
      child.stdout!.on('data', (chunk) => (out += chunk));
      child.stderr!.on('data', (chunk) => (err += chunk));
      child.on('close', (code) => resolve({ code, out, err }));
    });

  it('exits 1 with one sentence on a mistyped option, and makes no data folder', async () => {
    const dataDir = unmadeDataDir();
    const run = await ended(host(['--port', 'eighty'], dataDir));
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^incumbent web: Option '--port' is "eighty", not a port/);
    expect(run.err).toContain('Usage: npm run web --');
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('exits 1 naming a port already in use, before the log is copied or locked', async () => {
    const dataDir = unmadeDataDir();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const { code, err } = await ended(host(['--port', String(port)], dataDir));
      expect(code).toBe(1);
      expect(err).toBe(`incumbent web: port ${port} on 127.0.0.1 is in use (by another web mode, perhaps): give another with --port N, or --port 0 for a free one\n`);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      taken.close();
    }
  });
});
