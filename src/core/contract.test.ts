import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_CHARS, parseArgs } from './contract';

describe('contract limits', () => {
  it('takes an import up to MAX_IMPORT_CHARS and refuses a longer one, pointing at the CLI', () => {
    const longest = 'x'.repeat(MAX_IMPORT_CHARS);
    expect(parseArgs('log:import', { jsonl: longest }).jsonl).toHaveLength(MAX_IMPORT_CHARS);
    expect(() => parseArgs('log:import', { jsonl: `${longest}x` })).toThrow(/jsonl: is longer than 64 Mi characters: append it with `incumbent append/);
  });
});
