/**
 * What a screen reader hears as the state changes: one polite sentence per change of state,
 * throttled so that scrubbing through twenty events says the last of them, not all twenty.
 */
import { useEffect, useRef, useState } from 'react';

const QUIET_MS = 700;

export function useAnnouncer(message: string | undefined, key: string | undefined): string {
  const [spoken, setSpoken] = useState('');
  const lastKey = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!message || key === lastKey.current) return;
    const id = setTimeout(() => {
      lastKey.current = key;
      setSpoken(message);
    }, QUIET_MS);
    return () => clearTimeout(id);
  }, [message, key]);
  return spoken;
}
