/**
 * Where the user is (company, moment, known-at) lives in the URL fragment, so a moment can be
 * reloaded, bookmarked and shared, and a link opened from outside moves the window there; a
 * history of settled moments gives Back and Forward.
 * The web mode's `#token=` is read and removed by api.ts before this runs; these keys never clash.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { linkTimeOf } from '../core/moment-link';

export interface Place {
  company?: string;
  at?: number;
  knownAt?: string;
}

export function readHash(hash = window.location.hash): Place {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  // Read as a desktop link's are (core/moment-link.ts): one instant for every reader, never "1" as 2001 or a time without its offset in the reader's own zone.
  const at = linkTimeOf(params.get('at') ?? '');
  const known = linkTimeOf(params.get('known') ?? '');
  return { ...(params.get('company') ? { company: params.get('company')! } : {}), ...(at === undefined ? {} : { at }), ...(known === undefined ? {} : { knownAt: new Date(known).toISOString() }) };
}

/** Where `place` is, as an address fragment; a field left undefined is left out. */
export function hashOf(place: { [K in keyof Place]?: Place[K] | undefined }): string {
  const params = new URLSearchParams();
  if (place.company) params.set('company', place.company);
  if (place.at !== undefined) params.set('at', new Date(place.at).toISOString());
  if (place.knownAt) params.set('known', place.knownAt);
  return `#${params.toString().replaceAll('%3A', ':')}`;
}

const same = (a: Place | undefined, b: Place) => !!a && a.company === b.company && a.at === b.at && a.knownAt === b.knownAt;

/** How long a moment must stay put before it becomes a history entry (scrubbing passes through many). */
const SETTLE_MS = 700;
/**
 * How long a place must stay put before the address follows it, and the longest the address lags
 * a place that keeps moving (playing, a held key). Chromium (and so Electron) ignores replaceState
 * past 200 calls in 10 s, so an address written at every frame of a drag stopped following after
 * about 3 s and kept a moment the user had left; each call also cost 5-14 ms of the frame. Written
 * this way it is a few calls a second at most, and always ends at the last place.
 */
const ADDRESS_MS = 100;
const ADDRESS_MAX_MS = 1000;

export function useMomentHistory(place: Place, go: (place: Place) => void) {
  const [log, setLog] = useState<{ entries: Place[]; index: number }>({ entries: [], index: -1 });
  const travelling = useRef(false);
  const addressWritten = useRef(-Infinity);

  useEffect(() => {
    if (place.company === undefined || place.at === undefined) return;
    // The address follows after a pause (replaceState adds no browser history of its own).
    const hash = hashOf(place);
    const writeAddress = () => {
      addressWritten.current = performance.now();
      if (window.location.hash !== hash) history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
    };
    const addressed = setTimeout(writeAddress, Math.min(ADDRESS_MS, Math.max(0, addressWritten.current + ADDRESS_MAX_MS - performance.now())));
    if (travelling.current) {
      travelling.current = false;
      return () => clearTimeout(addressed);
    }
    const settled = { ...place };
    const timer = setTimeout(() => setLog(({ entries, index }) => (same(entries[index], settled) ? { entries, index } : { entries: [...entries.slice(0, index + 1), settled].slice(-200), index: Math.min(index + 1, 199) })), SETTLE_MS);
    return () => {
      clearTimeout(addressed);
      clearTimeout(timer);
    };
  }, [place.company, place.at, place.knownAt]); // eslint-disable-line react-hooks/exhaustive-deps -- the place's fields are the dependencies

  const travel = useCallback(
    (to: number) => {
      const target = log.entries[to];
      if (!target) return;
      travelling.current = !same(target, place);
      setLog({ entries: log.entries, index: to });
      go(target);
    },
    [log, go, place],
  );

  /** A link opened from outside (the address bar, or the desktop's incumbent:// link) moves the window there. */
  const goToLink = useCallback(
    (fragment: string) => {
      const target = readHash(fragment);
      if (target.at !== undefined) go(target);
    },
    [go],
  );
  useEffect(() => {
    const onHash = () => goToLink(window.location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [goToLink]);

  return { goToLink, canBack: log.index > 0, canForward: log.index < log.entries.length - 1, back: () => travel(log.index - 1), forward: () => travel(log.index + 1) };
}
