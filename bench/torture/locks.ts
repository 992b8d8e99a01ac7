/**
 * Lock races: many processes released at one instant on a log whose lock is stale (a dead owner, an
 * empty lock left by a crash) or live. Every acknowledged event must be in the log exactly once,
 * the chain must verify, and every loser must get a plain "locked" error, never a raw errno.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { verifyLog } from '../../src/cli/verify';
import { EventLog } from '../../src/store/event-log';
import { prng, runTrials, type Campaign } from './campaign';
import { buildLog, removeDir, tempDir } from './fixtures';

const CHILD = fileURLToPath(new URL('./lock-child.ts', import.meta.url));
const CONTENDERS = 8;
const BATCH = 25;

type Reply = { ok: true; ids: string[]; head: number } | { ok: false; code: string; message: string };

const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!;

function ask(child: ChildProcess, message: object): Promise<Reply> {
  return new Promise((resolve) => {
    child.once('message', (reply) => resolve(reply as Reply));
    child.send(message);
  });
}

export const lockCampaign: Campaign = async ({ trials, seed }) => {
  const dir = tempDir('locks');
  const random = prng(seed);
  const children = Array.from({ length: CONTENDERS }, () => fork(CHILD, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  try {
    // Every contender has loaded the store before the first round.
    await Promise.all(children.map((child) => new Promise((resolve) => child.once('message', resolve))));
    const path = await buildLog(dir, [1]);
    const expected = new Set<string>();
    return await runTrials('lock races (8 processes at a barrier)', trials, async (round) => {
      const kind = random();
      const lock = `${path}.lock`;
      let live = false;
      if (kind < 0.6) writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: hostname(), since: 'earlier' }));
      else if (kind < 0.8) {
        writeFileSync(lock, '');
        utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
      } else if (kind < 0.9) {
        writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), since: 'now', nonce: '00000000-0000-4000-8000-000000000000' }));
        live = true;
      }
      const startAt = Date.now() + 30;
      const replies = await Promise.all(children.map((child) => ask(child, { path, round, startAt, batch: BATCH })));
      const problems: string[] = [];
      for (const reply of replies) {
        if (reply.ok) {
          if (live) problems.push('a contender wrote although a live process held the lock');
          for (const id of reply.ids) expected.add(id);
        } else if (reply.code !== 'locked' || /\bE[A-Z]{3,}\b/.test(reply.message)) problems.push(`${reply.code}: ${reply.message}`);
      }
      if (!live && !replies.some((reply) => reply.ok)) problems.push('nobody reclaimed the stale lock');
      if (live) removeLiveLock(lock);
      const log = await EventLog.open(path, { readOnly: true });
      const ids = [...log.ledger.records()].map((r) => r.id);
      log.close();
      await verifyLog(path);
      const present = new Set(ids);
      if (present.size !== ids.length) problems.push('an id appears twice');
      const missing = [...expected].filter((id) => !present.has(id));
      if (missing.length) problems.push(`${missing.length} acknowledged events missing, e.g. ${missing[0]}`);
      return problems.length ? `round ${round}: ${problems.join('; ')}` : undefined;
    });
  } finally {
    for (const child of children) child.kill();
    removeDir(dir);
  }
};

function removeLiveLock(lock: string) {
  writeFileSync(lock, '');
  utimesSync(lock, new Date(0), new Date(0));
}
