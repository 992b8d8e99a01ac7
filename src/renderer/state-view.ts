/**
 * What the page shows of a company's state, built in the replay worker: the parts the panels draw,
 * with long lists cut to what is shown (a board of hundreds, ten thousand ties) and their totals.
 * A full state at a million events is megabytes; this is a few kilobytes, whatever the log's size.
 *
 * Each section carries a fingerprint of its content. The page sends the fingerprints it holds, and
 * the worker leaves out every section the page already has: a step sends only what changed, and
 * the page keeps its unchanged sections (same objects), so React skips their subtrees.
 */
import { diffStates, type Change } from '../core/diff';
import { dict, dictGet, dictKeys, dictSet, dictSize, dictValues, type Dict } from '../core/dict';
import { type Affiliation, type BoardSeat, type Chair, type CompanyState, type Control, type FormerBoardSeat, type FormerChair, type FormerHolding, type Holding, type PendingItem, type Petition } from '../core/state';

export interface Listed<T> {
  total: number;
  items: T[];
}

export interface StateView {
  id: string;
  name: string;
  roles: Holding[];
  /** The most recent finished stints, newest first, with the successor's name when the state knows it. */
  former: Listed<FormerHolding & { successor?: string }>;
  /** Directors by name; `affiliated` when they have a tie to another organisation. */
  board: Listed<BoardSeat & { affiliated?: boolean }>;
  chair: (Chair & { affiliated?: boolean }) | null;
  /** The directors who left and are not back, newest first: who walked out, and how. */
  formerBoard: Listed<FormerBoardSeat>;
  /** While the chair is vacant, who left it last. */
  formerChair: FormerChair | null;
  control: Control | null;
  affiliations: Listed<Affiliation>;
  pending: Listed<PendingItem>;
  workforce: CompanyState['workforce'];
  petitions: Petition[];
}

export type Section = keyof StateView;
export const SECTIONS: readonly Section[] = ['id', 'name', 'roles', 'former', 'board', 'chair', 'formerBoard', 'formerChair', 'control', 'affiliations', 'pending', 'workforce', 'petitions'];

/** How many items of each long list the page shows (it asks for more when the reader expands one). */
export interface Limits {
  board: number;
  affiliations: number;
  pending: number;
}
export const DEFAULT_LIMITS: Limits = { board: 40, affiliations: 25, pending: 25 };
const FORMER_SHOWN = 8;

/**
 * One collator for every sort: `localeCompare` builds one per call, which at hundreds of names per
 * step shows. Numbers in names count as numbers ("Director 2" before "Director 10"), as the seat history sorts them.
 */
const collator = new Intl.Collator(undefined, { numeric: true });
const byName = (a: { person: { name: string } }, b: { person: { name: string } }) => collator.compare(a.person.name, b.person.name);

/** The `n` latest finished stints, newest first, in one pass (a state can hold thousands). */
function latest<T extends { until: { time: string } }>(all: Iterable<T>, n: number): T[] {
  const top: T[] = [];
  for (const f of all) {
    if (top.length === n && f.until.time <= top[n - 1]!.until.time) continue;
    let i = top.length === n ? n - 1 : top.length;
    while (i > 0 && top[i - 1]!.until.time < f.until.time) {
      top[i] = top[i - 1]!;
      i -= 1;
    }
    top[i] = f;
  }
  return top;
}

function firstOf<T>(byPerson: Dict<Dict<T>>, limit: number): Listed<T> {
  const items: T[] = [];
  let total = 0;
  for (const inner of dictValues(byPerson)) {
    total += dictSize(inner);
    for (const value of dictValues(inner)) {
      if (items.length >= limit) break;
      items.push(value);
    }
  }
  return { total, items };
}

export function viewOf(state: CompanyState, limits: Limits = DEFAULT_LIMITS): StateView {
  const tied = (personId: string) => dictSize(dictGet(state.affiliations, personId) ?? dict()) > 0;
  const nameOf = (personId: string) => dictGet(state.board, personId)?.person.name ?? dictValues(dictGet(state.former, personId) ?? dict<FormerHolding>())[0]?.person.name ?? dictValues(state.roles).find((h) => h.person.id === personId)?.person.name;
  let formerTotal = 0;
  for (const inner of dictValues(state.former)) formerTotal += dictSize(inner);
  const former = latest(dictValues(state.former).flatMap((inner) => dictValues(inner)), FORMER_SHOWN).map((f) => {
    const successor = f.replacedBy ? nameOf(f.replacedBy) : undefined;
    return successor ? { ...f, successor } : f;
  });
  const members = dictValues(state.board).sort(byName);
  const left = dictValues(state.formerBoard).filter((f) => !dictGet(state.board, f.person.id));
  const pending = dictValues(state.pending);
  return {
    id: state.id,
    name: state.name,
    roles: dictValues(state.roles).sort((a, b) => collator.compare(a.role, b.role)),
    former: { total: formerTotal, items: former },
    board: { total: members.length, items: members.slice(0, limits.board).map((m) => (tied(m.person.id) ? { ...m, affiliated: true } : m)) },
    chair: state.chair && tied(state.chair.person.id) ? { ...state.chair, affiliated: true } : state.chair,
    formerBoard: { total: left.length, items: latest(left, FORMER_SHOWN) },
    formerChair: state.chair ? null : (latest(dictValues(state.formerChairs), 1)[0] ?? null),
    control: state.control,
    affiliations: firstOf(state.affiliations, limits.affiliations),
    pending: { total: pending.length, items: pending.slice(0, limits.pending) },
    workforce: state.workforce,
    petitions: dictValues(state.petitions),
  };
}

/** A short fingerprint of a section's content (FNV-1a over its JSON, and the JSON's length). */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length.toString(36)}.${(hash >>> 0).toString(36)}`;
}

export type Keys = Record<Section, string>;
export const keysOf = (view: StateView): Keys => Object.fromEntries(SECTIONS.map((s) => [s, fingerprint(view[s])])) as Keys;

/** The view without the sections whose fingerprint the page already holds. */
export function withoutHeld(view: StateView, keys: Keys, held?: Partial<Keys>): Partial<StateView> {
  if (!held) return view;
  const sent: Partial<Record<Section, unknown>> = {};
  for (const s of SECTIONS) if (held[s] !== keys[s]) sent[s] = view[s];
  return sent as Partial<StateView>;
}

/** The page's side: the sections sent, and the held ones for the rest (kept as the same objects). */
export function mergeView(sent: Partial<StateView>, keys: Keys, base?: { view: StateView; keys: Keys }): StateView {
  const merged: Partial<Record<Section, unknown>> = {};
  for (const s of SECTIONS) {
    if (s in sent) merged[s] = sent[s];
    else if (base && base.keys[s] === keys[s]) merged[s] = base.view[s];
    else throw new Error(`the replay worker left out "${s}", which the page does not hold`);
  }
  return merged as unknown as StateView;
}

/**
 * `diffStates`, over only what differs between two states. The engine replaces the values in its
 * maps (and the per-person maps) rather than mutating them, so a value that is the same object in
 * both states is unchanged, and a state a few events from another shares almost all of them. The
 * answer is the same as `diffStates(a, b)`: the whole-state lookups (former holdings, closed items)
 * stay whole, and only the maps it walks are narrowed to their differing keys.
 */
export function changesBetween(a: CompanyState, b: CompanyState): Change[] {
  if (a === b) return [];
  const narrow = <V>(x: Dict<V>, y: Dict<V>): [Dict<V>, Dict<V>] => {
    if (x === y) return [dict(), dict()];
    const nx = dict<V>();
    const ny = dict<V>();
    for (const key of dictKeys(x)) {
      const [vx, vy] = [dictGet(x, key), dictGet(y, key)];
      if (vx === vy) continue;
      dictSet(nx, key, vx!);
      if (vy !== undefined) dictSet(ny, key, vy);
    }
    for (const key of dictKeys(y)) if (dictGet(x, key) === undefined) dictSet(ny, key, dictGet(y, key)!);
    return [nx, ny];
  };
  const [ra, rb] = narrow(a.roles, b.roles);
  const [ba, bb] = narrow(a.board, b.board);
  const [fa, fb] = narrow(a.affiliations, b.affiliations);
  const [pa, pb] = narrow(a.petitions, b.petitions);
  const [qa, qb] = narrow(a.pending, b.pending);
  return diffStates({ ...a, roles: ra, board: ba, affiliations: fa, petitions: pa, pending: qa }, { ...b, roles: rb, board: bb, affiliations: fb, petitions: pb, pending: qb });
}
