import { describe, expect, it } from 'vitest';
import { DAY } from './scrubber-marks';
import { busySpan, followedView, showing, type View } from './scrubber-view';

describe('showing', () => {
  const view: View = [0, 100 * DAY];
  it('keeps the view, the same array, while the moment is inside it (off the margin)', () => {
    expect(showing(view, 50 * DAY, 0.04)).toBe(view);
    expect(showing(view, 100 * DAY, 0)).toBe(view);
  });
  it('pans, keeping the span, when the moment reaches the margin or leaves the view', () => {
    expect(showing(view, 99 * DAY, 0.04)).toEqual([24 * DAY, 124 * DAY]);
    expect(showing(view, -10 * DAY, 0.04)).toEqual([-35 * DAY, 65 * DAY]);
  });
});

describe('followedView', () => {
  const [first, busyFrom, last, pad] = [0, 300 * DAY, 1000 * DAY, 28 * DAY];
  it('shows where most events are up to the last, with the moment at the end in view and not panned past it', () => {
    expect(followedView('busy', first, busyFrom, last, pad, last)).toEqual([busyFrom - pad, last + pad]);
  });
  it('after Fit, shows all the events', () => {
    expect(followedView('all', first, busyFrom, last, pad, last)).toEqual([first - pad, last + pad]);
  });
  it('pans to a moment outside the events rather than stretching to it', () => {
    const [s, e] = followedView('busy', first, busyFrom, last, pad, last + 2000 * DAY);
    expect(e - s).toBe(last - busyFrom + 2 * pad);
    expect(last + 2000 * DAY).toBeLessThan(e);
  });
});

describe('busySpan', () => {
  it('runs from the 5th percentile of the times to the last, and is undefined without times', () => {
    const times = new Float64Array(Array.from({ length: 100 }, (_, i) => i * DAY));
    expect(busySpan(times)).toEqual([5 * DAY, 99 * DAY]);
    expect(busySpan(new Float64Array())).toBeUndefined();
  });
});
