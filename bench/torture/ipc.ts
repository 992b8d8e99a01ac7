/**
 * Fuzzed IPC arguments: random, malformed and hostile arguments go through the real registration
 * code of src/main/ipc.ts (with ipcMain replaced by a recorder and a trusted sender, as Electron
 * would call it) to a real LogSession on a temporary copy of the built-in dataset. Each argument is
 * passed through structuredClone first, as Electron's IPC does, so only what IPC can carry arrives.
 * A trial holds when the handler answers as data (never throws), names the field at fault, refuses
 * what it must and accepts only what is valid, leaves the log byte-identical unless it accepted an
 * append, and leaves Object.prototype alone. Some trials come from a sender that is not our window.
 */
import { EventEmitter } from 'node:events';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { serveIpc, type DesktopHandlers, type IpcRegistrar } from '../../src/main/ipc';
import { LogSession } from '../../src/service/session';
import { prng, runTrials, type Campaign } from './campaign';
import { CHANNELS, makeCase, pick, preview, statement, type Case, type Rand } from './ipc-inputs';

const DATASET = join(import.meta.dirname, '../../data/openai-2023-11.jsonl');

type Listener = (event: unknown, raw: unknown) => Promise<unknown>;

/** Our window as ipc.ts sees it, and senders that are not it. */
const mainFrame = { url: 'app://incumbent/index.html' };
// An event emitter, as Electron's WebContents is (ipc.ts listens for the page going away).
const window = { webContents: Object.assign(new EventEmitter(), { mainFrame }) };
const trusted = { sender: window.webContents, senderFrame: mainFrame };
const untrustedSenders = [
  { sender: window.webContents, senderFrame: { ...mainFrame, url: 'https://evil.example/' } },
  { sender: window.webContents, senderFrame: { ...mainFrame, url: 'file:///opt/incumbent/out/renderer/index.html' } },
  { sender: window.webContents, senderFrame: { ...mainFrame, url: 'app://evil/index.html' } },
  { sender: window.webContents, senderFrame: { url: mainFrame.url } }, // a subframe showing our page
  { sender: { mainFrame }, senderFrame: mainFrame }, // another window
  { sender: window.webContents, senderFrame: null },
];

/** Desktop operations open dialogs; here they only count calls, which must come from valid input. */
function desktopStubs(calls: { count: number }): DesktopHandlers {
  return Object.fromEntries(CHANNELS.filter((channel) => !channel.startsWith('log:') && channel !== 'snapshot:build' && channel !== 'diff:between').map((channel) => [channel, async () => (calls.count++, null)])) as unknown as DesktopHandlers;
}

interface Answer {
  ok?: unknown;
  error?: { code?: unknown; field?: unknown; message?: unknown };
}

/** What is wrong with an answer to a case, or undefined when it holds. */
function judge(answer: Answer, expected: Case): string | undefined {
  if (typeof answer !== 'object' || answer === null || typeof answer.ok !== 'boolean') return `answer is not a Result: ${preview(answer)}`;
  if (expected.expect === 'ok') return answer.ok ? undefined : `refused a valid input: ${preview(answer.error)}`;
  if (answer.ok) return `accepted an input it must refuse (expected ${expected.expect})`;
  const { code, field, message } = answer.error ?? {};
  if (code !== expected.expect) return `error code ${preview(code)}, expected ${expected.expect}: ${preview(message)}`;
  if (typeof message !== 'string' || message === '') return 'error without a message';
  if (typeof field !== 'string' || field === '') return `error names no field: ${preview(message)}`;
  if (expected.field && !expected.field.test(field)) return `field ${preview(field)} does not match ${expected.field}: ${preview(message)}`;
  return undefined;
}

export const ipcCampaign: Campaign = async ({ trials, seed }) => {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-torture-ipc-'));
  const logPath = join(dir, 'openai-2023-11.jsonl');
  copyFileSync(DATASET, logPath);
  const session = new LogSession({ appVersion: 'torture' });
  await session.open(logPath);

  const channels = new Map<string, Listener>();
  const recorder = { handle: (channel: string, listener: Listener) => void channels.set(channel, listener) } as unknown as IpcRegistrar;
  const desktopCalls = { count: 0 };
  serveIpc(recorder, session.handlers(), desktopStubs(desktopCalls), () => window as never);

  const rand: Rand = prng(seed);
  let counter = 0;
  const fresh = () => `fuzz-${seed}-${counter++}`;
  let bytes = readFileSync(logPath);
  const head = () => session.current.log.ledger.head;

  const call = async (channel: string, event: unknown, arg: unknown) => {
    // What IPC delivers: a structured clone (Dates, Maps, BigInt and cycles survive; prototypes do not).
    return (await channels.get(channel)!(event as IpcMainInvokeEvent, structuredClone(arg))) as Answer;
  };

  try {
    return await runTrials('fuzzed IPC arguments', trials, async (index) => {
      const untrusted = rand() < 0.08;
      const testCase = untrusted ? { ...makeUntrustedCase(rand, fresh), expect: 'invalid' as const } : makeCase(rand, fresh, head());
      const where = `seed ${seed}, ${testCase.channel} ${untrusted ? '(untrusted sender) ' : ''}${testCase.note}: ${preview(testCase.arg)}`;
      const callsBefore = desktopCalls.count;
      let answer: Answer;
      try {
        answer = await call(testCase.channel, untrusted ? pick(rand, untrustedSenders) : trusted, testCase.arg);
      } catch (error) {
        return `${where}: threw out of the handler: ${error instanceof Error ? error.message : String(error)}`;
      }
      const failure = untrusted ? judgeUntrusted(answer) : judge(answer, testCase);
      if (failure) return `${where}: ${failure}`;
      if (Object.keys(Object.prototype).length > 0 || ({} as { polluted?: unknown }).polluted !== undefined) return `${where}: Object.prototype was polluted`;
      if (testCase.expect !== 'ok' && desktopCalls.count !== callsBefore) return `${where}: a desktop operation ran on refused input`;
      const now = readFileSync(logPath);
      if (testCase.expect === 'ok' && testCase.writes && !untrusted) {
        if (now.length <= bytes.length || !now.subarray(0, bytes.length).equals(bytes)) return `${where}: an accepted append did not only add to the end of the log`;
        bytes = now;
      } else if (!now.equals(bytes)) {
        return `${where}: the log file changed (${bytes.length} -> ${now.length} bytes) on input that was refused or read-only (trial ${index})`;
      }
      return undefined;
    });
  } finally {
    session.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

/** A call from a sender that is not our window: a valid append, which must still not land. */
function makeUntrustedCase(rand: Rand, fresh: () => string): Case {
  const arg = rand() < 0.5 ? { events: [statement(fresh())] } : { fromSeq: 1, limit: 10 };
  return { channel: 'fromSeq' in arg ? 'log:read' : 'log:append', arg, expect: 'invalid', note: 'from a foreign sender' };
}

function judgeUntrusted(answer: Answer): string | undefined {
  if (answer?.ok !== false || answer.error?.code !== 'invalid' || !/did not come from the Incumbent window/.test(String(answer.error.message))) return `untrusted sender was not refused: ${preview(answer)}`;
  return undefined;
}
