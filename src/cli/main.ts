/** `incumbent`: the command line. Exit codes: 0 ok, 1 bad input, 2 damaged or locked log. */
import { sentenceOf, toAppError } from '../core/errors';
import { APP_VERSION, commands, type Command } from './commands';
import { help, optionsOf, requiredOptions } from './help';
import { processIo, type CliIo } from './io';
import { bareArgumentProblem, nearestName, optionProblem, parseOptions } from './option-problem';

const exitCodeOf = (code: string): number => (code === 'damaged' || code === 'locked' || code === 'io' ? 2 : 1);

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help.general);
    return name ? 0 : 1;
  }
  if (name === '--version' || name === '-V') {
    io.out(`incumbent ${APP_VERSION}\n`);
    return 0;
  }
  if (!Object.hasOwn(commands, name)) {
    const near = nearestName(name, Object.keys(commands));
    io.err(`incumbent: unknown command "${name}"${near ? `: did you mean ${near}?` : ''}\n\n${help.general}`);
    return 1;
  }
  const command = name as Command;
  let parsed;
  try {
    parsed = parseOptions(rest, optionsOf(command));
    const takesArguments = command === 'append' || command === 'copy';
    const problem = optionProblem(parsed.tokens, requiredOptions(command)) ?? (takesArguments ? undefined : bareArgumentProblem(parsed.positionals, Object.hasOwn(optionsOf(command), 'log')));
    if (problem) throw new Error(problem);
  } catch (error) {
    io.err(`incumbent ${command}: ${(error as Error).message}\n\n${help[command]}`);
    return 1;
  }
  if (parsed.values.help) {
    io.out(help[command]);
    return 0;
  }
  try {
    await commands[command](parsed.values, io, parsed.positionals);
    return 0;
  } catch (error) {
    io.err(`incumbent ${command}: ${sentenceOf(error)}\n`);
    return exitCodeOf(toAppError(error).code);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `npm run cli` runs in the project's folder; the paths typed are the caller's, whose folder npm names.
  if (process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  process.exitCode = await main(process.argv.slice(2));
}
