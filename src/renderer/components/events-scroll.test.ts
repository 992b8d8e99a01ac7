import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_PX, scrollSpace, tabStopRow } from './events-scroll';

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

  it('follows a row out of view to a third of the way down, and never past the end of the box', () => {
    const s = scrollSpace(1000, 600);
    expect(s.following(3, 0)).toBeUndefined(); // in view
    expect(s.following(500, 0)).toBe(500 * 96 - 200);
    // The last row: a third of the way down would be past the end; the box's end instead.
    expect(s.following(999, 0)).toBe(96_000 - 600);
    expect(s.following(-1, 0)).toBeUndefined(); // no current row
  });

  it('keeps the row with the focus in view: the row followed comes in at the edge nearer it, or the list stays', () => {
    const s = scrollSpace(1000, 600); // 6.25 rows in view
    // Focus on row 10 (rows 10 to 14 whole in view at 900): row 15 comes in at the bottom edge, row 10 stays.
    expect(s.following(15, 900, 10)).toBe(16 * 96 - 600);
    // Row 8 comes in at the top edge, row 12 stays.
    expect(s.following(8, 1000, 12)).toBe(8 * 96);
    // Too far apart for both: the focused row stays where it is.
    expect(s.following(40, 960, 10)).toBeUndefined();
    // Unfocused, or the focus on the row followed: a third of the way down, as before.
    expect(s.following(40, 960, -1)).toBe(40 * 96 - 200);
    expect(s.following(40, 960, 40)).toBe(40 * 96 - 200);
    // The focused row itself off screen: it is the one brought back.
    expect(s.following(40, 0, 20)).toBe(20 * 96 - 200);
  });

  it('follows in the scaled space too, within its reach', () => {
    const rows = 497_000;
    const s = scrollSpace(rows, 700);
    const to = s.following(250_000, 0)!;
    expect(s.rowsTop(to)).toBeCloseTo(250_000 * 96 - 700 / 3, 3);
    expect(s.following(rows - 1, 0)).toBeLessThanOrEqual(s.real - 700);
    expect(s.rowsTop(s.following(rows - 1, 0)!) + 700).toBeGreaterThanOrEqual((rows - 1) * 96 + 96 - 1e-6);
  });
});

describe('the row holding the events list\'s tab stop', () => {
  it('is the row last focused while it is in view, else the current event\'s', () => {
    expect(tabStopRow(12, 15, 10, 18, 100)).toBe(12);
    expect(tabStopRow(-1, 15, 10, 18, 100)).toBe(15);
    expect(tabStopRow(0, 15, 10, 18, 100)).toBe(15); // the first row, long scrolled away
  });

  it('is a row in view when neither is: never a row that is not drawn', () => {
    expect(tabStopRow(0, 90, 40, 47, 100)).toBe(40);
    expect(tabStopRow(-1, 90, 40, 47, 100)).toBe(47);
    expect(tabStopRow(-1, -1, 0, 7, 100)).toBe(0); // before the first event
  });

  it('stays within the rows there are, and is none when there are none', () => {
    expect(tabStopRow(-1, 3, 0, 7, 4)).toBe(3);
    expect(tabStopRow(-1, 3, 5, 4, 100)).toBe(5); // no height (a closed drawer): the first row
    expect(tabStopRow(-1, 0, 0, 7, 0)).toBe(-1);
  });
});
