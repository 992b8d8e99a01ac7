/** The scrubber's row of controls: play and its speed, steps by event and by day, zoom, and the key to the markers' colours. */
import { memo } from 'react';
import { KINDS, kindLabel } from '../kinds';
import { DAY, HOUR, MINUTE } from '../scrubber-marks';

export const SPEEDS = [
  { label: '1 min/s', perSecond: MINUTE },
  { label: '1 h/s', perSecond: HOUR },
  { label: '6 h/s', perSecond: 6 * HOUR },
  { label: '1 day/s', perSecond: DAY },
];

interface Props {
  playing: boolean;
  onPlay(): void;
  speed: number;
  onSpeed(index: number): void;
  /** To the next (1) or previous (-1) event. */
  onStep(direction: 1 | -1): void;
  /** A day on (1) or back (-1). */
  onDay(direction: 1 | -1): void;
  onZoom(factor: number): void;
  onFit(): void;
  /** The kinds present in the timeline, as indexes into KINDS. */
  legendKinds: number[];
}

/** Memoised with stable handlers: a step of the moment does not draw it again. */
export const ScrubberControls = memo(function ScrubberControls({ playing, onPlay, speed, onSpeed, onStep, onDay, onZoom, onFit, legendKinds }: Props) {
  return (
    <div className="scrubber-controls">
      {/* Named by what it does, not a toggle: "Pause, pressed" while playing reads as paused. The glyph is drawn, not said. */}
      <button onClick={onPlay} title="Play through time (Space)">
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
      </button>
      <label>
        Speed{' '}
        <select value={speed} onChange={(e) => onSpeed(Number(e.target.value))}>
          {SPEEDS.map((s, i) => (
            <option key={s.label} value={i}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <span className="step-buttons" role="group" aria-label="Step through time">
        <button onClick={() => onDay(-1)} title="One day back (PageDown)" aria-label="One day back">
          −1 d
        </button>
        <button onClick={() => onStep(-1)} title="Previous event (←)" aria-label="Previous event">
          ◀
        </button>
        <button onClick={() => onStep(1)} title="Next event (→)" aria-label="Next event">
          ▶
        </button>
        <button onClick={() => onDay(1)} title="One day on (PageUp)" aria-label="One day on">
          +1 d
        </button>
      </span>
      <button onClick={() => onZoom(0.5)} title="Zoom in (+ key, or the wheel)" aria-label="Zoom the timeline in">+</button>
      <button onClick={() => onZoom(2)} title="Zoom out (− key, or the wheel)" aria-label="Zoom the timeline out">−</button>
      <button onClick={onFit} title="Show the whole log" aria-label="Fit the whole log in the timeline">Fit</button>
      <details className="legend-box">
        <summary>Key</summary>
        <span className="legend">
          {legendKinds.map((code) => (
            <span key={code} className={`kind-dot kind-${KINDS[code]}`}>{kindLabel[KINDS[code]!]}</span>
          ))}
          <span className="kind-band">known only to the day</span>
        </span>
      </details>
    </div>
  );
});
