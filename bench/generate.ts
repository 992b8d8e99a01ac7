/**
 * A synthetic log: many companies, one of them with half of all events (a long-running story), with
 * back-dated facts and corrections, sealed exactly as the store seals them.
 */
import { closeSync, createWriteStream, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';
import type { EventDraft } from '../src/core/event';
import { AnchorWriter } from '../src/store/head-anchor';
import { GENESIS_HASH, sealRecord, sha256 } from '../src/store/seal';

const ROLES = ['CEO', 'CFO', 'CTO', 'COO', 'President', 'General Counsel'];
const CAUSES = ['fired', 'resigned', 'replaced', 'term-ended'] as const;
const START = Date.UTC(2000, 0, 1);
const STEP_MS = 15 * 60_000;

/** A small deterministic PRNG, so every run benchmarks the same log. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export const HEAVY_COMPANY = 'company-0';

export async function generateLog(path: string, events: number, companies = 50): Promise<void> {
  const rand = random(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  let prevhash = GENESIS_HASH;
  let seq = 0;
  const write = async (draft: EventDraft) => {
    seq += 1;
    const recordedtime = new Date(START + seq * STEP_MS + 3_600_000).toISOString();
    const { line } = sealRecord(draft, { id: draft.id ?? `evt-${seq}`, seq, prevhash, recordedtime });
    prevhash = sha256(line);
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  await write({ specversion: '1.0', id: 'bench-log', source: 'urn:incumbent:bench', type: 'log.created', time: new Date(START).toISOString(), timeprecision: 'second', timezone: 'UTC', datacontenttype: 'application/json', data: { title: `Synthetic log, ${events} events` } });
  const recent: EventDraft[] = [];
  while (seq < events) {
    const company = rand() < 0.5 ? HEAVY_COMPANY : `company-${1 + Math.floor(rand() * (companies - 1))}`;
    const backdated = rand() < 0.02;
    const when = START + (seq - (backdated ? Math.floor(rand() * 5000) : 0)) * STEP_MS;
    const who = Math.floor(rand() * 300);
    const person = { id: `person-${who}`, name: `Person ${who}` };
    const envelope = { specversion: '1.0', id: `evt-${seq + 1}`, source: 'urn:incumbent:bench', subject: company, time: new Date(when).toISOString(), timeprecision: 'minute', timezone: 'UTC', datacontenttype: 'application/json' } as const;
    const base = { certainty: pick(['confirmed', 'reported', 'rumoured'] as const), citation: { document: `Daily Business Wire, issue ${seq}`, url: `https://news.example.com/${company}/${seq}`, quote: `${person.name} was named in a filing about the company's leadership on this date, according to people familiar with the matter.` } };
    const r = rand();
    let draft: EventDraft;
    if (r < 0.005 && recent.length > 0) {
      const target = recent.splice(Math.floor(rand() * recent.length), 1)[0]!;
      draft = { ...envelope, subject: target.subject, type: 'event.corrected', data: { target: target.id!, reason: 'Corrected by a later report', citation: base.citation, data: target.data as Record<string, unknown> } };
    } else if (r < 0.35) draft = { ...envelope, type: 'role.assumed', data: { ...base, person, role: pick(ROLES), interim: rand() < 0.2, acting: false } };
    else if (r < 0.5) draft = { ...envelope, type: 'role.vacated', data: { ...base, person, role: pick(ROLES), cause: pick(CAUSES) } };
    else if (r < 0.62) draft = { ...envelope, type: 'board.joined', data: { ...base, person, independent: rand() < 0.5 } };
    else if (r < 0.72) draft = { ...envelope, type: 'board.left', data: { ...base, person, cause: pick(CAUSES) } };
    else if (r < 0.76) draft = { ...envelope, type: 'board.chair.assumed', data: { ...base, person, interim: false } };
    else if (r < 0.82) draft = { ...envelope, type: 'affiliation.started', data: { ...base, person, organization: `Org ${Math.floor(rand() * 40)}` } };
    else if (r < 0.86) draft = { ...envelope, type: 'petition.reported', data: { ...base, petition: `petition-${Math.floor(rand() * 5)}`, title: 'Staff letter', demands: ['Reinstate the CEO'], signatories: Math.floor(rand() * 1000) } };
    else if (r < 0.9) draft = { ...envelope, type: 'offer.made', data: { ...base, item: `item-${Math.floor(rand() * 20)}`, from: 'Board', to: person.name, summary: 'An offer of a seat' } };
    else if (r < 0.94) draft = { ...envelope, type: 'pending.resolved', data: { ...base, item: `item-${Math.floor(rand() * 20)}`, outcome: 'accepted' } };
    else draft = { ...envelope, type: 'statement.made', data: { ...base, person, text: 'We remain committed to our mission and to our people.' } };
    if (draft.type !== 'event.corrected' && rand() < 0.01) recent.push(draft);
    await write(draft);
  }
  out.end();
  await once(out, 'finish');
  // Make the file durable now, so the benchmark's fsyncs do not pay for its writeback.
  const fd = openSync(path, 'r');
  fsyncSync(fd);
  closeSync(fd);
  // The generator is the log's writer: it anchors the head it wrote, as the store does.
  const anchor = new AnchorWriter(path);
  anchor.write({ seq, hash: prevhash });
  anchor.close();
}
