/**
 * Record ids to sequence numbers. A ledger loaded from a stored index (see `LedgerIndex`) gets its
 * ids as a function that parses them, and the map is built the first time an id is looked up or
 * added: a reopened log that is only scrubbed never pays for a million map entries.
 */
export class IdIndex {
  #map: Map<string, number> | undefined;
  #pending: (() => readonly string[]) | undefined;

  /** `ids`: the ids of records 1 to n, in order, given when first needed. */
  constructor(ids?: () => readonly string[]) {
    this.#pending = ids;
    if (!ids) this.#map = new Map();
  }

  #built(): Map<string, number> {
    if (this.#map) return this.#map;
    const ids = this.#pending!();
    const map = new Map<string, number>();
    for (let i = 0; i < ids.length; i++) map.set(ids[i]!, i + 1);
    if (map.size !== ids.length) throw new RangeError('a stored index lists an id twice');
    this.#pending = undefined;
    return (this.#map = map);
  }

  get(id: string): number | undefined {
    return this.#built().get(id);
  }

  /** Notes the id of the next record, `seq`. */
  set(id: string, seq: number): void {
    this.#built().set(id, seq);
  }

  /** The ids of records 1 to n, in order (a map keeps insertion order, and records are added in order). */
  list(): readonly string[] {
    return this.#map ? [...this.#map.keys()] : this.#pending!();
  }
}
