/**
 * A value that, while `holding`, changes at most once every `ms`: for what a screen reader says
 * each time it changes (a playing slider's value text moves at every frame), not for what is drawn.
 * When holding ends the value is the latest at once.
 */
import { useEffect, useState } from 'react';
import { useLatest } from './useLatest';

export function useHeldWhile<T>(value: T, holding: boolean, ms: number): T {
  const latest = useLatest(value);
  const [held, setHeld] = useState(value);
  const [was, setWas] = useState(holding);
  if (was !== holding) {
    // Held from the value of the render that starts holding, never from one long gone.
    setWas(holding);
    setHeld(value);
  }
  useEffect(() => {
    if (!holding) return;
    const id = setInterval(() => setHeld(latest.current), ms);
    return () => clearInterval(id);
  }, [holding, ms, latest]);
  return holding ? held : value;
}
