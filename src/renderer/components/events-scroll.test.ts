import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_PX, scrollSpace } from './EventsList';

describe('the events list scroll space', () => {
  it('is the rows themselves while they fit', () => {
    const s = scrollSpace(1000, 600);
    expect(s.real).toBe(96_000);
    expect(s.rowsTop(5000)).toBe(5000);
  });

  it('never passes the browsers height cap, and still reaches the last row', () => {
    const rows = 497_000;
    const viewport = 700;
    const s = scrollSpace(rows, viewport);
    expect(s.real).toBe(MAX_SCROLL_PX);
    // Scrolled to the end, the last row's bottom is the viewport's bottom.
    expect(s.rowsTop(s.real - viewport) + viewport).toBeCloseTo(rows * 96, 3);
    // And a row's place round-trips.
    expect(s.rowsTop(s.scrollTopFor(123_456 * 96))).toBeCloseTo(123_456 * 96, 3);
  });
});
