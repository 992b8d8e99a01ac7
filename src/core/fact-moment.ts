/** When a fact stands, as the corrections that reach it leave it: a correction's own time says when it was made, not when its fact happened. */
import type { EventDraft } from './event';

export type FactMoment = Pick<EventDraft, 'time' | 'timeprecision' | 'timezone'>;

/**
 * The time, precision and zone of the fact `id` stands for. `find` gives an event by id: a fact
 * (or a ledger's effect, already corrected) is its own moment; a correction is its target's moment
 * with the time and precision it gives, in the zone of the fact behind it.
 */
export function momentOfFact(find: (id: string) => (FactMoment & { type: string; data?: unknown }) | undefined, id: string, seen = new Set<string>()): FactMoment | undefined {
  const event = find(id);
  if (event?.type !== 'event.corrected') return event;
  if (seen.has(id)) return undefined; // a loop, which only input not yet validated could hold
  const data = event.data as { target: string; time?: string; timeprecision?: FactMoment['timeprecision'] };
  const target = momentOfFact(find, data.target, seen.add(id));
  return target && { time: data.time ?? target.time, timeprecision: data.timeprecision ?? target.timeprecision, timezone: target.timezone };
}
