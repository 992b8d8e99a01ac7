import { describe, expect, it } from 'vitest';
import { describeEvent } from './describe';

const citation = { document: 'Annual report', quote: 'Appointed.' };
const assumed = (data: Record<string, unknown>) => describeEvent({ type: 'role.assumed', data: { certainty: 'confirmed', citation, person: { id: 'ann', name: 'Ann Lee' }, ...data } } as never);

describe('describeEvent', () => {
  it('says interim or acting once, whether the flag or the title carries it', () => {
    expect(assumed({ role: 'CEO', interim: true, acting: false })).toBe('Ann Lee became interim CEO');
    expect(assumed({ role: 'Interim CEO', interim: true, acting: false })).toBe('Ann Lee became Interim CEO');
    expect(assumed({ role: 'Acting CFO', interim: false, acting: true })).toBe('Ann Lee became Acting CFO');
    expect(assumed({ role: 'CTO', interim: false, acting: false })).toBe('Ann Lee became CTO');
  });
});
