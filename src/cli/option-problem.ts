/** Options the command lines (the CLI's and the web host's) refuse whatever they are for. */

/**
 * What is wrong with the options as given, if anything. One given twice (`--at A --at B`): which
 * was meant is not ours to guess, and the last one would win unsaid. One given empty (`--head ""`,
 * a script's unset variable): it would read as not given, and `verify` would skip the check asked for.
 */
export function optionProblem(tokens: { kind: string; name?: string; value?: string | undefined }[]): string | undefined {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || !token.name) continue;
    if (seen.has(token.name)) return `Option '--${token.name}' is given more than once; give it once`;
    if (token.value !== undefined && token.value.trim() === '') return `Option '--${token.name}' is empty; give it a value or leave it out`;
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
