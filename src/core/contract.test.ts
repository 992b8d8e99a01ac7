import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_CHARS, parseArgs } from './contract';

describe('contract limits', () => {
  it('takes an import up to MAX_IMPORT_CHARS and refuses a longer one, pointing at the CLI', () => {
    const longest = 'x'.repeat(MAX_IMPORT_CHARS);
    expect(parseArgs('log:import', { jsonl: longest }).jsonl).toHaveLength(MAX_IMPORT_CHARS);
    expect(() => parseArgs('log:import', { jsonl: `${longest}x` })).toThrow(/jsonl: is longer than 64 Mi characters: append it with `incumbent append/);
  });
});

describe('diff:between', () => {
  it('refuses a "to" before "from" on every transport, compared as instants across offsets', () => {
    const args = { company: 'openai', from: '2023-11-20T00:00:00Z' };
    expect(() => parseArgs('diff:between', { ...args, to: '2023-11-19T15:59:00-08:00' })).toThrow('to: is before from (2023-11-20T00:00:00Z): give the earlier moment as from');
    // The same instant, and a later one written in an earlier-looking local time, are taken.
    expect(parseArgs('diff:between', { ...args, to: '2023-11-19T16:00:00-08:00' }).to).toBe('2023-11-19T16:00:00-08:00');
    expect(parseArgs('diff:between', { ...args, to: '2023-11-19T23:00:00-02:00' }).to).toBe('2023-11-19T23:00:00-02:00');
    // A time that is no time is named by its own field, never thrown as a bare RangeError (an HTTP 500).
    expect(() => parseArgs('diff:between', { ...args, from: 'noon', to: '2023-11-19T16:00:00-08:00' })).toThrow(/^from: must be an RFC 3339 date-time/);
    expect(() => parseArgs('diff:between', { ...args, to: 'noon' })).toThrow(/^to: must be an RFC 3339 date-time/);
    expect(() => parseArgs('diff:between', { ...args, from: 5, to: '2023-11-19T16:00:00-08:00' })).toThrow(/^from: must be an RFC 3339 date-time/);
  });
});

describe('a moment asked about', () => {
  it('is one a snapshot can write: from year 0000 to 9999 in UTC (a later one gave a provenance of "+010000-...")', () => {
    expect(parseArgs('snapshot:build', { at: '9999-12-31T23:59:59Z' }).at).toBe('9999-12-31T23:59:59Z');
    expect(parseArgs('snapshot:build', { at: '0000-01-01T00:00:00Z' }).at).toBe('0000-01-01T00:00:00Z');
    expect(() => parseArgs('snapshot:build', { at: '9999-12-31T23:59:59-12:00' })).toThrow(/^at: must be from year 0000 to 9999 in UTC/);
    expect(() => parseArgs('snapshot:build', { at: '2023-11-20T00:00:00Z', knownAt: '0000-01-01T00:00:00+12:00' })).toThrow(/^knownAt: must be from year 0000 to 9999/);
    expect(() => parseArgs('diff:between', { company: 'openai', from: '2023-11-20T00:00:00Z', to: '9999-12-31T23:00:00-02:00' })).toThrow(/^to: must be from year 0000/);
    // A time that is no time keeps its own message.
    expect(() => parseArgs('snapshot:build', { at: 'noon' })).toThrow(/^at: must be an RFC 3339 date-time/);
  });
});
