import { produce } from 'immer';
import { seatOf } from './seats';
import { describe, expect, it } from 'vitest';
import { dict, dictFrom, dictGet, dictHas, dictKeys, dictSet, dictValues, dictWith, dictWithout } from './dict';
import { evolve, type Effective } from './evolve';
import { created, person, rec, resetSeq } from './fixtures.test-support';
import { Ledger } from './ledger';
import { initialState } from './state';

const protoKeys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('Dict', () => {
  it('holds Object.prototype names as ordinary keys and finds nothing it was not given', () => {
    const d = dict<number>();
    for (const key of protoKeys) expect(dictGet(d, key)).toBeUndefined();
    protoKeys.forEach((key, i) => dictSet(d, key, i));
    expect(dictKeys(d)).toEqual(protoKeys);
    expect(dictValues(d)).toEqual([0, 1, 2, 3, 4]);
    expect(Object.getPrototypeOf(d)).toBeNull();
    expect(dictGet(dictWithout(d, '__proto__'), '__proto__')).toBeUndefined();
    expect(dictGet(dictWith(undefined, '__proto__', 7), '__proto__')).toBe(7);
    expect(dictKeys(dictFrom([['__proto__', 1]]))).toEqual(['__proto__']);
  });

  it('reads the same after structured clone and JSON, which give plain objects (the renderer sees those)', () => {
    const d = dictFrom([['__proto__', 1], ['CEO', 2]]);
    for (const copy of [structuredClone(d), JSON.parse(JSON.stringify(d)) as typeof d]) {
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
      expect(dictGet(copy, '__proto__')).toBe(1);
      expect(dictGet(copy, 'constructor')).toBeUndefined();
      expect(dictHas(copy, 'toString')).toBe(false);
      expect(dictValues(copy)).toEqual([1, 2]);
    }
  });

  it('survives an immer recipe: drafts and copies keep the null prototype', () => {
    const events = protoKeys.map((role, i) => rec('role.assumed', `2024-01-0${i + 1}T00:00:00Z`, { person: person('constructor'), role, interim: false, acting: false }));
    const drafted = produce(initialState('acme'), (draft) => {
      for (const e of events) evolve(draft, e as Effective);
    });
    const mutable = initialState('acme');
    for (const e of events) evolve(mutable, e as Effective);
    expect(drafted).toEqual(mutable);
    // Roles are keyed by seat: the title normalised (`__proto__` is the seat `proto`), never a prototype.
    expect(dictKeys(drafted.roles)).toEqual(protoKeys.map((title) => seatOf(title).key));
    expect(Object.getPrototypeOf(drafted.roles)).toBeNull();
  });

  it('checkpointed replay agrees with replay from the start when every key is a prototype name', () => {
    resetSeq();
    const ledger = new Ledger();
    ledger.add(created());
    const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 3_600_000).toISOString();
    for (let i = 0; i < 400; i++) {
      const [role, who] = [protoKeys[i % protoKeys.length]!, ['constructor', 'valueof', 'tostring'][i % 3]!];
      const vacate = i % 4 === 3;
      ledger.add(rec(vacate ? 'role.vacated' : 'role.assumed', day(i), vacate ? { person: person(who), role, cause: 'fired' } : { person: person(who), role, interim: false, acting: false }));
    }
    const timeline = ledger.timeline('acme')!;
    for (const i of [0, 127, 128, 129, 300, 399]) {
      const time = Date.parse(day(i));
      expect(timeline.stateAt(time, ledger.head)).toEqual(timeline.replayFromStart(time, ledger.head));
    }
  });
});
