/**
 * Records served while a log opens, from a file rewritten in place meanwhile (read again from its
 * start, see read-log.ts): records served after the read began again must not vouch for those
 * served before it. The page would show the first ones from one file, the next from another.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { generateLog } from '../../bench/generate';
import { anchorPath } from '../store/head-anchor';
import { LogSession } from './session';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

it('records served from a read begun again after a rewrite do not hide that earlier ones were of the file before it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-mixed-'));
  const [path, other] = [join(dir, 'log.jsonl'), join(dir, 'other.jsonl')];
  await generateLog(path, 60_000, 5);
  await generateLog(other, 60_000, 7);
  // No anchor: nothing but the chain says which records the log holds.
  rmSync(anchorPath(path));
  const session = new LogSession({ appVersion: 'test', live: false });
  const opening = session.open(path);
  opening.catch(() => undefined);
  const handlers = session.handlers();
  let told = 0;
  while (told < 1_000) {
    told = (await handlers['log:opening']({}))?.checked ?? 0;
    if (told < 1_000) await tick();
  }
  const first = (await handlers['log:read']({ fromSeq: 1, limit: told })).records;
  expect(first).toHaveLength(told);
  writeFileSync(path, readFileSync(other));
  // Read again from its start (the other log's bytes): once it has chained past those shown, the page asks for the next ones.
  let next: { records: unknown[] } | undefined;
  for (let done = false; !done; ) {
    const now = await handlers['log:opening']({});
    if (!now) break;
    if (now.checked > told + 10) {
      // Served, or (not to be served from another file) waiting for the open, and failing with it.
      // And those it was shown, asked for again (a reload): the same ones, or none (it waits for the open, and fails with it).
      const again = handlers['log:read']({ fromSeq: 1, limit: 10 }).catch(() => undefined);
      next = await handlers['log:read']({ fromSeq: told + 1, limit: 10 }).catch(() => ({ records: [] }));
      const shownAgain = await again;
      if (shownAgain) expect(shownAgain.records).toEqual(first.slice(0, 10));
      done = true;
    } else await tick();
  }
  expect(next, 'the read never began again, or never chained past the records shown').toBeDefined();
  const outcome = await opening.then(
    (service) => [...service.log.ledger.records(1, told)],
    (error: Error) => error,
  );
  // The log opened holds the records shown first, or it is refused: never opened with others in their place.
  if (outcome instanceof Error) expect(outcome.message).toContain('changed while it was being opened');
  else expect(outcome).toEqual(first);
  await session.close();
  rmSync(dir, { recursive: true, force: true });
}, 120_000);
