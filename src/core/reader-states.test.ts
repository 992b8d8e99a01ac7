import { describe, expect, it } from 'vitest';
import { ReaderStates } from './reader-states';
import { freezeShallow, initialState } from './state';

const state = (name: string) => freezeShallow(initialState('acme', name));

describe('ReaderStates', () => {
  it('finds a first-time reader\'s state near the block it kept it at, until another first-time reader keeps one', () => {
    const states = new ReaderStates();
    const first = state('first');
    states.keep(100, 10, first, { askedBefore: false });
    expect(states.near(100, 12)).toEqual({ block: 10, state: first });
    states.keep(200, 10, state('second'), { askedBefore: false });
    expect(states.near(200, 10)?.state.name).toBe('second');
    // Found once, the first reader's state is among the kept ones: a later first-time reader leaves it.
    states.keep(300, 10, state('third'), { askedBefore: false });
    expect(states.near(100, 10)?.state).toBe(first);
  });

  it('keeps only the latest first-time reader\'s state', () => {
    const states = new ReaderStates();
    states.keep(100, 10, state('first'), { askedBefore: false });
    states.keep(200, 10, state('second'), { askedBefore: false });
    expect(states.near(100, 10)).toBeUndefined();
  });

  it('keeps a reader that asked before among 32, the least recently used going first', () => {
    const states = new ReaderStates();
    for (let reader = 1; reader <= 33; reader++) states.keep(reader, 5, state(`r${reader}`), { askedBefore: true });
    expect(states.near(1, 5)).toBeUndefined();
    expect(states.near(2, 5)?.state.name).toBe('r2');
    states.keep(99, 5, state('once'), { askedBefore: false });
    expect(states.near(33, 5)?.state.name).toBe('r33');
  });

  it('drops what it kept at or after a changed block, the latest first-time reader\'s too', () => {
    const states = new ReaderStates();
    states.keep(1, 4, state('kept'), { askedBefore: true });
    states.keep(2, 6, state('latest'), { askedBefore: false });
    states.dropFrom(4);
    expect(states.near(1, 4)).toBeUndefined();
    expect(states.near(2, 6)).toBeUndefined();
  });
});
