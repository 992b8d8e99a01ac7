/**
 * docs/authoring.md promises: "Every command output below was produced by running the command shown;
 * nothing is retyped." This holds it to that. Every ```console block is read, in the guide's order,
 * and each `$ incumbent ...` line in it is run in one scratch folder (so `init` in section 1 makes the
 * acme.jsonl section 6 appends to, and section 5's fix-1.jsonl is in twitter.jsonl from then on).
 * The files there: `data/twitter-2021-2023.jsonl` and `twitter.jsonl` (the guide's "scratch copy of
 * the Twitter log") are copies of the built-in log with its head anchor; `fix-1.jsonl` is the guide's
 * own json block of that event; the files whose content the guide does not show are built in
 * authoring-inputs.test-support.ts. Commands run in-process; one piped to `jq` runs
 * `node bin/incumbent.js` through bash, only where jq is installed (the test's name says what is skipped).
 *
 * What a command prints (standard output, then standard error) must equal the guide's text exactly,
 * after normalising, on both sides, only what cannot repeat from one run to the next:
 * - `log id <uuid>, head #N <hash>` as `init` prints it: a new log gets a random id, and its first
 *   record's hash covers that id and the time it was recorded;
 * - the scratch folder's path, should a message name it (it is new on every run).
 * Nothing else: the built-in log's hashes, seqs and times are fixed, so they are compared as printed.
 * A refusal the guide shows (`incumbent append: ...`) must also exit 1 and leave the log as it was.
 * The guide's json blocks of events in the built-in log must be those events, as the log stores them.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventDraftSchema } from '../core/event';
import { consoleBlocks, guideEvents, shellWords } from './authoring-examples.test-support';
import { inputs } from './authoring-inputs.test-support';
import { runCli } from './run-cli.test-support';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const guide = readFileSync(join(ROOT, 'docs/authoring.md'), 'utf8');
const BUILT_IN = join(ROOT, 'data/twitter-2021-2023.jsonl');
const hasJq = spawnSync('jq', ['--version']).status === 0;

let scratch = '';
const startedIn = process.cwd();

/** A log's records by id. */
const recordsOf = (path: string) =>
  new Map(readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>).map((record) => [record.id as string, record]));

/** What cannot repeat between runs, made the same on both sides (see the comment at the top). */
const normalise = (text: string) =>
  text
    .replace(/log id [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}, head #(\d+) [0-9a-f]{64}/g, 'log id <log-id>, head #$1 <head-hash>')
    .replaceAll(scratch, '<scratch>');

/** The files the guide's commands read, written where they name them. */
function writeInputs() {
  mkdirSync(join(scratch, 'data'));
  for (const to of ['data/twitter-2021-2023.jsonl', 'twitter.jsonl']) {
    copyFileSync(BUILT_IN, join(scratch, to));
    copyFileSync(`${BUILT_IN}.head`, join(scratch, `${to}.head`));
  }
  const events = guideEvents(guide);
  const fix = events.get('twitter-fix-1');
  if (!fix) throw new Error('docs/authoring.md no longer shows the event twitter-fix-1 that fix-1.jsonl holds');
  writeFileSync(join(scratch, 'fix-1.jsonl'), `${JSON.stringify(fix)}\n`);
  for (const [name, lines] of Object.entries(inputs(recordsOf(BUILT_IN), events))) writeFileSync(join(scratch, name), lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
}

async function run(command: string) {
  if (command.includes('|')) {
    const real = command.replace(/^incumbent /, `node ${join(ROOT, 'bin/incumbent.js')} `);
    const result = spawnSync('bash', ['-c', `set -o pipefail; ${real}`], { cwd: scratch, encoding: 'utf8' });
    return { code: result.status, output: result.stdout + result.stderr };
  }
  const [program, ...argv] = shellWords(command);
  if (program !== 'incumbent') throw new Error(`not an incumbent command: ${command}`);
  const { code, out, err } = await runCli(argv);
  return { code, output: out + err };
}

describe('docs/authoring.md: every console example prints what the guide shows', () => {
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'incumbent-authoring-'));
    writeInputs();
    process.chdir(scratch);
  });
  afterAll(() => {
    process.chdir(startedIn);
    rmSync(scratch, { recursive: true, force: true });
  });

  const blocks = consoleBlocks(guide);

  it('finds the examples, each a command and what it printed', () => {
    expect(blocks.length).toBeGreaterThan(20);
    for (const block of blocks) {
      expect(block.unattributed, `docs/authoring.md:${block.line} shows output without the command that printed it`).toBe('');
      expect(block.steps.length, `docs/authoring.md:${block.line}`).toBeGreaterThan(0);
    }
  });

  it('shows events of the built-in log as the log holds them', () => {
    const builtIn = recordsOf(BUILT_IN);
    const shown = [...guideEvents(guide)].filter(([id]) => builtIn.has(id));
    expect(shown.length).toBeGreaterThan(3);
    for (const [id, event] of shown) {
      const { seq: _seq, prevhash: _prevhash, recordedtime: _recordedtime, batchend: _batchend, ...written } = builtIn.get(id)!;
      // The guide shows what an author writes; the log stores it with its defaults filled in (interim: false, ...).
      expect(EventDraftSchema.parse(event), id).toStrictEqual(written);
    }
  });

  for (const block of blocks) {
    const piped = block.steps.filter(({ command }) => command.includes('|')).length;
    const name = `${block.section}, docs/authoring.md:${block.line}`;
    // Without jq, a block of piped commands only is skipped; one that also has plain commands runs those.
    const skips = hasJq ? '' : piped === block.steps.length ? ' (skipped: it pipes to jq, which is not installed)' : piped ? ` (${piped} of its ${block.steps.length} commands skipped: they pipe to jq, which is not installed)` : '';
    it.skipIf(!hasJq && piped === block.steps.length)(name + skips, async () => {
      for (const { command, expected } of block.steps) {
        if (!hasJq && command.includes('|')) continue;
        const log = /--log (\S+)/.exec(command)?.[1];
        const before = log && existsSync(log) ? readFileSync(log, 'utf8') : undefined;
        const { code, output } = await run(command);
        expect(normalise(output), `$ ${command}`).toBe(normalise(expected));
        // An output the guide shows as the CLI's refusal ("incumbent append: ...") is an exit code 1, and nothing written.
        const refused = expected.startsWith('incumbent ');
        expect(code, `$ ${command}`).toBe(refused ? 1 : 0);
        if (refused && before !== undefined) expect(readFileSync(log!, 'utf8'), `$ ${command} wrote to ${log}`).toBe(before);
      }
    });
  }
});
