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

/** `value` with every string in it passed through shownText; the same object when nothing changes. */
export function shownValue<T>(value: T): T {
  if (typeof value === 'string') return shownText(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const items = value.map(shownValue);
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const shown = shownValue(item);
    if (shown !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = shown;
  }
  return (copy ?? value) as T;
}
