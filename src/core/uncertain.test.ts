import { describe, expect, it } from 'vitest';
import type { Reader } from './published-reader';
import { Timeline } from './timeline';
import { DAY_FACT } from './timeline-marks';
import { uncertainAt } from './uncertain';

const START = Date.parse('2023-01-01T00:00:00Z');
const HOUR = 3_600_000;
const noFacts = { of: () => { throw new Error('no fact is read'); }, prefetch: () => undefined, readOnce: () => new Map() };
const everything: Reader = { visible: () => true, stateAt: () => { throw new Error('no state is asked for'); } };

/** A timeline of an entry an hour for a year (8,760), the marks given to each by `marksAt`. */
function yearOf(marksAt: (i: number) => number): Timeline {
  const timeline = new Timeline('acme', noFacts);
  for (let i = 0; i < 8_760; i++) timeline.insert(i + 1, START + i * HOUR, marksAt(i));
  return timeline;
}

/** `timeline` whose marks count how many entries' marks were read. */
function counting(timeline: Timeline) {
  let reads = 0;
  const { each, seen } = timeline.marks;
  const marks = new Proxy(each, { get: (target, key) => (typeof key === 'string' && /^\d+$/.test(key) && reads++, Reflect.get(target, key)) });
  const counted = new Proxy(timeline, { get: (target, key) => (key === 'marks' ? { each: marks, seen } : Reflect.get(target, key, target)) });
  return { timeline: counted as Timeline, reads: () => reads };
}

describe('the facts a moment is uncertain of', () => {
  it('in a timeline with none known only to the day, month or year: no entry is read (a scrub of a big log pays nothing)', () => {
    const { timeline, reads } = counting(yearOf(() => 0));
    expect(uncertainAt(timeline, everything, START + 180 * 24 * HOUR)).toEqual([]);
    expect(reads()).toBe(0);
  });

  it('in one with a day fact: the entries near the moment are read', () => {
    const { timeline, reads } = counting(yearOf((i) => (i === 5_000 ? DAY_FACT : 0)));
    uncertainAt(timeline, everything, START + 100 * 24 * HOUR);
    expect(reads()).toBeGreaterThan(0);
  });
});
