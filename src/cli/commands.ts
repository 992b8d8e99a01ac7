/** The `incumbent` commands. Each returns its output; errors are thrown as IncumbentError. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeEvent, itemNameBefore, ItemNames } from '../core/describe';
import { sayingHowSure } from '../core/diff';
import { IncumbentError, noSuchCompany } from '../core/errors';
import { QueryMoment } from '../core/contract';
import type { EventRecord } from '../core/event';
import type { KnownBy, Ledger } from '../core/ledger';
import { momentOfFact } from '../core/fact-moment';
import { formatMoment, toEpoch } from '../core/time';
import { openService, type LogService } from '../service/service';
import { readInput, writeOutput, type CliIo } from './io';
import { isLogFile, refuseEventLines, refuseLogFiles, refuseOtherUrl, refuseSideFile } from '../store/log-file';
import { eventTypes, logPayloads } from '../core/vocabulary';
import { copyLog } from '../store/copy-log';
import { verifyLog } from './verify';

export const BUILT_IN_LOG = fileURLToPath(new URL('../../data/openai-2023-11.jsonl', import.meta.url));
export const APP_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export type Options = Record<string, string | boolean | (string | boolean)[] | undefined>;

const str = (options: Options, name: string): string | undefined => {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
};

const moment = (options: Options, name: string, required: boolean): string | undefined => {
  const value = str(options, name);
  if (value === undefined) {
    if (required) throw new IncumbentError('invalid', 'is required (an RFC 3339 date-time with an offset, e.g. 2023-11-18T12:00:00-08:00)', `--${name}`);
    return undefined;
  }
  // RFC 3339 (5.6) allows a lower-case T and Z; no other letter can be part of one.
  const parsed = QueryMoment.safeParse(value.toUpperCase());
  if (!parsed.success) throw new IncumbentError('invalid', `"${value}" ${parsed.error.issues[0]!.message}`, `--${name}`);
  return parsed.data;
};

/** --known-by: what known-at counts (records written into the log, or sources published). */
const knownByOf = (options: Options): KnownBy => {
  const value = str(options, 'known-by') ?? 'recorded';
  if (value !== 'recorded' && value !== 'published') throw new IncumbentError('invalid', `must be "recorded" or "published", not "${value}"`, '--known-by');
  if (!str(options, 'known-at') && str(options, 'known-by')) throw new IncumbentError('invalid', 'needs --known-at too', '--known-by');
  return value;
};

/** Opens a log to read; damage it can still answer from is said on standard error, never hidden. */
async function withLog<T>(options: Options, io: CliIo, use: (service: LogService) => Promise<T> | T): Promise<T> {
  // A read command asks a question or two and exits: replayed, no checkpoints built.
  const about = str(options, 'company');
  const service = await openService(str(options, 'log') ?? BUILT_IN_LOG, { appVersion: APP_VERSION, readOnly: true, oneShot: true, ...(about ? { about } : {}) });
  for (const warning of service.log.warnings) io.err(`warning: ${warning}\n`);
  try {
    return await use(service);
  } finally {
    await service.close();
  }
}

/**
 * A listing has one line per event: a line break in a statement's text (prose may have them) is
 * shown as "\u21b5", so no text can print a line that passes for another event.
 */
const oneLine = (text: string) => text.replace(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/g, ' \u21b5 ');

/** The company `--company` names, if any: one the log has. */
const namedCompany = (service: LogService, options: Options): string | undefined => {
  const named = str(options, 'company');
  if (named && !service.log.ledger.timeline(named)) throw noSuchCompany(named, service.log.ledger.companies(), '--company');
  return named;
};

/** The company to use: the one named, or the only one in the log. */
const companyOf = (service: LogService, options: Options): string => {
  const named = namedCompany(service, options);
  if (named) return named;
  const companies = service.log.ledger.companies();
  if (companies.length === 1) return companies[0]!;
  const followed = service.log.ledger.followed;
  if (followed && companies.includes(followed.id)) return followed.id;
  throw new IncumbentError('invalid', `is required: this log has ${companies.length} companies (${companies.slice(0, 10).join(', ')})`, '--company');
};

export const commands = {
  async snapshot(options: Options, io: CliIo) {
    const out = str(options, 'out');
    if (out) refuseLogFiles(out, str(options, 'log') ?? BUILT_IN_LOG, 'snapshot', '--out');
    if (out) refuseEventLines(out, 'snapshot', '--out');
    const at = moment(options, 'at', true)!;
    const knownAt = moment(options, 'known-at', false);
    const knownBy = knownByOf(options);
    const text = await withLog(options, io, (s) => {
      const company = namedCompany(s, options);
      return s.snapshotText({ at, ...(knownAt ? { knownAt, knownBy } : {}), ...(company ? { company } : {}) });
    });
    if (out) {
      writeOutput(out, text, '--out');
      io.err(`wrote ${out}\n`);
    } else io.out(text);
  },

  async init(options: Options, io: CliIo) {
    const path = str(options, 'log');
    if (!path) throw new IncumbentError('invalid', 'is required: the file to create', '--log');
    const title = str(options, 'title');
    if (!title) throw new IncumbentError('invalid', 'is required: what the log is about, e.g. "Acme leadership, 2021-2023"', '--title');
    const id = str(options, 'company');
    const name = str(options, 'name');
    if (name && !id) throw new IncumbentError('invalid', 'needs --company ID too', '--name');
    if (isLogFile(path)) throw new IncumbentError('invalid', `${path} already exists; init never overwrites a file`, '--log');
    const company = id ? { id, name: name ?? id } : undefined;
    // The same rules as any event: a bad title or company id is named like an event's field.
    const created = parseRecordFieldsOfLogCreated({ title, ...(company ? { company } : {}) });
    // Only started: a log another process starts there after the look above is refused, not opened.
    const service = await openService(path, { appVersion: APP_VERSION, create: created, startOnly: true });
    try {
      io.out(`created ${path}: "${service.log.ledger.title}"${company ? ` following ${company.name} (${company.id})` : ''}, log id ${service.log.ledger.logId}, head #1 ${service.log.hashOf(1)}\n`);
      io.err(`next: incumbent append --log ${path} events.jsonl (see docs/authoring.md)\n`);
    } finally {
      service.close();
    }
  },

  async verify(options: Options, io: CliIo) {
    const head = str(options, 'head');
    const snapshot = str(options, 'snapshot');
    io.out(`${await verifyLog(str(options, 'log') ?? BUILT_IN_LOG, { ...(head ? { head } : {}), ...(snapshot ? { snapshot } : {}) })}\n`);
  },

  async append(options: Options, io: CliIo, positionals: string[]) {
    const path = str(options, 'log');
    if (!path) throw new IncumbentError('invalid', 'is required: append never changes the built-in dataset', '--log');
    if (positionals.length > 1) throw new IncumbentError('invalid', `takes one input file, not ${positionals.length} (${positionals.join(', ')}): append them together, or one after the other`, 'INPUT');
    const input = positionals[0] ?? '-';
    const text = input === '-' ? await io.readStdin() : readInput(input, 'INPUT');
    // One batch, checked against the state at its moment once: replayed, no checkpoints built.
    const service = await openService(path, { appVersion: APP_VERSION, oneShot: true });
    try {
      if (service.log.recovered) io.err(`recovered: line ${service.log.recovered.line} (${service.log.recovered.reason}) moved to ${service.log.recovered.sideFile}\n`);
      const { appended, skipped } = await service['log:import']({ jsonl: text });
      const { ledger } = service.log;
      for (const record of appended) io.out(`appended #${record.seq} ${record.id} ${record.type} ${oneLine(sure(record.data, describeEvent(record, itemNameBefore((seq) => ledger.record(seq), record))))}\n`);
      for (const id of skipped) io.out(`skipped ${id} (already in the log)\n`);
      io.err(`${appended.length} appended, ${skipped.length} already present; head is now #${service.log.ledger.head}\n`);
    } finally {
      await service.close();
    }
  },

  /** A log moved between a file and PostgreSQL with its lines byte for byte; the source is verified first. */
  async copy(_options: Options, io: CliIo, positionals: string[]) {
    const [from, to] = positionals;
    if (!from || !to || positionals.length > 2) throw new IncumbentError('invalid', 'needs exactly two: FROM and TO (each a log file path or a postgres://... URL)', 'arguments');
    // Named as FROM: the checks verify makes of a --log would name --log, which copy has not.
    refuseOtherUrl(from, 'FROM');
    refuseSideFile(from, (log) => `give FROM as ${log}`, 'FROM');
    io.err(`source: ${await verifyLog(from)}\n`);
    const { records, head } = await copyLog(from, to);
    io.out(`copied ${records} records; both end at #${head.seq} ${head.hash}\n`);
  },

  async diff(options: Options, io: CliIo) {
    const from = moment(options, 'from', true)!;
    const to = moment(options, 'to', true)!;
    // Read backwards, "X became CEO" would say the opposite of what happened.
    if (toEpoch(to) < toEpoch(from)) throw new IncumbentError('invalid', `is before --from (${from}): give the earlier moment as --from`, '--to');
    const knownAt = moment(options, 'known-at', false);
    const knownBy = knownByOf(options);
    const result = await withLog(options, io, (s) => s['diff:between']({ from, to, company: companyOf(s, options), ...(knownAt ? { knownAt, knownBy } : {}) }));
    if (options.json) io.out(`${JSON.stringify(result.changes, null, 2)}\n`);
    else io.out(result.sentences.length ? result.sentences.map((s) => `${s}\n`).join('') : 'no changes\n');
  },

  async events(options: Options, io: CliIo) {
    const from = moment(options, 'from', false);
    const to = moment(options, 'to', false);
    const type = str(options, 'type');
    const company = str(options, 'company');
    const [lo, hi] = [from ? toEpoch(from) : -Infinity, to ? toEpoch(to) : Infinity];
    // A filter that can match nothing is a mistake to name, not an empty list.
    if (lo > hi) throw new IncumbentError('invalid', `is before --from (${from}): the range is empty`, '--to');
    if (type && !eventTypes.some((t) => t === type || t.startsWith(`${type}.`))) throw new IncumbentError('invalid', `no event type is "${type}" or starts with "${type}." (types: ${eventTypes.join(', ')})`, '--type');
    // log.created is about the file, dated when it was made: it belongs in no historical range.
    const wanted = (r: EventRecord) => (type ? r.type === type || r.type.startsWith(`${type}.`) : r.type !== 'log.created') && (!company || r.subject === company);
    await withLog(options, io, (s) => {
      const { ledger } = s.log;
      namedCompany(s, options);
      // Items are named by what opened them, wherever in the log that is (the list may leave it out).
      const names = new ItemNames();
      const records = [...ledger.records()]
        .filter((r) => {
          names.note(r);
          return wanted(r) && toEpoch(r.time) >= lo && toEpoch(r.time) <= hi;
        })
        .sort((a, b) => toEpoch(a.time) - toEpoch(b.time) || a.seq - b.seq);
      if (options.json) {
        // Revised events say so (`revisedby`, dropped again if the list is appended elsewhere).
        const marked = records.map((r) => (ledger.revisionOf(r.id) ? { ...r, revisedby: ledger.revisionOf(r.id) } : r));
        io.out(`${JSON.stringify(marked, null, 2)}\n`);
        return;
      }
      for (const r of records) io.out(`${formatMoment(r.time, r.timeprecision, r.timezone)}  #${r.seq}  ${r.type}  ${r.subject ?? ''}  ${oneLine(sure(r.data, names.describe(r)))}${revisionNote(ledger, r)}\n`);
    });
  },
};

/** The sentence with " (reported)" or " (rumoured)" after it when the event's data is not confirmed, as `diff` says it. */
const sure = (data: unknown, sentence: string): string => sayingHowSure(sentence, (data as { certainty?: string } | undefined)?.certainty);

/** "  [corrected by #30 (reason): now ...]" for an event that a later one revised. */
function revisionNote(ledger: Ledger, record: EventRecord): string {
  const by = ledger.revisionOf(record.id);
  const revision = by === undefined ? undefined : ledger.byId(by);
  if (!revision) return '';
  if (revision.type === 'event.retracted') return `  [retracted by #${revision.seq}: ${revision.data.reason}]`;
  if (revision.type !== 'event.corrected') return '';
  // What holds now is the chain's last version: a correction corrected again, or retracted, is not.
  let last: EventRecord = revision;
  for (let next: EventRecord | undefined = revision; next; next = ledger.byId(ledger.revisionOf(next.id) ?? '')) last = next;
  const first = `  [corrected by #${revision.seq}: ${revision.data.reason}`;
  if (last.type === 'event.retracted') return `${first}; then retracted by #${last.seq}: ${last.data.reason}]`;
  if (last.type !== 'event.corrected') return '';
  // The corrected payload is the fact's: a correction that was itself corrected stands for that fact.
  const now = sure(last.data.data, describeEvent({ type: ledger.factRecordOf(record.id)?.type ?? record.type, data: last.data.data } as Pick<EventRecord, 'type' | 'data'>));
  // A correction that moved the fact says when it now stands (the state already uses that moment).
  // Compared with the fact's moment as this record gave it: a correction's own time is when it was made.
  const find = (id: string) => ledger.byId(id);
  const [moment, was] = [momentOfFact(find, last.id), momentOfFact(find, record.id)];
  const moved = moment && (moment.time !== was?.time || moment.timeprecision !== was?.timeprecision);
  return `${first}; now: ${now}${moved ? ` (${formatMoment(moment.time, moment.timeprecision, moment.timezone)})` : ''}]`;
}

export type Command = keyof typeof commands;

/** Checks init's options with the schema of log.created's data, naming the option at fault. */
function parseRecordFieldsOfLogCreated(data: { title: string; company?: { id: string; name: string } }) {
  const parsed = logPayloads['log.created'].safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const option = issue.path[0] === 'title' ? '--title' : issue.path[1] === 'name' ? '--name' : '--company';
  throw new IncumbentError('invalid', issue.message, option);
}
