/**
 * What a screen reader hears as the state changes: one polite sentence per change of state,
 * throttled so that scrubbing through twenty events says the last of them, not all twenty.
 */
import { useEffect, useRef, useState } from 'react';
import { seatOf } from '../core/seats';
import { formatAt, formatInstant } from './format';
import { isCovered, type MomentState } from './replay-protocol';
import { uncertainSummary } from './uncertain-words';

const QUIET_MS = 700;

export function useAnnouncer(message: string | undefined, key: string | undefined): string {
  const [spoken, setSpoken] = useState('');
  const lastKey = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!message) {
      // Nothing shown (another log is loading): the last sentence is not left for a reader to find.
      lastKey.current = undefined;
      setSpoken('');
      return;
    }
    if (key === lastKey.current) return;
    const id = setTimeout(() => {
      lastKey.current = key;
      setSpoken(message);
    }, QUIET_MS);
    return () => clearTimeout(id);
  }, [message, key]);
  return spoken;
}

/**
 * The sentence for a state: its moment (and, seen as known at an earlier time, that time: the state
 * then is not the state at the moment, and the toolbar that says so is not where a reader is), its
 * last change (or that it is before the log's coverage), who is CEO, and how many changes around
 * it are known only to the day (or month, or year).
 */
export function momentSentence(moment: MomentState, timeZone: string): string {
  const ceo = moment.view.roles.find((h) => h.seat === seatOf('CEO').key);
  const known = moment.knownAt === undefined ? '' : `, as known at ${formatInstant(Date.parse(moment.knownAt), timeZone)} (${moment.knownBy === 'published' ? 'as published' : 'as recorded here'})`;
  // Before the log's coverage the screen says so in the last change's place; "No CEO recorded" there
  // would tell a reader the seat was empty, which the log does not know.
  const start = isCovered(moment) ? undefined : moment.coverageFrom;
  return [
    `${formatInstant(moment.at, timeZone)}${known}.`,
    start ? `Before this log’s coverage, which starts ${formatAt(start.time, start.precision, start.timezone)}: it does not say who held which seat then.` : moment.last ? `Last change: ${moment.last.text}.` : 'No change yet.',
    ceo ? `CEO: ${ceo.person.name}${ceo.interim ? ', interim' : ''}.` : start ? '' : 'No CEO recorded.',
    ...(moment.uncertain.length ? [`${uncertainSummary(moment.uncertain)}.`] : []),
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * Speaks a moment once its state has settled (a moment moved by a button, where the focus stays, is
 * heard only here: a sentence left at the old time would say a moment that is no longer shown), and
 * again when it moves, its last change or day-only changes differ, or it is seen as known at another
 * time. The time spoken is the state's own, never a newer moment whose state is on its way.
 */
export function useMomentAnnouncement(moment: MomentState | undefined, timeZone: string | undefined): string {
  // Said once the company's zone is known: a time said in another zone is wrong.
  const sentence = moment && timeZone ? momentSentence(moment, timeZone) : undefined;
  return useAnnouncer(sentence, moment && sentence ? `${moment.at}|${moment.last?.eventId ?? 'none'}|${moment.uncertain.map((u) => u.eventId).join(',')}|${moment.knownAt ?? ''}|${moment.knownBy ?? ''}` : undefined);
}
