/**
 * Time zones: only IANA names (an abbreviation such as PST is ambiguous and is not a zone), and an
 * effective time whose offset agrees with its zone at that instant.
 */
const formatters = new Map<string, Intl.DateTimeFormat | null>();
/** No zone name is longer (the longest IANA names have about 30 characters). */
export const ZONE_NAME_MAX = 64;

/** A cached formatter for the zone, or null when the runtime does not know it. */
function formatterOf(zone: string): Intl.DateTimeFormat | null {
  // Neither looked up nor kept: any string a caller sends would be.
  if (zone.length > ZONE_NAME_MAX) return null;
  // Keyed as Intl reads names, regardless of case: a log spelling one zone many ways (each refused
  // by zoneProblem, but still read) fills no more of the cache, and costs no formatter (40 µs) a record.
  const key = zone.toLowerCase();
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    } catch {
      formatter = null;
    }
    // A name that is no zone is kept too: a log's every record may repeat it.
    if (formatters.size < 1024) formatters.set(key, formatter);
  }
  return formatter;
}

/** Each zone's verdict, as it is asked again for every record of a log (reading the spelling costs an object). */
const problems = new Map<string, string | undefined>();

/** Why `zone` is not an IANA zone name, or undefined when it is one. */
export function zoneProblem(zone: string): string | undefined {
  if (problems.has(zone)) return problems.get(zone);
  const problem = problemOf(zone);
  if (zone.length <= ZONE_NAME_MAX && problems.size < 1024) problems.set(zone, problem);
  return problem;
}

function problemOf(zone: string): string | undefined {
  const formatter = formatterOf(zone);
  if (!formatter) return 'must be an IANA time zone such as America/Los_Angeles';
  const spelt = formatter.resolvedOptions().timeZone;
  // Intl ignores case, but a log keeps the name as written, for readers whose tz database does not.
  if (zone !== spelt && zone.toLowerCase() === spelt.toLowerCase()) return `"${zone}" is not how IANA spells it: write ${spelt}`;
  if (zone !== 'UTC' && !zone.includes('/')) return `"${zone}" is an abbreviation, not an IANA time zone: write ${spelt}${spelt === 'UTC' ? '' : ' (or UTC)'}`;
  return undefined;
}

/**
 * The zone's UTC offset at an instant, as ±HH:MM. Before a zone kept standard time its offset
 * (local mean time) has seconds, -04:56:02 in New York, which RFC 3339 cannot write: it is
 * rounded to the minute, so such a time can be written at all.
 */
export function offsetAt(zone: string, epoch: number): string | undefined {
  const name = formatterOf(zone)?.formatToParts(epoch).find((part) => part.type === 'timeZoneName')?.value;
  if (!name) return undefined;
  if (name === 'GMT') return '+00:00';
  const [, sign, h, m, sec] = /^GMT([+-])(\d\d):(\d\d)(?::(\d\d))?$/.exec(name) ?? [];
  if (!sign) return undefined;
  const minutes = Math.round(Number(h) * 60 + Number(m) + Number(sec ?? 0) / 60);
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Why an RFC 3339 time's offset contradicts its zone (`-05:00` with America/Los_Angeles in
 * November), or undefined when they agree. `Z` is accepted only for zones at UTC then.
 */
export function offsetProblem(time: string, zone: string, epoch: number): string | undefined {
  const expected = offsetAt(zone, epoch);
  if (!expected) return undefined;
  const written = /(?:Z|[+-]\d\d:\d\d)$/.exec(time)?.[0];
  const actual = written === 'Z' || written === '-00:00' ? '+00:00' : written;
  if (actual === expected) return undefined;
  // The advice must hold for the local time as written: near a change of the zone's clocks the
  // offset at the instant written may not be the one at that local time (02:30 -08:00 on the day
  // Los Angeles went from -08:00 to -07:00 is 03:30 -07:00, but 02:30 -07:00 is 01:30 -08:00), and
  // a local time the clocks skipped has no offset at all: advising one sent the author round in a loop.
  const sameClock = (offset: string) => epoch + (minutesOf(actual!) - minutesOf(offset)) * 60_000;
  const holds = (offset: string | undefined): offset is string => offset !== undefined && offsetAt(zone, sameClock(offset)) === offset;
  if (holds(expected)) return `has offset ${written}, but ${zone} was at UTC${expected} then: write the local time with ${expected}, or correct the time zone`;
  const other = [offsetAt(zone, epoch - DAY_MS), offsetAt(zone, epoch + DAY_MS)].find(holds);
  if (other) return `has offset ${written}, but ${zone} was at UTC${other} at that local time: write it with ${other}, or correct the time zone`;
  const [from, to] = [expected, offsetAt(zone, sameClock(expected))!].sort((a, b) => minutesOf(a) - minutesOf(b));
  return `has offset ${written}, but that local time did not happen in ${zone}: its clocks went forward from UTC${from} to UTC${to}, skipping it. Write the instant as ${isoInZone(epoch, zone)}, or correct the time`;
}

const DAY_MS = 86_400_000;
/** An offset (±HH:MM) in minutes east of UTC. */
export const minutesOf = (offset: string) => (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));

/** An instant as RFC 3339 local time in `zone`, with the zone's offset then: what a form should write. */
export function isoInZone(epoch: number, zone: string): string {
  const offset = offsetAt(zone, epoch) ?? '+00:00';
  return `${new Date(epoch + minutesOf(offset) * 60_000).toISOString().slice(0, 19)}${offset}`;
}
