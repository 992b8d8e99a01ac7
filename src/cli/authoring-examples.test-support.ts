/** Reads docs/authoring.md's examples for authoring-examples.test.ts: its console blocks, their commands, its events. */

/** A ```console block: where it starts, the section it is in, and its commands with the output the guide shows for each. */
export interface ConsoleBlock {
  line: number;
  section: string;
  steps: { command: string; expected: string }[];
  /** Text before the first `$ ` line: output the guide shows without the command that printed it. */
  unattributed: string;
}

/** Every fenced block of `language` in `markdown`, with its first line's number and its text unindented as far as its fence is. */
function fencedBlocks(markdown: string, language: string) {
  const lines = markdown.split('\n');
  const blocks: { line: number; section: string; text: string }[] = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^#{2,3} /.test(line)) section = line.replace(/^#+ /, '');
    const fence = /^( *)```(\S*)$/.exec(line);
    if (!fence) continue;
    const [, indent = '', fenceLanguage] = fence;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && lines[j] !== `${indent}\`\`\``; j++) body.push((lines[j] ?? '').slice(indent.length));
    if (j === lines.length) throw new Error(`docs/authoring.md:${i + 1}: a code block that never closes`);
    if (fenceLanguage === language) blocks.push({ line: i + 1, section, text: body.map((l) => `${l}\n`).join('') });
    i = j;
  }
  return blocks;
}

export function consoleBlocks(markdown: string): ConsoleBlock[] {
  return fencedBlocks(markdown, 'console').map(({ line, section, text }) => {
    const [unattributed = '', ...rest] = text.split(/^\$ /m);
    const steps = rest.map((part) => {
      const newline = part.indexOf('\n');
      return { command: part.slice(0, newline), expected: part.slice(newline + 1) };
    });
    return { line, section, steps, unattributed };
  });
}

/** The events the guide shows in ```json blocks, one JSON object each, by id (a block that is a fragment, as section 3's, is no event). */
export function guideEvents(markdown: string): Map<string, Record<string, unknown>> {
  const events = new Map<string, Record<string, unknown>>();
  for (const { text } of fencedBlocks(markdown, 'json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    const event = parsed as Record<string, unknown>;
    if (typeof event.id === 'string') events.set(event.id, event);
  }
  return events;
}

/** A command line split into words as a POSIX shell would split this simple kind: blanks, "double" and 'single' quotes. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  for (const [, double, single, bare] of command.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) {
    words.push(double !== undefined ? double.replace(/\\(.)/g, '$1') : (single ?? bare ?? ''));
  }
  return words;
}
