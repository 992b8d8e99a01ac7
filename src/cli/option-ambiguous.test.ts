/**
 * An option whose value was left out, so that the next option would be read as it
 * (`--at --known-at T`, a script's unset variable): said in one sentence, as every refusal is,
 * not in node:util's three lines that also suggest a syntax.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.test-support';

describe('an option followed by another option instead of its value', () => {
  it.each([
    [['snapshot', '--at', '--known-at', '2023-11-18T12:00:00Z'], 'snapshot', '--at'],
    [['verify', '--head', '-x'], 'verify', '--head'],
  ])('%j is refused in one sentence naming the option', async (argv, command, option) => {
    const { code, err } = await runCli(argv);
    expect(code).toBe(1);
    expect(err.split('\n\n')[0]).toBe(`incumbent ${command}: Option '${option}' has no value (the word after it starts with a dash): give one after it, as in ${option} VALUE, or ${option}=VALUE for a value that starts with a dash`);
  });
});
