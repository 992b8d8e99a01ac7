/**
 * JSON.parse keeps the last of two values given for one key, silently: an author who wrote `time`
 * twice in an event (a copied line edited in one place) would have one of them dropped without a
 * word. Input is read with this check beside JSON.parse, so such an event is refused instead.
 */
import { IncumbentError } from './errors';

/** Refuses JSON `text` (read already) in which an object names a key twice, as `field`. */
export function refuseDuplicateKeys(text: string, field: string): void {
  const twice = duplicateKey(text);
  if (twice !== undefined) throw new IncumbentError('invalid', `names "${twice}" twice: JSON keeps only the last of the two values, so the other would be lost without a word; give each field once`, field);
}

/** Where a scan is: in an object (its keys so far, and whether a key comes next) or an array; with the keys leading there. */
interface Frame {
  keys?: Set<string>;
  expectKey: boolean;
  /** The key of the value being read, in an object. */
  key?: string;
  path: string;
}

/**
 * The first key that one object of `text` (valid JSON: JSON.parse has read it) names twice, as the
 * keys leading to it ("data.person.id"), compared as JSON.parse reads them ("\u0074ime" is "time");
 * undefined if there is none.
 */
export function duplicateKey(text: string): string | undefined {
  const stack: Frame[] = [];
  /** The first backslash at or after the scan (-1 for none), for keys written with an escape. */
  let backslash = text.indexOf('\\');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 0x22 /* " */) {
      // The closing quote: the next one not escaped (after an even run of backslashes). Found by indexOf, as strings are most of an event.
      let end = i;
      do end = text.indexOf('"', end + 1);
      while (escapedAt(text, end));
      if (top?.keys && top.expectKey) {
        if (backslash !== -1 && backslash < i) backslash = text.indexOf('\\', i);
        const key = backslash !== -1 && backslash < end ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(i + 1, end);
        if (top.keys.has(key)) return top.path + key;
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const path = top?.keys ? `${top.path}${top.key}.` : (top?.path ?? '');
      stack.push(c === 0x7b ? { keys: new Set(), expectKey: true, path } : { expectKey: false, path });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) stack.pop();
    else if (c === 0x2c /* , */ && top?.keys) top.expectKey = true;
  }
  return undefined;
}

/** Whether the character at `at` follows an odd run of backslashes (is escaped). */
function escapedAt(text: string, at: number): boolean {
  let run = 0;
  while (text.charCodeAt(at - 1 - run) === 0x5c) run += 1;
  return run % 2 === 1;
}
