/**
 * Records keyed by data: role titles, organisation names, person, petition and item ids.
 *
 * A key that comes from data must never reach Object.prototype. On a plain `{}`, `roles['toString']`
 * is a function, `board['constructor']` is truthy, and `roles['__proto__'] = x` replaces the
 * prototype instead of storing x. So a `Dict` is opaque to the type checker: `dict[key]` does not
 * compile, and the only ways in are the helpers below, which
 * - create null-prototype objects (so `__proto__` is an ordinary own key), and
 * - read own properties only, which keeps them right on the plain objects that structured clone
 *   and JSON.parse produce from a Dict (the renderer receives states that way).
 *
 * At run time a Dict is still a plain data object: immer drafts and freezes it, structured clone
 * copies it, `toEqual` compares it, and its key order is the usual one.
 */
declare const dictValue: unique symbol;

/**
 * A null-prototype record from string keys to V; use the helpers in this module to touch it. The
 * brand exists only for the type checker (it is never set): it keeps `{}` from passing for a Dict.
 */
export interface Dict<V> {
  readonly [dictValue]: V;
}

type Writable<V> = Record<string, V>;
const open = <V>(d: Dict<V>) => d as unknown as Writable<V>;

/**
 * A new Dict holding the entries of `from` (own entries only), in their order. Copied key by key:
 * replay copies a state's maps at every checkpoint, and `Object.assign` into a null-prototype
 * object took three times as long for a map of a few hundred people.
 */
export const dict = <V>(from?: Dict<V>): Dict<V> => (from ? dictMapValues(from, (value) => value) : (Object.create(null) as Dict<V>));

/** A new Dict with `f` applied to each value of `from`, in its order. */
export const dictMapValues = <V, W>(from: Dict<V>, f: (value: V, key: string) => W): Dict<W> => {
  const next = Object.create(null) as Writable<W>;
  const source = open(from);
  const keys = Object.keys(source);
  for (let i = 0; i < keys.length; i++) next[keys[i]!] = f(source[keys[i]!]!, keys[i]!);
  return next as unknown as Dict<W>;
};

/** A new Dict from [key, value] pairs (a later pair wins). */
export function dictFrom<V>(entries: Iterable<readonly [string, V]>): Dict<V> {
  const d = Object.create(null) as Writable<V>;
  for (const [key, value] of entries) d[key] = value;
  return d as unknown as Dict<V>;
}

export const dictHas = <V>(d: Dict<V>, key: string): boolean => Object.hasOwn(d, key);

export const dictGet = <V>(d: Dict<V>, key: string): V | undefined => (Object.hasOwn(d, key) ? open(d)[key] : undefined);

/** Stores in place. Only for Dicts made here (null-prototype), never for a structured-clone copy. */
export const dictSet = <V>(d: Dict<V>, key: string, value: V): void => {
  open(d)[key] = value;
};

export const dictDelete = <V>(d: Dict<V>, key: string): void => {
  delete open(d)[key];
};

/** A copy of `d` (or a new Dict) with one key set: for the small inner maps that are replaced, not mutated. */
export const dictWith = <V>(d: Dict<V> | undefined, key: string, value: V): Dict<V> => {
  const next = dict(d);
  open(next)[key] = value;
  return next;
};

/** A copy of `d` without `key`. */
export const dictWithout = <V>(d: Dict<V>, key: string): Dict<V> => {
  const next = dict(d);
  delete open(next)[key];
  return next;
};

export const dictKeys = <V>(d: Dict<V>): string[] => Object.keys(d);

/**
 * The keys whose value in `after` is not the very value `before` holds (a key only in `before` is
 * not listed): for two versions of a map that share the values neither changed.
 */
export function dictChangedKeys<V>(before: Dict<V>, after: Dict<V>): string[] {
  const [was, now] = [open(before), open(after)];
  const changed: string[] = [];
  for (const key in now) if (!Object.hasOwn(was, key) || was[key] !== now[key]) changed.push(key);
  return changed;
}

/** Calls `f` with each entry of `d`, in its order, without listing them first (for maps read at every step of a replay). */
export function dictEach<V>(d: Dict<V>, f: (value: V, key: string) => void): void {
  const entries = open(d);
  for (const key in entries) if (Object.hasOwn(entries, key)) f(entries[key]!, key);
}

export const dictValues = <V>(d: Dict<V>): V[] => Object.values(open(d));
export const dictEntries = <V>(d: Dict<V>): [string, V][] => Object.entries(open(d));
export const dictSize = <V>(d: Dict<V>): number => Object.keys(d).length;
