/**
 * The timeline scrubber: an accessible slider over effective time, with an axis that follows the
 * zoom, event markers coloured by kind, and a density strip on a canvas so large logs stay fast.
 * A fact known only to the day is a band across its day, never a tick at an invented hour; events
 * at one spot are one marker with a count. The playhead never leaves the view unnoticed: moving
 * the moment pans the view to it, and an arrow at the edge brings it back after a manual pan.
 * Markers are siblings of the slider, not inside it (a slider's content is presentational).
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import { addCalendarDays, formatInstant } from '../format';
import { KINDS } from '../kinds';
import { axisTicks, DAY, describeGroup, groupMarkers, HOUR, MINUTE, stepTarget, storyEndOf, type EntryZones } from '../scrubber-marks';
import { DensityStrip } from './DensityStrip';
import { ScrubberControls, SPEEDS } from './ScrubberControls';
import { busySpan, followedView, showing, type Follow, type View } from '../scrubber-view';
import { useHeldWhile } from '../useHeldWhile';
import { useLatest } from '../useLatest';

interface Props {
  times: Float64Array;
  /** Each event's kind, as an index into KINDS. */
  kinds: Uint8Array;
  /** Each event's precision, as an index into PRECISIONS. */
  precisions: Uint8Array;
  value: number;
  onChange(time: number): void;
  /** A marker or band was clicked: go to that event (the last of a cluster). */
  onPick(position: number): void;
  /** The zone the scrubber reads and writes times in (the company's). */
  timeZone: string;
  /** Each event's own zone, where its day (month, year) is reckoned when that is all that is known of its time. */
  zones: EntryZones;
  /** Index of the current event in `times`, highlighted. */
  current: number;
  /** Positions that pass the events filter (all when undefined); the others are dimmed. */
  matches?: Int32Array;
  /** The playhead is taken (true) and let go (false) by the pointer. */
  onDragging?(dragging: boolean): void;
}

export function Scrubber({ times, kinds, precisions, value, onChange, onPick, timeZone, zones, current, matches, onDragging }: Props) {
  const first = times.length ? times[0]! : value - DAY;
  const last = times.length ? times[times.length - 1]! : value + DAY;
  /** Where End and playing land. Worked out once per timeline, not at every frame of a drag (it reads the zones' calendars). */
  const storyEnd = useMemo(() => storyEndOf(times, precisions, zones) ?? last, [times, precisions, zones, last]);
  const busyFrom = busySpan(times)?.[0] ?? first;
  const pad = Math.max((last - busyFrom) * 0.04, HOUR);
  // The view follows the events as they load (a large log arrives in pages): where most of them are,
  // or all of them after Fit. Once the user zooms or pans it is theirs, kept as more loads and when
  // known-at changes (per company: the parent's key starts a new scrubber). The effect below places it.
  const follow = useRef<Follow | null>('busy');
  const [window, setWindow] = useState<View>(() => followedView('busy', first, busyFrom, last, pad, value));
  const choose = (view: View) => {
    follow.current = null;
    setWindow(view);
  };
  /** A drag in progress: a followed view holds still under the pointer until it is let go. */
  const [dragging, setDragging] = useState(false);
  // The parent hears when a drag begins and when it ends, also by this scrubber going (another company's) mid-drag.
  useEffect(() => {
    if (!dragging) return;
    onDragging?.(true);
    return () => onDragging?.(false);
  }, [dragging, onDragging]);
  const [width, setWidth] = useState(800);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const track = useRef<HTMLDivElement>(null);
  const valueRef = useLatest(value);
  // A move waits up to a frame for its state before `value` follows: a key repeated meanwhile steps
  // on from where the last move is going, not again from where the moment still is. Moves land in
  // order; when `value` becomes something else (Back, a typed time), the ones waiting were dropped.
  const heading = useRef<{ to: number; since: number }[]>([]);
  useEffect(() => {
    const landed = heading.current.findIndex((move) => move.to === value);
    heading.current = landed >= 0 ? heading.current.slice(landed + 1) : [];
  }, [value]);
  const from = () => {
    const last = heading.current.at(-1);
    return last && performance.now() - last.since < 500 ? last.to : value;
  };
  /** Every move goes through here. */
  const change = (to: number) => {
    if (to !== from()) heading.current.push({ to, since: performance.now() });
    onChange(to);
  };
  const changeRef = useLatest(change);

  useEffect(() => {
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(200, entry!.contentRect.width)));
    if (track.current) observer.observe(track.current);
    return () => observer.disconnect();
  }, []);
  // A followed view keeps up with the log; the user's pans when the moment moves out of it.
  useEffect(() => {
    const mode = follow.current;
    if (mode && dragging) return;
    const next = mode ? followedView(mode, first, busyFrom, last, pad, value) : undefined;
    setWindow((view) => {
      const to = next ?? showing(view, value, 0.04);
      return to[0] === view[0] && to[1] === view[1] ? view : to;
    });
  }, [first, busyFrom, last, pad, value, dragging]);

  const [start, end] = window;
  const x = (t: number) => ((t - start) / (end - start)) * width;
  const timeAt = (px: number) => start + (px / width) * (end - start);

  const ticks = useMemo(() => axisTicks(start, end, width, timeZone), [start, end, width, timeZone]);

  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => {
      const next = valueRef.current + SPEEDS[speed]!.perSecond / 20;
      if (next >= storyEnd) {
        setPlaying(false);
        if (valueRef.current < storyEnd) changeRef.current(storyEnd);
      } else changeRef.current(next);
    }, 50);
    return () => clearInterval(id);
  }, [playing, speed, storyEnd, changeRef, valueRef]);
  /** Play from the end (or past it) plays the story again from its first event; it never runs backwards. */
  const togglePlay = () => {
    if (!playing && from() >= storyEnd) change(first);
    setPlaying(!playing);
  };

  const zoom = (factor: number, around = value) => {
    const span = Math.min(Math.max((end - start) * factor, 10 * MINUTE), Math.max(last - first, DAY) * 50);
    const f = Math.min(1, Math.max(0, (around - start) / (end - start)));
    choose([around - f * span, around - f * span + span]);
  };
  const pan = (fraction: number) => choose([start + (end - start) * fraction, end + (end - start) * fraction]);
  const recentre = () => choose([value - (end - start) / 2, value + (end - start) / 2]);

  // A step lands where the state certainly includes the event: its instant, or the end of its day.
  const step = (direction: 1 | -1) => {
    if (!times.length) return;
    const target = stepTarget(times, precisions, from(), direction, zones);
    if (target !== undefined) change(target);
    else if (direction > 0) change(Math.max(from(), last));
  };
  const fit = () => {
    follow.current = 'all';
    setWindow(followedView('all', first, busyFrom, last, pad, value));
  };
  // The controls are memoised on stable handlers that act on the latest moment.
  const byDay = (direction: 1 | -1) => change(addCalendarDays(from(), direction, timeZone)); // a calendar day there: 23 or 25 hours across a change of clocks
  const live = useLatest({ step, zoom, fit, byDay, togglePlay });
  const controls = useMemo(
    () => ({
      onPlay: () => live.current.togglePlay(),
      onSpeed: setSpeed,
      onStep: (direction: 1 | -1) => live.current.step(direction),
      onDay: (direction: 1 | -1) => live.current.byDay(direction),
      onZoom: (factor: number) => live.current.zoom(factor),
      onFit: () => live.current.fit(),
    }),
    [live],
  );

  const onKey = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      return pan(event.key === 'ArrowLeft' ? -0.2 : 0.2);
    }
    if (event.altKey) return; // Alt+←/→ is Back/Forward.
    const keys: Record<string, () => void> = {
      ArrowRight: () => (event.shiftKey ? change(from() + HOUR) : step(1)),
      ArrowLeft: () => (event.shiftKey ? change(from() - HOUR) : step(-1)),
      ArrowUp: () => step(1),
      ArrowDown: () => step(-1),
      PageUp: () => byDay(1),
      PageDown: () => byDay(-1),
      Home: () => change(first),
      End: () => change(storyEnd),
      ' ': togglePlay,
      '+': () => zoom(0.5),
      '=': () => zoom(0.5),
      '-': () => zoom(2),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  /**
   * Where the track starts, read when a drag begins: reading it at each move would force a layout
   * of what the last move changed, one more per frame while a large state is redrawn.
   */
  const trackLeft = useRef(0);
  const fromPointer = (event: PointerEvent) => change(Math.round(timeAt(event.clientX - trackLeft.current) / MINUTE) * MINUTE);

  const onWheel = (event: WheelEvent) => {
    const rect = track.current!.getBoundingClientRect();
    if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) pan((event.deltaX || event.deltaY) / 1000);
    else zoom(event.deltaY > 0 ? 1.25 : 0.8, timeAt(event.clientX - rect.left));
  };

  // The kinds present, for the key: once per timeline, not per render (a timeline holds up to a million).
  const legendKinds = useMemo(() => {
    const seen = new Uint8Array(256);
    for (const k of kinds) seen[k] = 1;
    return [...seen.keys()].filter((k) => seen[k]);
  }, [kinds]);

  const matched = useMemo(() => {
    if (!matches) return undefined;
    const mask = new Uint8Array(times.length);
    for (const p of matches) mask[p] = 1;
    return mask;
  }, [matches, times]);

  // Markers only where they can be told apart; otherwise the density strip shows where events are.
  const { groups, count } = useMemo(() => groupMarkers(times, precisions, start, end, width, zones), [times, precisions, start, end, width, zones]);

  const lo = Math.min(first, value);
  const hi = Math.max(last, value);
  const playX = x(value);
  const offLeft = value < start;
  const offRight = value > end;
  const label = formatInstant(value, timeZone, width > 520);
  const said = useHeldWhile(value, playing, 1500); // a reader hears a focused slider's every change: while playing, now and then

  return (
    <section className="scrubber" aria-label="Timeline">
      <ScrubberControls playing={playing} speed={speed} legendKinds={legendKinds} {...controls} />
      <div
        ref={track}
        className="scrubber-track"
        data-view-start={Math.round(start)}
        data-view-end={Math.round(end)}
        onPointerDown={(e) => {
          if ((e.target as HTMLElement).closest('.marker, .band, .edge')) return;
          (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
          setDragging(true);
          trackLeft.current = e.currentTarget.getBoundingClientRect().left;
          track.current?.querySelector<HTMLElement>('[role=slider]')?.focus();
          fromPointer(e);
        }}
        onPointerMove={(e) => e.buttons === 1 && (e.currentTarget as HTMLElement).hasPointerCapture(e.pointerId) && fromPointer(e)}
        onLostPointerCapture={() => setDragging(false)}
        onWheel={onWheel}
      >
        <div
          className="scrubber-slider"
          role="slider"
          tabIndex={0}
          aria-label="Moment"
          aria-keyshortcuts="ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight PageUp PageDown Home End Space + -"
          title="←/→ previous/next event · Shift+←/→ one hour · PageUp/PageDown one day · Home/End · Space play · +/− zoom · Ctrl+←/→ pan"
          aria-valuemin={Math.round(lo)}
          aria-valuemax={Math.round(hi)}
          aria-valuenow={Math.round(said)}
          aria-valuetext={formatInstant(said, timeZone)}
          onKeyDown={onKey}
        />
        <DensityStrip times={times} start={start} end={end} width={width} />
        <div className="markers" aria-hidden="true">
          {groups
            ? groups.map((g) => {
                const dim = matched && !g.positions.some((p) => matched[p]);
                const kindSet = new Set(g.positions.map((p) => kinds[p]));
                const kind = kindSet.size === 1 ? `kind-${KINDS[kinds[g.positions[0]!]!]}` : 'kind-mixed';
                const isCurrent = g.positions.includes(current);
                const cls = `${g.band ? 'band' : 'marker'} ${kind}${isCurrent ? ' current' : ''}${dim ? ' dim' : ''}`;
                const style = g.band ? { left: Math.max(0, x(g.from)), width: Math.max(6, Math.min(width, x(g.to)) - Math.max(0, x(g.from))) } : { left: x(g.from) };
                return (
                  <span key={g.key} className={cls} style={style} title={describeGroup(g, kinds, precisions, timeZone)} onClick={() => onPick(g.positions[g.positions.length - 1]!)}>
                    {g.positions.length > 1 && <span className="marker-count">{g.positions.length}</span>}
                  </span>
                );
              })
            : <span className="marker-hint">{count.toLocaleString()} events here: zoom in (wheel or +) to pick one</span>}
        </div>
        <div className="axis" aria-hidden="true">
          {ticks.map(({ t, label: text }) => (
            <span key={t} className="tick" style={{ left: x(t) }}>
              {text}
            </span>
          ))}
        </div>
        {!offLeft && !offRight && (
          <div className="playhead" style={{ transform: `translateX(${Math.round(playX)}px)` }} aria-hidden="true">
            <span className={`playhead-label${playX > width - 220 ? ' flip' : ''}`}>{label}</span>
          </div>
        )}
        {(offLeft || offRight) && (
          <button type="button" className={`edge ${offLeft ? 'left' : 'right'}`} onClick={recentre} aria-label={`The moment (${formatInstant(value, timeZone)}) is out of view: show it`}>
            {offLeft ? `◀ ${label}` : `${label} ▶`}
          </button>
        )}
      </div>
    </section>
  );
}
