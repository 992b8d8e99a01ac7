/**
 * Where the scrubber's view is: the span of time its track shows. Until the user zooms or pans, it
 * follows the log (which may still be loading); then it is theirs and only pans to keep the moment.
 */
export type View = [number, number];

/** Where most of the events are, from the 5th percentile to the last: a few early facts (a CTO since 2022) should not shrink the story. */
export const busySpan = (times: Float64Array): View | undefined => (times.length ? [times[Math.floor(times.length * 0.05)]!, times[times.length - 1]!] : undefined);

/** The view moved as little as it takes to show the moment (`margin` of it from the edge), its span kept. */
export function showing(view: View, value: number, margin: number): View {
  const [s, e] = view;
  const span = e - s;
  if (value >= s + span * margin && value <= e - span * margin) return view;
  return value > e - span * margin ? [value - span * 0.75, value + span * 0.25] : [value - span * 0.25, value + span * 0.75];
}

export type Follow = 'busy' | 'all';

/** A followed view: where most events are ('busy', from `busySpan`) or all of them, and the moment. */
export const followedView = (mode: Follow, first: number, busyFrom: number, last: number, pad: number, value: number): View => showing([(mode === 'all' ? first : busyFrom) - pad, last + pad], value, 0);
