/**
 * Links to a moment that the desktop app opens: `incumbent://moment#company=openai&at=...&known=...`.
 * The operating system hands such a link to the app as a command-line argument (Windows, Linux) or
 * an `open-url` event (macOS), so it is untrusted input: only the three known keys pass, each
 * checked, and the page receives a fragment rebuilt from the checked values, never the link's text.
 */
import { daysIn } from './date-time-problem';

export const MOMENT_LINK_SCHEME = 'incumbent';
const PREFIX = `${MOMENT_LINK_SCHEME}://moment`;
const MAX_LINK = 2048;
/** Company ids are log subjects: short, and never anything that could be markup or a path. */
const COMPANY = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,199}$/u;

/** The shareable link for a page fragment (`#company=...&at=...`). */
export function momentLink(hash: string): string {
  return `${PREFIX}#${hash.replace(/^#/, '')}`;
}

/** A date (ECMAScript reads it as UTC), or a date-time with its offset: the same instant wherever the link is opened. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;

/**
 * The instant a link's time names, or undefined. Not Date.parse alone: it takes "1" (2001),
 * "Nov 18 2023", and a date-time without an offset in the local zone of whoever opens the link.
 */
export function linkTimeOf(value: string): number | undefined {
  if (value.length > 40 || !(DATE.test(value) || DATE_TIME.test(value))) return undefined;
  // Date.parse rolls a day the month lacks (02-30), and the hour 24, over into the next: such a link names no moment.
  const [year, month, day, hour] = [0, 5, 8, 11].map((at) => Number(value.slice(at, at + (at === 0 ? 4 : 2)) || 0)) as [number, number, number, number];
  if (month < 1 || month > 12 || day > daysIn(year, month) || hour > 23) return undefined;
  const epoch = Date.parse(value);
  return Number.isNaN(epoch) || Math.abs(epoch) > 8.64e15 ? undefined : epoch;
}

/** The time of `key` as ISO, or what is wrong with it. */
const isoOf = (key: string, value: string | null): { iso: string } | { error: string } => {
  const epoch = value === null ? undefined : linkTimeOf(value);
  if (epoch !== undefined) return { iso: new Date(epoch).toISOString() };
  if (value !== null && LOCAL_DATE_TIME.test(value)) return { error: `${key}: needs its offset (Z or ±hh:mm): without one each reader would take it in their own time zone` };
  return { error: `${key}: must be a date and time (ISO 8601)` };
};

/** The page fragment a moment link asks for, or an error that says what is wrong with it. */
export function fragmentOfLink(link: string): { fragment: string } | { error: string } {
  if (link.length > MAX_LINK) return { error: `a moment link is at most ${MAX_LINK} characters` };
  if (!link.startsWith(`${PREFIX}#`) && !link.startsWith(`${PREFIX}/#`)) return { error: `a moment link starts with ${PREFIX}#` };
  const params = new URLSearchParams(link.slice(link.indexOf('#') + 1));
  const unknown = [...params.keys()].find((key) => key !== 'company' && key !== 'at' && key !== 'known');
  if (unknown !== undefined) return { error: `unknown key "${unknown.slice(0, 40)}" in a moment link (known: company, at, known)` };
  const repeated = [...params.keys()].find((key) => params.getAll(key).length > 1);
  if (repeated !== undefined) return { error: `${repeated}: is given more than once; which was meant is not ours to guess` };
  const out = new URLSearchParams();
  const company = params.get('company');
  if (company !== null) {
    if (!COMPANY.test(company)) return { error: 'company: must be a company id (letters, digits, . _ -; at most 200)' };
    out.set('company', company);
  }
  const at = isoOf('at', params.get('at'));
  if ('error' in at) return at;
  out.set('at', at.iso);
  if (params.has('known')) {
    const known = isoOf('known', params.get('known'));
    if ('error' in known) return known;
    out.set('known', known.iso);
  }
  return { fragment: `#${out.toString().replaceAll('%3A', ':')}` };
}

/** The moment link among a process's arguments (how Windows and Linux hand one to the app). */
export function linkInArgv(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.startsWith(`${MOMENT_LINK_SCHEME}:`));
}
