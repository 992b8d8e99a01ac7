/**
 * A company's state as parts that facts touch independently: one seat, one director's seat, the
 * chair, one person's ties, one petition, one pending item, control, the workforce, the name.
 * `evolve` applies a fact by reading and writing only the parts `partKeysOf` names for it. That is
 * what lets a reader who knows other facts than the head (known-at) take every other part from
 * the head's checkpoints (see `known-at.ts`).
 *
 * A part is its read cells, which its facts read and write (who holds a seat, a director's seat,
 * an item while pending). Cells facts write and never read (how a stint in a seat ended) are
 * written cells (`written-cells.ts`), each of one part.
 */
import { dictDelete, dictGet, dictSet, type Dict } from './dict';
import type { Effective } from './evolve';
import { seatOf } from './seats';
import type { CompanyState } from './state';

/** The read cells of one part of a company's state (its written cells: `written-cells.ts`). */
export interface Part {
  /** Its number in its timeline's table. */
  readonly id: number;
  readonly key: string;
  /** Copies its read cells from `from` into `to` (a mutable state). */
  load(to: CompanyState, from: CompanyState): void;
  /** Whether `a` and `b` hold the same values in its read cells. */
  same(a: CompanyState, b: CompanyState): boolean;
}

/**
 * The parts a fact touches. A director leaving the board touches the chair only if they hold it
 * (`leaveBoard`): `leaving` names them, so that a known-at reader replaying the chair does not take
 * in every director who leaves, nor the chair with every director who leaves (`known-at.ts`).
 */
export type PartList = readonly Part[] & { readonly leaving?: string };

/** A fact's part that stands for all of them (a reconstituted board reads every director's seat). */
const EVERY_PART = '*';

type MapName = 'roles' | 'board' | 'affiliations' | 'petitions' | 'pending' | 'closed';
type Field = 'chair' | 'control' | 'workforce' | 'name';

/** The parts (their keys) a fact reads and writes. Exhaustive: a new type must say which. */
function partKeysOf(e: Effective): string[] {
  switch (e.type) {
    case 'company.registered':
      return ['name'];
    case 'role.assumed':
    case 'role.vacated':
      return [`role\0${seatOf(e.data.role).key}`];
    case 'board.joined':
      return [`board\0${e.data.person.id}`];
    case 'board.left':
      // Leaving ends the chair of a director who held it.
      return [`board\0${e.data.person.id}`, 'chair'];
    case 'board.chair.assumed':
    case 'board.chair.vacated':
      return ['chair'];
    case 'board.reconstituted':
      return [EVERY_PART];
    case 'control.changed':
      return ['control'];
    case 'workforce.reported':
      return ['workforce'];
    case 'affiliation.started':
    case 'affiliation.ended':
      return [`aff\0${e.data.person.id}`];
    case 'petition.reported':
      return [`petition\0${e.data.petition}`];
    case 'offer.made':
    case 'negotiation.opened':
    case 'dispute.opened':
    case 'pending.resolved':
      return [`item\0${e.data.item}`];
    case 'agreement.reached':
      return [...new Set([e.data.item, ...e.data.resolves])].map((item) => `item\0${item}`);
    case 'statement.made':
      return [];
    default:
      return assertNever(e);
  }
}

/**
 * The one field of a fact that `partKeysOf` reads, where there is one: two facts of a type that
 * agree on it touch the same parts. Undefined where the parts depend on more (an agreement's items).
 */
function partArgOf(e: Effective): string | undefined {
  switch (e.type) {
    case 'role.assumed':
    case 'role.vacated':
      return e.data.role;
    case 'board.joined':
    case 'board.left':
    case 'affiliation.started':
    case 'affiliation.ended':
      return e.data.person.id;
    case 'petition.reported':
      return e.data.petition;
    case 'offer.made':
    case 'negotiation.opened':
    case 'dispute.opened':
    case 'pending.resolved':
      return e.data.item;
    case 'agreement.reached':
      return undefined;
    case 'company.registered':
    case 'board.chair.assumed':
    case 'board.chair.vacated':
    case 'board.reconstituted':
    case 'control.changed':
    case 'workforce.reported':
    case 'statement.made':
      return '';
    default:
      return assertNever(e);
  }
}

function assertNever(e: never): never {
  throw new Error(`no parts for ${(e as Effective).type}`);
}

/** The part a key names, numbered `id`. */
function makePart(key: string, id: number): Part {
  const cut = key.indexOf('\0');
  const [kind, arg] = cut < 0 ? [key, ''] : [key.slice(0, cut), key.slice(cut + 1)];
  switch (kind) {
    case 'role':
      return { id, key, ...entries([['roles', arg]]) };
    case 'board':
      return { id, key, ...entries([['board', arg]]) };
    case 'chair':
      return { id, key, ...field('chair') };
    case 'aff':
      return { id, key, ...entries([['affiliations', arg]]) };
    case 'petition':
      return { id, key, ...entries([['petitions', arg]]) };
    case 'item':
      return { id, key, ...entries([['pending', arg], ['closed', arg]]) };
    case 'control':
    case 'workforce':
    case 'name':
      return { id, key, ...field(kind) };
    default:
      throw new Error(`unknown part "${key}"`);
  }
}

const field = (name: Field): Pick<Part, 'load' | 'same'> => ({
  load: (to, from) => void ((to as unknown as Record<Field, unknown>)[name] = from[name]),
  same: (a, b) => sameValue(a[name], b[name]),
});

const entries = (cells: [MapName, string][]): Pick<Part, 'load' | 'same'> => ({
  load(to, from) {
    for (const [map, key] of cells) {
      const value = dictGet(from[map] as Dict<unknown>, key);
      if (value === undefined) dictDelete(to[map] as Dict<unknown>, key);
      else dictSet(to[map] as Dict<unknown>, key, value);
    }
  },
  same: (a, b) => cells.every(([map, key]) => sameValue(dictGet(a[map] as Dict<unknown>, key), dictGet(b[map] as Dict<unknown>, key))),
});

/**
 * Equal as data (the state holds plain objects, arrays and scalars). Keys are counted, not listed:
 * a known-at reader compares parts at every block it replays, and the lists were a fifth of what it
 * allocated.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  let keys = 0;
  for (const key in x) {
    if (!Object.hasOwn(x, key)) continue;
    if (!Object.hasOwn(y, key) || !sameValue(x[key], y[key])) return false;
    keys += 1;
  }
  for (const key in y) if (Object.hasOwn(y, key)) keys -= 1;
  return keys === 0;
}

/** A timeline's parts, each made once, and the lists facts touch, numbered. */
export class PartTable {
  readonly #parts = new Map<string, Part>();
  readonly #listIds = new Map<string, number>();
  /** By list number: the parts, or null for a list that includes every part. */
  readonly #lists: (PartList | null)[] = [];

  /** List numbers by type and by the one field its parts depend on (see `partArgOf`): replay notes every fact's list. */
  readonly #known = new Map<string, Map<string, number>>();

  /** The number of the list of parts a fact touches. */
  listOf(e: Effective): number {
    const arg = partArgOf(e);
    const byArg = arg === undefined ? undefined : (this.#known.get(e.type) ?? this.#known.set(e.type, new Map()).get(e.type)!);
    const known = byArg?.get(arg!);
    if (known !== undefined) return known;
    const id = this.#listOf(e);
    byArg?.set(arg!, id);
    return id;
  }

  #listOf(e: Effective): number {
    const keys = partKeysOf(e);
    // One key names its list (no key starts with "["); several are spelled as JSON, so none run together.
    const name = keys.length === 1 ? keys[0]! : JSON.stringify(keys);
    let id = this.#listIds.get(name);
    if (id === undefined) {
      id = this.#lists.length;
      const parts = keys.includes(EVERY_PART) ? null : keys.map((key) => this.part(key));
      this.#lists.push(parts && e.type === 'board.left' ? Object.assign(parts, { leaving: e.data.person.id }) : parts);
      this.#listIds.set(name, id);
    }
    return id;
  }

  /** The parts of list `id`; null if it includes every part. */
  list(id: number): PartList | null {
    return this.#lists[id]!;
  }

  /** The part a key names, made the first time. */
  part(key: string): Part {
    let part = this.#parts.get(key);
    if (!part) this.#parts.set(key, (part = makePart(key, this.#parts.size)));
    return part;
  }
}
