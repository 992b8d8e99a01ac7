/** What the campaigns share: temporary logs built through the real store, and events to put in them. */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventDraft } from '../../src/core/event';
import { parseDraft } from '../../src/core/validate';
import { EventLog } from '../../src/store/event-log';
import { anchorPath } from '../../src/store/head-anchor';

export const tempDir = (label: string) => mkdtempSync(join(tmpdir(), `incumbent-torture-${label}-`));
export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

const ROLES = ['CEO', 'CFO', 'Chief Technology Officer', 'President'];

/** A valid event, different for every id, of one of a few kinds. */
export function sampleDraft(id: string, index: number): EventDraft {
  const person = { id: `person-${index % 97}`, name: `Person ${index % 97}` };
  const common = {
    id,
    subject: `company-${index % 3}`,
    time: new Date(Date.UTC(2020, 0, 1) + index * 3_600_000).toISOString(),
    timeprecision: 'hour',
    timezone: 'UTC',
  };
  const data = { certainty: 'reported', citation: { document: `Gazette no. ${index}`, url: `https://example.org/${index}`, quote: `Event ${id} as reported.` } };
  switch (index % 4) {
    case 0:
      return parseDraft({ ...common, type: 'board.joined', data: { ...data, person } });
    case 1:
      return parseDraft({ ...common, type: 'role.assumed', data: { ...data, person, role: ROLES[index % ROLES.length] } });
    case 2:
      return parseDraft({ ...common, type: 'statement.made', data: { ...data, person, text: `Statement ${index}` } });
    default:
      return parseDraft({ ...common, type: 'workforce.reported', data: { ...data, headcount: 100 + index } });
  }
}

export const drafts = (prefix: string, from: number, count: number): EventDraft[] =>
  Array.from({ length: count }, (_, i) => sampleDraft(`${prefix}-${from + i}`, from + i));

/** Creates a log of the given batch sizes through the real store; returns its path. */
export async function buildLog(dir: string, batchSizes: readonly number[], name = 'log.jsonl'): Promise<string> {
  const path = join(dir, name);
  const log = await EventLog.open(path, { create: { title: 'Torture log', id: 'torture-log' } });
  try {
    let next = 0;
    for (const size of batchSizes) {
      await log.append(drafts('e', next, size));
      next += size;
    }
  } finally {
    log.close();
  }
  return path;
}

/** The bytes of a log and its head anchor, to compare before and after. */
export const fingerprint = (path: string): string =>
  `${readFileSync(path).toString('base64')}|${existsSync(anchorPath(path)) ? readFileSync(anchorPath(path)).toString('base64') : '-'}`;

/** A copy of a log with its anchor, to mutate without touching the original. */
export function copyLog(path: string, to: string): string {
  copyFileSync(path, to);
  if (existsSync(anchorPath(path))) copyFileSync(anchorPath(path), anchorPath(to));
  return to;
}
