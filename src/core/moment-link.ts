/**
 * Links to a moment that the desktop app opens: `incumbent://moment#company=openai&at=...&known=...`.
 * The operating system hands such a link to the app as a command-line argument (Windows, Linux) or
 * an `open-url` event (macOS), so it is untrusted input: only the three known keys pass, each
 * checked, and the page receives a fragment rebuilt from the checked values, never the link's text.
 */
export const MOMENT_LINK_SCHEME = 'incumbent';
const PREFIX = `${MOMENT_LINK_SCHEME}://moment`;
const MAX_LINK = 2048;
/** Company ids are log subjects: short, and never anything that could be markup or a path. */
const COMPANY = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,199}$/u;

/** The shareable link for a page fragment (`#company=...&at=...`). */
export function momentLink(hash: string): string {
  return `${PREFIX}#${hash.replace(/^#/, '')}`;
}

const isoOf = (value: string | null) => {
  if (value === null || value.length > 40) return undefined;
  const epoch = Date.parse(value);
  return Number.isNaN(epoch) || Math.abs(epoch) > 8.64e15 ? undefined : new Date(epoch).toISOString();
};

/** The page fragment a moment link asks for, or an error that says what is wrong with it. */
export function fragmentOfLink(link: string): { fragment: string } | { error: string } {
  if (link.length > MAX_LINK) return { error: `a moment link is at most ${MAX_LINK} characters` };
  if (!link.startsWith(`${PREFIX}#`) && !link.startsWith(`${PREFIX}/#`)) return { error: `a moment link starts with ${PREFIX}#` };
  const params = new URLSearchParams(link.slice(link.indexOf('#') + 1));
  const unknown = [...params.keys()].find((key) => key !== 'company' && key !== 'at' && key !== 'known');
  if (unknown !== undefined) return { error: `unknown key "${unknown.slice(0, 40)}" in a moment link (known: company, at, known)` };
  const out = new URLSearchParams();
  const company = params.get('company');
  if (company !== null) {
    if (!COMPANY.test(company)) return { error: 'company: must be a company id (letters, digits, . _ -; at most 200)' };
    out.set('company', company);
  }
  const at = isoOf(params.get('at'));
  if (at === undefined) return { error: 'at: must be a date and time (ISO 8601)' };
  out.set('at', at);
  if (params.has('known')) {
    const known = isoOf(params.get('known'));
    if (known === undefined) return { error: 'known: must be a date and time (ISO 8601)' };
    out.set('known', known);
  }
  return { fragment: `#${out.toString().replaceAll('%3A', ':')}` };
}

/** The moment link among a process's arguments (how Windows and Linux hand one to the app). */
export function linkInArgv(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.startsWith(`${MOMENT_LINK_SCHEME}:`));
}
