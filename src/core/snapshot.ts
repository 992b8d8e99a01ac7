/**
 * Snapshots: the published state at one moment, with the provenance a reader needs to reproduce it.
 * The same log, moment, known-at and app version always give byte-identical output.
 */
import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import type { KnownBy, Ledger, Reader } from './ledger';
import { Precision } from './event';
import type { Timeline } from './timeline';
import { uncertainAt } from './uncertain';
import { Affiliation, allOf, BoardSeat, Chair, ClosedItem, Control, FormerBoardSeat, FormerChair, FormerHolding, Holding, LastApplied, Moment, PendingItem, Petition, Workforce, type CompanyState } from './state';
import { toEpoch, toUtcIso } from './time';
import { dictValues } from './dict';

/**
 * The format's name and version. A closed schema (no field it does not list) cannot take a new
 * field silently, so one added is a new version: /2 added `endCertainty` to each former holding,
 * director and chair, and `closeCertainty` to each resolved item; /3 added each company's
 * `uncertain` facts; /4 added the `precision` and `timezone` of each company's `lastEvent` time.
 */
export const SNAPSHOT_FORMAT = 'incumbent.snapshot/4';
/** The formats before /4: still verified (`verify --snapshot`), never written. */
export const SNAPSHOT_FORMAT_3 = 'incumbent.snapshot/3';
export const SNAPSHOT_FORMAT_2 = 'incumbent.snapshot/2';
export const SNAPSHOT_FORMAT_1 = 'incumbent.snapshot/1';

/** A fact known only to the day, the month or the year whose period holds the moment (see `uncertain.ts`). */
export const UncertainFact = z.object({
  eventId: z.string(),
  precision: Precision,
  from: z.iso.datetime().describe('Start of the period it happened in, in its own zone (UTC)'),
  to: z.iso.datetime().describe('End of that period, exclusive (UTC)'),
  timezone: z.string().describe('The zone whose day, month or year the period is'),
  applied: z.boolean().describe('Whether this state counts it: its written time is at or before `at`. It may or may not have happened by then.'),
});
export type UncertainFact = z.output<typeof UncertainFact>;

export const CompanySnapshot = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(Holding),
  formerRoles: z.array(FormerHolding),
  board: z.object({
    chair: Chair.nullable(),
    members: z.array(BoardSeat),
    former: z.array(FormerBoardSeat).describe('Each former director\'s latest seat, by when it ended'),
    formerChairs: z.array(FormerChair),
  }),
  control: Control.nullable().describe('Who controls the company, once the log records a change of control'),
  coverage: Moment.nullable().describe('Where the log\'s coverage of the company starts; facts marked asOf were already true then'),
  affiliations: z.array(Affiliation),
  workforce: Workforce.nullable(),
  petitions: z.array(Petition),
  pending: z.array(PendingItem),
  resolved: z.array(ClosedItem),
  lastEvent: LastApplied,
  uncertain: z.array(UncertainFact).describe('Facts known only to the day, month or year whose period holds `at` (not at its last millisecond): at this moment each may or may not have happened, whatever the state above counts'),
});
export type CompanySnapshot = z.output<typeof CompanySnapshot>;

export const Snapshot = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  provenance: z.object({
    at: z.iso.datetime().describe('Effective time T, UTC'),
    knownAt: z.iso.datetime().nullable().describe('Recorded time R, UTC; null means everything recorded'),
    knownBy: z.enum(['recorded', 'published']).describe('What known-at counts: records written into the log by R, or sources published by R'),
    company: z.string().nullable().describe('The one company asked for, or null for all'),
    log: z.object({ id: z.string().describe('Id of the log.created record'), title: z.string() }),
    head: z.object({ seq: z.int().nonnegative(), hash: z.string().describe('SHA-256 of the last record known at R') }),
    appVersion: z.string(),
  }),
  companies: z.array(CompanySnapshot),
  notYetCovered: z.array(z.object({ id: z.string(), coverageFrom: z.string().describe('UTC') })).describe('Companies whose coverage in the log starts after `at`: the log says nothing about them yet'),
});
export type Snapshot = z.output<typeof Snapshot>;

const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export function companySnapshot(state: CompanyState, coverage: Moment | null, uncertain: UncertainFact[] = []): CompanySnapshot {
  return {
    id: state.id,
    name: state.name,
    roles: dictValues(state.roles).sort(byKey((h) => h.role)),
    formerRoles: allOf(state.former).sort(byKey((h) => `${h.until.time} ${h.role} ${h.person.id}`)),
    board: {
      chair: state.chair,
      members: dictValues(state.board).sort(byKey((s) => s.person.id)),
      former: dictValues(state.formerBoard).sort(byKey((s) => `${s.until.time} ${s.person.id}`)),
      formerChairs: dictValues(state.formerChairs).sort(byKey((c) => `${c.until.time} ${c.person.id}`)),
    },
    control: state.control,
    coverage,
    affiliations: allOf(state.affiliations).sort(byKey((a) => `${a.person.id} ${a.organization}`)),
    workforce: state.workforce,
    petitions: dictValues(state.petitions).sort(byKey((p) => p.id)),
    pending: dictValues(state.pending).sort(byKey((p) => p.id)),
    resolved: dictValues(state.closed).sort(byKey((p) => p.id)),
    lastEvent: state.last,
    uncertain,
  };
}

export interface SnapshotRequest {
  at: string;
  knownAt?: string;
  knownBy?: KnownBy;
  company?: string;
}

/** Builds the snapshot document; `hashOf(seq)` names the log head it came from. */
export function buildSnapshot(ledger: Ledger, request: SnapshotRequest, hashOf: (seq: number) => string, appVersion: string): Snapshot {
  const companies = request.company ? [request.company] : ledger.companies();
  const seq = ledger.knownSeq(request.knownAt);
  const reader = ledger.reader(request.knownAt, request.knownBy);
  const at = toEpoch(request.at);
  const covered: CompanySnapshot[] = [];
  const notYetCovered: Snapshot['notYetCovered'] = [];
  for (const company of companies) {
    const start = ledger.coverageOf(company, request.knownAt, request.knownBy);
    const state = ledger.stateAt(company, request.at, request.knownAt, request.knownBy);
    if (!start || !state) continue;
    if (toEpoch(start.time) > at) notYetCovered.push({ id: company, coverageFrom: toUtcIso(start.time) });
    else covered.push(companySnapshot(state, { time: start.time, precision: start.timeprecision, timezone: start.timezone }, uncertainIn(ledger.timeline(company)!, reader, at)));
  }
  return {
    format: SNAPSHOT_FORMAT,
    provenance: {
      at: toUtcIso(request.at),
      knownAt: request.knownAt === undefined ? null : toUtcIso(request.knownAt),
      knownBy: request.knownBy ?? 'recorded',
      company: request.company ?? null,
      log: { id: ledger.logId, title: ledger.title },
      head: { seq, hash: hashOf(seq) },
      appVersion,
    },
    companies: covered,
    notYetCovered,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const uncertainIn = (timeline: Timeline, reader: Reader, at: number): UncertainFact[] =>
  uncertainAt(timeline, reader, at).map(({ effect, precision, from, to, applied }) => ({ eventId: effect.id, precision, from: iso(from), to: iso(to), timezone: effect.timezone, applied }));

const without = <T extends object>(value: T, field: string) => Object.fromEntries(Object.entries(value).filter(([key]) => key !== field));

/** A snapshot as format /3 wrote it: its last event's time without what /4 added (its precision and zone). */
export function inFormat3(snapshot: Snapshot) {
  const lastEvent = ({ eventId, seq, time }: NonNullable<CompanySnapshot['lastEvent']>) => ({ eventId, seq, time });
  return { ...snapshot, format: SNAPSHOT_FORMAT_3, companies: snapshot.companies.map((c) => ({ ...c, lastEvent: c.lastEvent && lastEvent(c.lastEvent) })) };
}

/** A snapshot as format /2 wrote it: without what /3 and /4 added. */
export function inFormat2(snapshot: Snapshot): unknown {
  const third = inFormat3(snapshot);
  return { ...third, format: SNAPSHOT_FORMAT_2, companies: third.companies.map((c) => without(c, 'uncertain')) };
}

/** A snapshot as format /1 wrote it: without what /2, /3 and /4 added. */
export function inFormat1(snapshot: Snapshot): unknown {
  return {
    ...snapshot,
    format: SNAPSHOT_FORMAT_1,
    companies: inFormat3(snapshot).companies.map((company) => without(company, 'uncertain') as Omit<CompanySnapshot, 'uncertain'>).map((c) => ({
      ...c,
      formerRoles: c.formerRoles.map((f) => without(f, 'endCertainty')),
      board: { ...c.board, former: c.board.former.map((f) => without(f, 'endCertainty')), formerChairs: c.board.formerChairs.map((f) => without(f, 'endCertainty')) },
      resolved: c.resolved.map((r) => without(r, 'closeCertainty')),
    })),
  };
}

/** The exported file's bytes: canonical JSON and a final newline. */
export const snapshotJson = (snapshot: Snapshot): string => `${canonicalJson(snapshot)}\n`;
