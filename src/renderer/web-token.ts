/**
 * The web mode's token, as the host's launch link gives it: the part `token=…` of the address's
 * fragment (never sent to a server or in a Referer). Only that whole part counts: a link whose
 * fragment holds `mytoken=…` must not replace the token kept for the tab.
 */
const PREFIX = 'token=';

const partsOf = (hash: string) => hash.replace(/^#/, '').split('&');

/** The token the fragment gives, if it gives one in the form the host makes them. */
export function tokenIn(hash: string): string | undefined {
  const given = partsOf(hash).find((part) => part.startsWith(PREFIX))?.slice(PREFIX.length);
  return given !== undefined && /^[\w-]+$/.test(given) ? given : undefined;
}

/** The fragment without its token part (a shared moment may follow it: `company=…&at=…`), without the `#`. */
export const withoutToken = (hash: string): string =>
  partsOf(hash)
    .filter((part) => !part.startsWith(PREFIX))
    .join('&');
