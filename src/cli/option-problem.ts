/** Options the command lines (the CLI's and the web host's) refuse whatever they are for. */
import { parseArgs } from 'node:util';

/**
 * What is wrong with the options as given, if anything. One given twice (`--at A --at B`): which
 * was meant is not ours to guess, and the last one would win unsaid. One given empty (`--head ""`,
 * a script's unset variable): it would read as not given, and `verify` would skip the check asked for.
 */
export function optionProblem(tokens: { kind: string; name?: string; value?: string | undefined }[], required: ReadonlySet<string> = new Set()): string | undefined {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || !token.name) continue;
    if (seen.has(token.name)) return `Option '--${token.name}' is given more than once; give it once`;
    // A required one left out is refused too: only a value helps.
    if (token.value !== undefined && token.value.trim() === '') return `Option '--${token.name}' is empty; give it a value${required.has(token.name) ? '' : ' or leave it out'}`;
    seen.add(token.name);
  }
  return undefined;
}

/**
 * A bare argument where only options are taken (append's input and copy's FROM and TO are the only
 * ones). A single one is most likely the log, so the message says how to give it.
 */
export function bareArgumentProblem(positionals: string[], takesLog: boolean): string | undefined {
  const [first] = positionals;
  if (first === undefined) return undefined;
  const hint = takesLog && positionals.length === 1 ? `; if it is the log, give --log ${first}` : '';
  return `Unexpected argument '${first}': this command takes only options${hint}`;
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/**
 * node:util's parseArgs with its refusals put as the user can act on them: an unknown option is
 * named with the nearest known one (its own message suggested a positional argument after '--'),
 * and an option left without its value says what to give.
 */
export function parseOptions<O extends OptionSpec>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const given = /^Unknown option '([^']+)'/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && given) throw new Error(`Unknown option '${given}'${suggestion(given, Object.keys(options))}`);
    const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message)?.[1];
    if (missing) throw new Error(`Option '${missing}' has no value: give one after it, as in ${missing} VALUE`);
    // Node's three lines ("argument is ambiguous. Did you forget...?") for a value that starts with a dash, in one sentence.
    const ambiguous = /^Option '(?:-\w, )?(--[\w-]+)' argument is ambiguous/.exec(message)?.[1];
    if (ambiguous) throw new Error(`Option '${ambiguous}' has no value (the word after it starts with a dash): give one after it, as in ${ambiguous} VALUE, or ${ambiguous}=VALUE for a value that starts with a dash`);
    throw error;
  }
}

function suggestion(given: string, known: string[]): string {
  const near = nearestName(given.replace(/^-+/, '').split('=')[0]!, known);
  const list = known.map((name) => `--${name}`).join(', ');
  return near ? `: did you mean --${near}? The options are ${list}` : `: the options are ${list}`;
}

/** The one of `known` that `given` (an option or a command) was most likely meant as, if one is near enough: a third of its letters wrong at most. */
export function nearestName(given: string, known: readonly string[]): string | undefined {
  const near = known.map((name) => ({ name, distance: editDistance(given.toLowerCase(), name) })).sort((a, b) => a.distance - b.distance)[0];
  return near && near.distance <= Math.ceil(near.name.length / 3) ? near.name : undefined;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}
