/**
 * Snapshots: the published state at one moment, with the provenance a reader needs to reproduce it.
 * The same log, moment, known-at and app version always give byte-identical output.
 */
import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import type { KnownBy, Ledger } from './ledger';
import { Affiliation, allOf, BoardSeat, Chair, ClosedItem, Control, FormerBoardSeat, FormerChair, FormerHolding, Holding, LastApplied, Moment, PendingItem, Petition, Workforce, type CompanyState } from './state';
import { toEpoch, toUtcIso } from './time';
import { dictValues } from './dict';

/**
 * The format's name and version. A closed schema (no field it does not list) cannot take a new
 * field silently, so one added is a new version: /2 added `endCertainty` to each former holding,
 * director and chair, and `closeCertainty` to each resolved item.
 */
export const SNAPSHOT_FORMAT = 'incumbent.snapshot/2';
/** The format before /2: still verified (`verify --snapshot`), never written. */
export const SNAPSHOT_FORMAT_1 = 'incumbent.snapshot/1';

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

export function companySnapshot(state: CompanyState, coverage: Moment | null): CompanySnapshot {
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
  const covered: CompanySnapshot[] = [];
  const notYetCovered: Snapshot['notYetCovered'] = [];
  for (const company of companies) {
    const start = ledger.coverageOf(company, request.knownAt, request.knownBy);
    const state = ledger.stateAt(company, request.at, request.knownAt, request.knownBy);
    if (!start || !state) continue;
    if (toEpoch(start.time) > toEpoch(request.at)) notYetCovered.push({ id: company, coverageFrom: toUtcIso(start.time) });
    else covered.push(companySnapshot(state, { time: start.time, precision: start.timeprecision, timezone: start.timezone }));
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

/** A snapshot as format /1 wrote it: without what /2 added. */
export function inFormat1(snapshot: Snapshot): unknown {
  const without = <T extends object>(value: T, field: string) => Object.fromEntries(Object.entries(value).filter(([key]) => key !== field));
  return {
    ...snapshot,
    format: SNAPSHOT_FORMAT_1,
    companies: snapshot.companies.map((c) => ({
      ...c,
      formerRoles: c.formerRoles.map((f) => without(f, 'endCertainty')),
      board: { ...c.board, former: c.board.former.map((f) => without(f, 'endCertainty')), formerChairs: c.board.formerChairs.map((f) => without(f, 'endCertainty')) },
      resolved: c.resolved.map((r) => without(r, 'closeCertainty')),
    })),
  };
}

/** The exported file's bytes: canonical JSON and a final newline. */
export const snapshotJson = (snapshot: Snapshot): string => `${canonicalJson(snapshot)}\n`;
