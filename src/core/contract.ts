/**
 * The one contract every transport serves: Electron IPC, the preload bridge, the HTTP host and the
 * renderer's api module are all typed against it (`satisfies`), and every argument is validated
 * against these schemas where it crosses a process boundary.
 */
import { z } from 'zod';
import type { Change } from './diff';
import { IncumbentError, type Result } from './errors';
import type { EventRecord } from './event';
import { instantOf } from './time';
import { InputDateTime, OffsetDateTime, oneLineText, Slug } from './vocabulary';

/**
 * The longest JSON Lines text `log:import` takes, in characters (zod counts UTF-16 units): 64 Mi,
 * about 93,000 events of ~720 bytes, far beyond any hand-curated log and small enough that every
 * transport can hold it in memory twice over. The HTTP host sizes its body limit from it. A bigger
 * log goes through the CLI (`incumbent append --log LOG FILE`), which reads the file itself.
 */
export const MAX_IMPORT_CHARS = 64 << 20;

/** What "known at" counts: see Ledger.stateAt. */
const KnownBy = z.enum(['recorded', 'published']);

/**
 * A bookmark as a bookmarks file holds it: by the rules it was written under, which were looser
 * (any name without controls or bidi overrides, any digits after the seconds). Still read, and
 * removable by name.
 */
export const StoredBookmark = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(80).regex(/^[^\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/u, 'must not contain control or bidi-override characters'),
  company: Slug,
  at: OffsetDateTime,
  knownAt: OffsetDateTime.optional(),
});

/** A named moment of a log ("Firing", "Shear named"), kept beside the log; its name is read as an event's names are. */
export const Bookmark = StoredBookmark.extend({ name: oneLineText(80), at: InputDateTime, knownAt: InputDateTime.optional() });
export type Bookmark = z.output<typeof Bookmark>;

/** The instants a snapshot's provenance can write in RFC 3339 (its UTC year has four digits). */
const [FIRST_INSTANT, LAST_INSTANT] = [Date.parse('0000-01-01T00:00:00Z'), Date.parse('9999-12-31T23:59:59.999Z')];

/** A moment asked about (a snapshot's, a comparison's ends, a known-at time). */
export const QueryMoment = InputDateTime.refine((time) => {
  const instant = instantOf(time);
  return !(instant < FIRST_INSTANT || instant > LAST_INSTANT); // NaN (no time): its own check says so
}, 'must be from year 0000 to 9999 in UTC');

export const contractArgs = {
  'log:summary': z.strictObject({}),
  /** How far the log being opened has been read: answered at once, while the other calls wait for the log. */
  'log:opening': z.strictObject({}),
  'log:read': z.strictObject({ fromSeq: z.int().min(1), limit: z.int().min(1).max(50_000) }),
  /** Long poll: answers at once with records after `sinceSeq`, or when some arrive, or after `timeoutMs` (default 25 s) with none. */
  'log:changes': z.strictObject({ sinceSeq: z.int().min(0), timeoutMs: z.int().min(0).max(60_000).optional() }),
  'log:append': z.strictObject({ events: z.array(z.unknown()).min(1, 'must hold at least one event').max(100_000) }),
  'log:import': z.strictObject({ jsonl: z.string().min(1, 'is empty').max(MAX_IMPORT_CHARS, `is longer than ${MAX_IMPORT_CHARS >> 20} Mi characters: append it with \`incumbent append --log LOG FILE\``) }),
  'snapshot:build': z.strictObject({ at: QueryMoment, knownAt: QueryMoment.optional(), knownBy: KnownBy.optional(), company: Slug.optional() }),
  // Read backwards, "X became CEO" would say the opposite of what happened: every transport refuses it.
  'diff:between': z
    .strictObject({ from: QueryMoment, to: QueryMoment, knownAt: QueryMoment.optional(), knownBy: KnownBy.optional(), company: Slug })
    // Run even when a time failed its own check (that issue is the one reported): such a time is not compared.
    .refine(({ from, to }) => !(instantOf(to) < instantOf(from)), { path: ['to'], error: ({ input }) => `is before from (${(input as { from: string }).from}): give the earlier moment as from` }),
  'bookmarks:list': z.strictObject({}),
  /**
   * Adds one bookmark (replacing one of the same name), or removes one by name, to the list as it is
   * then: a page never sends a whole list, so one whose list is stale (not loaded yet, or another
   * change in flight) cannot drop the others.
   */
  'bookmarks:add': z.strictObject({ bookmark: Bookmark }),
  'bookmarks:remove': z.strictObject({ name: StoredBookmark.shape.name }),
} as const;

export type Operation = keyof typeof contractArgs;
export const operations = Object.keys(contractArgs) as Operation[];
export type Args<K extends Operation> = z.input<(typeof contractArgs)[K]>;

export interface LogSummary {
  path: string;
  logId: string;
  title: string;
  head: { seq: number; hash: string };
  companies: { id: string; name: string }[];
  /** Set when opening moved a torn last write aside. */
  recovered?: { line: number; reason: string; sideFile?: string };
  /** What opening found and the user should know (records kept beyond the head anchor, no anchor). */
  warnings?: string[];
}

/** A log being opened: how many of its file's bytes have been read, and for how long. */
export interface OpeningProgress {
  path: string;
  /** Bytes read so far, of `size`, its size when reading began; never more, never fewer than told before (both 0 until reading starts, and for a PostgreSQL log). */
  read: number;
  size: number;
  elapsedMs: number;
  /**
   * How many records, from the log's first, have been read and chained to one another so far
   * (0 until some are, and for a PostgreSQL log): `log:read` answers with them before the opening
   * ends. They are not yet checked against the log's head anchor, which the opening does last: if
   * that check fails, the log does not open. Once it opens, the records answered were these.
   */
  checked: number;
}

export interface AppendResult {
  appended: EventRecord[];
  skipped: string[];
}

export interface Results {
  'log:summary': LogSummary;
  /** Null when no log is being opened. */
  'log:opening': OpeningProgress | null;
  /** Records `fromSeq` on: `limit` of them, or more, to the end of a batch the last would cut (no reader holds part of one). */
  'log:read': { records: EventRecord[]; head: number };
  /** Up to 10,000 records after `sinceSeq`, or more to the end of a batch the last would cut (ask again from the last one for more); `head` is the log's head. */
  'log:changes': { records: EventRecord[]; head: number };
  'bookmarks:list': Bookmark[];
  'bookmarks:add': Bookmark[];
  'bookmarks:remove': Bookmark[];
  'log:append': AppendResult;
  'log:import': AppendResult;
  'snapshot:build': { json: string; fileName: string };
  'diff:between': { changes: Change[]; sentences: string[] };
}

/**
 * What `service` implements: plain async functions that throw IncumbentError. `signal` aborts when
 * the caller has gone (an HTTP client hung up): a long poll then stops waiting.
 */
export type Handlers = { [K in Operation]: (args: Args<K>, signal?: AbortSignal) => Promise<Results[K]> };

/** `log:read`'s answer with its records as JSON pieces (UTF-8, joined by commas), for a host that sends them as stored. */
export interface JsonPage {
  head: number;
  records: Iterable<Uint8Array>;
}

/** What a transport's client sees: errors come back as data. */
export type Client = { [K in Operation]: (args: Args<K>) => Promise<Result<Results[K]>> };

export const isOperation = (name: unknown): name is Operation => typeof name === 'string' && Object.hasOwn(contractArgs, name);

/**
 * The field an argument issue names, never empty: an unknown key names itself (zod puts it in
 * `keys`, not in `path`), and an argument that is not an object at all is `arguments`.
 */
function issueField(issue: z.core.$ZodIssue): string {
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
  return path.map(String).join('.') || 'arguments';
}

/** Only plain data: IPC also carries Dates, Maps, Sets and typed arrays, which zod reads as objects. */
const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value));

/** Validates a transport's raw arguments against `schema`; the error names the field. */
export function parseArgsWith<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const value = raw ?? {};
  if (!isPlainObject(value)) throw new IncumbentError('invalid', 'must be an object of named arguments', 'arguments');
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new IncumbentError('invalid', issue.message, issueField(issue));
}

/** Validates a contract operation's raw arguments; the error names the field. */
export const parseArgs = <K extends Operation>(operation: K, raw: unknown): z.output<(typeof contractArgs)[K]> =>
  parseArgsWith(contractArgs[operation], raw) as z.output<(typeof contractArgs)[K]>;
