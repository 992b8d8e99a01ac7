/**
 * A moment typed as "2023-11-19 21:00" in the company's zone: one tab stop (a datetime-local field
 * is six), read on every keystroke that makes a whole date, checked on blur. Text that is not a
 * moment is kept for the user to fix, and said so in words (not by a red border alone), unless the
 * field's owner reports its problems itself (`describedBy`, `invalid`).
 */
import { useEffect, useId, useState } from 'react';
import { epochToZonedExact, zonedToEpoch } from '../format';

interface Props {
  label: string;
  value: number | undefined;
  timeZone: string;
  onChange(ms: number): void;
  disabled?: boolean;
  /** Whether the text shown reads as a moment, each time that changes: while it does not, `value` is the last one that did. */
  onReadable?(readable: boolean): void;
  id?: string;
  className?: string;
  invalid?: boolean;
  describedBy?: string;
  onBlur?(): void;
}

/** What the field says of text it cannot read as a moment. */
export const NOT_A_MOMENT = 'Not a moment: type it as YYYY-MM-DD HH:MM';

export const shownMoment = (ms: number, timeZone: string) => epochToZonedExact(ms, timeZone).replace('T', ' ');

/**
 * Whether `text` reads as `ms` and names its wall time: a wall time the clock skipped (02:30 on the
 * day clocks go forward) reads as the moment an hour on, and left as typed would name another.
 */
const saysMoment = (text: string, ms: number, timeZone: string) =>
  zonedToEpoch(text, timeZone) === ms && zonedToEpoch(text, 'UTC') === zonedToEpoch(shownMoment(ms, timeZone), 'UTC');

export function MomentInput({ label, value, timeZone, onChange, onReadable, disabled, id, className, invalid, describedBy, onBlur }: Props) {
  const [draft, setDraft] = useState(value === undefined ? '' : shownMoment(value, timeZone));
  const [bad, setBad] = useState(false);
  const readable = !Number.isNaN(zonedToEpoch(draft, timeZone));
  useEffect(() => onReadable?.(readable), [readable, onReadable]);
  const errorId = useId();
  const ownError = bad && !invalid && !describedBy;
  /** Set from the user's first keystroke until the field is left: text being typed is never replaced from outside. */
  const [editing, setEditing] = useState(false);
  // A new moment or zone shows in the same render, never after it: text typed into the field
  // between the two would be appended to the old text.
  const [shown, setShown] = useState({ value, timeZone });
  if (shown.value !== value || shown.timeZone !== timeZone) {
    setShown({ value, timeZone });
    if (value === undefined) {
      // No moment (another company or log is on its way): the field starts empty, as it is left.
      setDraft('');
      setEditing(false);
    } else if (!editing) {
      // Keep the text the user is typing (a moment that follows a loading log moves meanwhile).
      setDraft((d) => (saysMoment(d, value, timeZone) ? d : shownMoment(value, timeZone)));
      setBad(false); // the text shown is a moment again, whatever was typed before
    }
  }
  return (
    <span className="moment-box">
      <input
        id={id}
        className={`moment-input${className ? ` ${className}` : ''}`}
        type="text"
        inputMode="numeric"
        spellCheck={false}
        autoComplete="off"
        aria-label={label}
        aria-invalid={bad || invalid ? true : undefined}
        {...(describedBy || ownError ? { 'aria-describedby': describedBy ?? errorId } : {})}
        title={`YYYY-MM-DD HH:MM, in ${timeZone}`}
        placeholder="YYYY-MM-DD HH:MM"
        // Unavailable rather than disabled: a disabled field loses the focus it holds (to the page's
        // body) when another log starts loading, and Tab would skip it without a word.
        readOnly={disabled}
        aria-disabled={disabled || undefined}
        value={draft}
        onChange={(e) => {
          setEditing(true);
          setDraft(e.target.value);
          const ms = zonedToEpoch(e.target.value, timeZone);
          if (!Number.isNaN(ms)) {
            setBad(false);
            onChange(ms);
          }
        }}
        onBlur={() => {
          setEditing(false);
          const ms = zonedToEpoch(draft, timeZone);
          setBad(draft.trim() !== '' && Number.isNaN(ms));
          // A whole moment typed, then moved from elsewhere meanwhile (Back, a follow), or a wall time
          // the clock skipped: the field shows where the moment is now.
          if (!Number.isNaN(ms) && value !== undefined && !saysMoment(draft, value, timeZone)) setDraft(shownMoment(value, timeZone));
          onBlur?.();
        }}
      />
      {ownError && (
        <span className="moment-error" id={errorId} role="alert">
          {NOT_A_MOMENT}
        </span>
      )}
    </span>
  );
}
