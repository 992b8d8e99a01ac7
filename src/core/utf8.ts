/**
 * Text from bytes that must be UTF-8. A file saved in another encoding (Windows-1252, Latin-1) is
 * refused with the line it goes wrong on, not read with U+FFFD in place of every accented letter
 * and curly quote, which an append-only log of verbatim quotes would then keep for good. A byte
 * order mark is kept, for the readers that refuse it to see.
 */
import { IncumbentError } from './errors';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array, what: string, field?: string): string {
  try {
    return strict.decode(bytes);
  } catch (error) {
    // Bytes that are not UTF-8 are a TypeError (WHATWG Encoding); any other failure is the text's
    // length, past the runtime's longest string (about 512 MiB), which no line of it is to blame for.
    if (!(error instanceof TypeError)) throw new IncumbentError('invalid', `${what} is ${bytes.length} bytes, more than can be read as one text (${(error as Error).message}): split it, and append the parts one after the other`, field);
    throw new IncumbentError('invalid', `${what} is not UTF-8 (line ${badLine(bytes)} is not): save it as UTF-8 and try again`, field);
  }
}

/** The line (from 1) of the first bytes that are not UTF-8. */
function badLine(bytes: Uint8Array): number {
  let line = 1;
  for (let start = 0; start <= bytes.length; line++) {
    const newline = bytes.indexOf(10, start);
    const end = newline === -1 ? bytes.length : newline;
    try {
      strict.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return line;
}
