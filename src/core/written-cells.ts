/**
 * Written cells: what facts write into a company's state and never read. How each person's last
 * stint in a seat ended (`former[person][seat]`), on the board (`formerBoard[person]`) and in the
 * chair (`formerChairs[person]`). Each belongs to one part (`state-parts.ts`): the seat's, the
 * director's, the chair's.
 *
 * Facts never remove one, and every write is a new object: two checkpoints hold the very same
 * value in a written cell if and only if no fact wrote it between them.
 *
 * A cell is named by a string: `f\0person\0seat`, `b\0person` or `c\0person` (a person's id is
 * a slug, so it holds no \0; a seat's key may hold anything and comes last).
 */
import { dict, dictChangedKeys, dictDelete, dictEach, dictGet, dictSet, dictSize, dictWith, dictWithout, type Dict } from './dict';
import type { CompanyState } from './state';

/** What a reader's patch holds for a cell the reader has no value in and the head has. */
export const ABSENT: unknown = Object.freeze({ absent: true });

const NONE = dict<never>();

/** The key of the part a written cell belongs to. */
export function partKeyOf(cell: string): string {
  const [map, person, seat] = split(cell);
  return map === 'f' ? `role\0${seat}` : map === 'b' ? `board\0${person}` : 'chair';
}

/** Empties the written cells of a mutable state: a replay from there leaves only what it wrote. */
export function clearWritten(s: CompanyState): void {
  [s.former, s.formerBoard, s.formerChairs] = [dict(), dict(), dict()];
}

/** Every written cell of `s`, with its value. */
export function eachWritten(s: CompanyState, f: (cell: string, value: unknown) => void): void {
  dictEach(s.former, (stints, person) => dictEach(stints, (value, seat) => f(`f\0${person}\0${seat}`, value)));
  dictEach(s.formerBoard, (value, person) => f(`b\0${person}`, value));
  dictEach(s.formerChairs, (value, person) => f(`c\0${person}`, value));
}

/** The people whose written cells may differ between two checkpoints, by map (see `frozenCopy`). */
export interface WrittenKeys {
  former: string[];
  formerBoard: string[];
  formerChairs: string[];
}

/**
 * Every written cell that holds another value in `after` than in `before`, by the key of its part;
 * `keys`, where known, says whose to look at (else every person in the maps is compared).
 */
export function changedWrittenByPart(before: CompanyState, after: CompanyState, keys?: WrittenKeys): Map<string, string[]> {
  const byPart = new Map<string, string[]>();
  const add = (partKey: string, cell: string) => (byPart.get(partKey) ?? byPart.set(partKey, []).get(partKey)!).push(cell);
  const changed = (map: keyof WrittenKeys) => keys?.[map] ?? dictChangedKeys(before[map] as Dict<unknown>, after[map] as Dict<unknown>);
  for (const person of changed('former')) {
    const [was, now] = [dictGet(before.former, person) ?? NONE, dictGet(after.former, person)!];
    for (const seat of dictChangedKeys(was, now)) add(`role\0${seat}`, `f\0${person}\0${seat}`);
  }
  for (const person of changed('formerBoard')) add(`board\0${person}`, `b\0${person}`);
  for (const person of changed('formerChairs')) add('chair', `c\0${person}`);
  return byPart;
}

export function readWritten(s: CompanyState, cell: string): unknown {
  const [map, person, seat] = split(cell);
  if (map === 'f') return dictGet(dictGet(s.former, person) ?? NONE, seat);
  return dictGet((map === 'b' ? s.formerBoard : s.formerChairs) as Dict<unknown>, person);
}

/** Sets a written cell of a mutable state; `ABSENT` removes it. */
export function writeWritten(s: CompanyState, cell: string, value: unknown): void {
  const [map, person, seat] = split(cell);
  if (map !== 'f') {
    const cells = (map === 'b' ? s.formerBoard : s.formerChairs) as Dict<unknown>;
    if (value === ABSENT) dictDelete(cells, person);
    else dictSet(cells, person, value);
    return;
  }
  const stints = dictGet(s.former, person) as Dict<unknown> | undefined;
  if (value !== ABSENT) return dictSet(s.former, person, dictWith(stints, seat, value) as Dict<never>);
  if (!stints) return;
  const rest = dictWithout(stints, seat);
  if (dictSize(rest) > 0) dictSet(s.former, person, rest as Dict<never>);
  else dictDelete(s.former, person);
}

function split(cell: string): [string, string, string] {
  const first = cell.indexOf('\0', 2);
  return first < 0 ? [cell[0]!, cell.slice(2), ''] : [cell[0]!, cell.slice(2, first), cell.slice(first + 1)];
}
