/**
 * What a log's text may put on screen. A log is shared and its records may come from a writer that
 * skipped the content rules (or wrote before them): they are replayed as written, but a control
 * character, a bidi embedding, override or isolate, a lone surrogate or a noncharacter is shown as
 * U+FFFD. So no name reorders what a reader sees ("Trojan Source"), and every string the page builds
 * markup from (the seat history's SVG) is well-formed XML.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSHOWN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const shownText = (value: string): string => value.replace(UNSHOWN, '\ufffd');
const UNSHOWN_ANY = new RegExp(UNSHOWN.source);

/**
 * `value` with every string in it passed through shownText; the same object when nothing changes.
 * Looked through first without making anything (every record of a million-event log passes here,
 * and almost none holds such a character): a third of the time of copying as it goes.
 */
export const shownValue = <T>(value: T): T => (needsShowing(value) ? (shownCopy(value) as T) : value);

function needsShowing(value: unknown): boolean {
  if (typeof value === 'string') return UNSHOWN_ANY.test(value);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(needsShowing);
  for (const key in value) if (needsShowing((value as Record<string, unknown>)[key])) return true;
  return false;
}

/** Made with Object.fromEntries: a key "__proto__" (JSON.parse makes it an own property) stays a key, never a prototype. */
function shownCopy(value: unknown): unknown {
  if (typeof value === 'string') return shownText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(shownCopy);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shownCopy(item)]));
}
