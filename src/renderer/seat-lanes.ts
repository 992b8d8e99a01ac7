/**
 * Seat history: one lane per seat (each executive role, the chair, each board seat), a bar per
 * holder across time. Built in one pass over a company's facts in effective-time order, so the
 * worker can answer it for a log of any size; the page draws only the bars in view.
 */
import { seatOf } from '../core/seats';
import type { Effective } from '../core/evolve';
import type { Precision } from '../core/event';
import { howSure } from '../core/certainty';
import { formatAt, isCoarse } from './format';

export interface SeatBar {
  person: string;
  personId: string;
  from: number;
  fromPrecision: Precision;
  /** The zone the start's source gave: a start known only to the day is that day there. */
  fromZone: string;
  /** Open (still held at the log's end) when null. */
  to: number | null;
  toPrecision: Precision | null;
  toZone: string | null;
  /** How sure the source of the end is (the event that ended it, not the one that began it); null while open. */
  toCertainty: string | null;
  interim: boolean;
  acting: boolean;
  eventId: string;
  certainty: string;
  /** Held already when the log's coverage starts (a baseline fact): `from` is the log's start, not the holder's. */
  asOf?: true;
}

export interface SeatLane {
  key: string;
  label: string;
  group: 'role' | 'chair' | 'board';
  bars: SeatBar[];
}

/** Executive roles first, in the order readers look for them. */
const ROLE_ORDER = ['CEO', 'President', 'CTO', 'CFO', 'COO', 'Chief Scientist'];

/** An instant in the display zone; a day (month, year) in the zone of the fact that gave it, where it is that day. */
const shown = (time: number, precision: Precision, own: string, timeZone: string) => formatAt(time, precision, isCoarse(precision) ? own : timeZone);

/** When a bar begins: "Sun 19 Nov 2023", or for a holder already in office when the log starts, "as of Fri 17 Nov 2023 (start not recorded)"; "(reported)" when only reported. */
export const barStart = (bar: SeatBar, timeZone: string) => {
  const when = shown(bar.from, bar.fromPrecision, bar.fromZone, timeZone);
  return (bar.asOf ? `as of ${when} (start not recorded)` : when) + howSure(bar.certainty);
};

/** When a bar ends, as precise and as sure as its source: "Mon 20 Nov 2023", "Wed 29 Nov 2023 (reported)", or "still held". */
export const barEnd = (bar: SeatBar, timeZone: string) => (bar.to === null ? 'still held' : shown(bar.to, bar.toPrecision ?? 'minute', bar.toZone ?? timeZone, timeZone) + howSure(bar.toCertainty));

export function seatLanes(facts: Iterable<{ effect: Effective; time: number }>): SeatLane[] {
  const lanes = new Map<string, SeatLane>();
  const open = new Map<string, SeatBar>();
  const lane = (key: string, label: string, group: SeatLane['group']) => {
    let found = lanes.get(key);
    if (!found) lanes.set(key, (found = { key, label, group, bars: [] }));
    return found;
  };
  const close = (key: string, time: number, effect: Effective) => {
    const bar = open.get(key);
    if (!bar) return;
    bar.to = time;
    bar.toPrecision = effect.timeprecision;
    bar.toZone = effect.timezone;
    bar.toCertainty = effect.data.certainty;
    open.delete(key);
  };
  const start = (key: string, label: string, group: SeatLane['group'], effect: Effective, time: number, who: { id: string; name: string }, interim: boolean, acting: boolean) => {
    close(key, time, effect);
    const bar: SeatBar = { person: who.name, personId: who.id, from: time, fromPrecision: effect.timeprecision, fromZone: effect.timezone, to: null, toPrecision: null, toZone: null, toCertainty: null, interim, acting, eventId: effect.id, certainty: effect.data.certainty, ...(effect.data.baseline ? { asOf: true as const } : {}) };
    lane(key, label, group).bars.push(bar);
    open.set(key, bar);
  };
  for (const { effect: e, time } of facts) {
    switch (e.type) {
      case 'role.assumed': {
        // One lane per seat, whatever the source called it ("CTO", "Chief Technology Officer").
        const seat = seatOf(e.data.role);
        start(`role:${seat.key}`, seat.title, 'role', e, time, e.data.person, e.data.interim, e.data.acting);
        break;
      }
      case 'role.vacated': {
        const key = `role:${seatOf(e.data.role).key}`;
        if (open.get(key)?.personId === e.data.person.id) close(key, time, e);
        break;
      }
      case 'board.chair.assumed':
        start('chair', 'Chair', 'chair', e, time, e.data.person, e.data.interim, false);
        break;
      case 'board.chair.vacated':
        close('chair', time, e);
        break;
      case 'board.joined':
        start(`board:${e.data.person.id}`, `Board: ${e.data.person.name}`, 'board', e, time, e.data.person, false, false);
        break;
      case 'board.left':
        close(`board:${e.data.person.id}`, time, e);
        if (open.get('chair')?.personId === e.data.person.id) close('chair', time, e);
        break;
      case 'board.reconstituted': {
        const named = new Set(e.data.members.map((m) => m.id));
        for (const key of [...open.keys()]) if (key.startsWith('board:') && !named.has(key.slice('board:'.length))) close(key, time, e);
        for (const member of e.data.members) if (!open.has(`board:${member.id}`)) start(`board:${member.id}`, `Board: ${member.name}`, 'board', e, time, member, false, false);
        if (e.data.chair) start('chair', 'Chair', 'chair', e, time, e.data.chair, false, false);
        else if (open.has('chair') && !named.has(open.get('chair')!.personId)) close('chair', time, e);
        break;
      }
    }
  }
  const rank = (l: SeatLane) => (l.group === 'role' ? (ROLE_ORDER.indexOf(l.label) + 1 || ROLE_ORDER.length + 1) : l.group === 'chair' ? 100 : 200);
  return [...lanes.values()].sort((a, b) => rank(a) - rank(b) || (a.group === 'board' ? a.bars[0]!.from - b.bars[0]!.from : a.label.localeCompare(b.label)));
}
