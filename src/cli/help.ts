/** Usage text and option tables for each command. */
import type { ParseArgsConfig } from 'node:util';
import type { Command } from './commands';

type OptionTable = NonNullable<ParseArgsConfig['options']>;

const log = { log: { type: 'string' } } as const;
const common = { help: { type: 'boolean', short: 'h' } } as const;

const tables: Record<Command, OptionTable> = {
  snapshot: { ...common, ...log, at: { type: 'string' }, 'known-at': { type: 'string' }, 'known-by': { type: 'string' }, company: { type: 'string' }, out: { type: 'string' } },
  init: { ...common, ...log, title: { type: 'string' }, company: { type: 'string' }, name: { type: 'string' } },
  verify: { ...common, ...log, head: { type: 'string' }, snapshot: { type: 'string' } },
  append: { ...common, ...log },
  copy: { ...common },
  diff: { ...common, ...log, from: { type: 'string' }, to: { type: 'string' }, 'known-at': { type: 'string' }, 'known-by': { type: 'string' }, company: { type: 'string' }, json: { type: 'boolean' } },
  events: { ...common, ...log, from: { type: 'string' }, to: { type: 'string' }, type: { type: 'string' }, company: { type: 'string' }, json: { type: 'boolean' } },
};

export const optionsOf = (command: Command): OptionTable => tables[command];

/** The options a command cannot do without: those its usage line (below) names outside brackets. */
export function requiredOptions(command: Command): Set<string> {
  let usage = help[command].split('\n')[0]!;
  for (let outer = usage.replace(/\[[^[\]]*\]/g, ''); outer !== usage; outer = usage.replace(/\[[^[\]]*\]/g, '')) usage = outer;
  return new Set([...usage.matchAll(/--([a-z-]+)/g)].map((match) => match[1]!));
}

const LOG = '  --log LOG        an event log: a JSON Lines file, or postgres://user@host:port/db?log=NAME\n                   (password from PGPASSWORD or ~/.pgpass); default: the built-in OpenAI dataset\n';
const TIME = 'Times are RFC 3339 with an offset: 2023-11-18T12:00:00-08:00.\n';

export const help: Record<Command | 'general', string> = {
  general: `incumbent: who held which seat at a company at any moment, and how we know

Usage: incumbent <command> [options]   (each command has --help; --version prints the version)

  init       start a new log
  snapshot   the state at a moment, as snapshot JSON
  verify     check a log's hash chain and every record
  append     append new events (JSON Lines) to a log, all or nothing
  copy       copy a log between a file and PostgreSQL, byte for byte
  diff       what changed between two moments, in governance terms
  events     list events, in effective-time order

Exit codes: 0 ok, 1 bad input (including an input file that cannot be read, or an id
reused with other content), 2 damaged or locked log (or a failed write to it).
Read commands (snapshot, diff, events) answer from a log with a torn or altered end, and
say so on standard error; verify refuses it.
`,
  snapshot: `Usage: incumbent snapshot --at TIME [--known-at TIME] [--company ID] [--log LOG] [--out FILE]

  --at TIME        the effective moment
  --known-at TIME  as known at this time (default: everything in the log)
  --known-by WHAT  recorded (default): what this log had recorded by then; published: what the
                   sources had published by then (citation.published, else the recorded time)
  --company ID     one company (default: all)
${LOG}  --out FILE       write the snapshot there instead of standard output
${TIME}`,
  init: `Usage: incumbent init --log FILE --title TITLE [--company ID [--name NAME]]

Creates a new, empty log at FILE (never overwrites one) and its head anchor FILE.head. Its first
record, log.created, carries the title and, with --company, the company the log follows (ID is a
slug such as acme-corp; NAME is how to call it until a company.registered event says otherwise).
Then add events with: incumbent append --log FILE events.jsonl (docs/authoring.md shows how).
`,
  verify: `Usage: incumbent verify [--log LOG] [--head SEQ:HASH] [--snapshot FILE]

Checks the hash chain, the end of the log against its head anchor (FILE.head, kept by the
writer; a PostgreSQL log needs none: its table refuses changes and deletions), every record
against its schema, and every correction's target. Prints a one-line
summary (exit 0), or the first damage found and why (exit 2).
${LOG}  --head SEQ:HASH   an external anchor: record SEQ must have this SHA-256 (as published in
                   a snapshot's provenance.head, an e-mail or a commit); it proves every
                   record up to SEQ is unchanged
  --snapshot FILE  an exported snapshot: its log id and head must match this log, and
                   replaying the log to that head must give the snapshot's content
`,
  copy: `Usage: incumbent copy FROM TO

Copies a log, byte for byte: the same lines, seqs and hash chain, so the copy verifies and gives
byte-identical snapshots. FROM is verified first; TO must be empty (a new file, or a log name not
yet used in the database); nothing is overwritten. Each is a file path or a postgres URL:
  postgres://user@host:port/database?log=NAME   (password from PGPASSWORD or ~/.pgpass)
`,
  append: `Usage: incumbent append --log LOG [INPUT|-]

Appends the events in INPUT (JSON Lines; - or nothing for standard input). Every event is
validated first; if any is invalid nothing is appended. The log assigns seq, prevhash and
recordedtime; an event whose id is already in the log is skipped, not duplicated.
  --log LOG        the log to append to: a file or a postgres://... URL (required; the
                   built-in dataset is never changed)
`,
  diff: `Usage: incumbent diff --from TIME --to TIME [--company ID] [--known-at TIME] [--log LOG] [--json]

  --company ID     required when the log has several companies (unless it follows one)
  --known-at TIME  as known at this time; --known-by recorded|published as for snapshot
  --json           the changes as JSON data instead of sentences
${LOG}${TIME}`,
  events: `Usage: incumbent events [--from TIME] [--to TIME] [--type TYPE] [--company ID] [--log LOG] [--json]

  --type TYPE      an event type (role.assumed) or a kind (role)
  --json           the records as JSON
${LOG}${TIME}`,
};
