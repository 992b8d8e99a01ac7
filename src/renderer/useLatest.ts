/**
 * A ref that always holds the value of the latest render: for handlers that must stay the same
 * function (memoised children, timers, listeners) yet act on what is current when they run.
 */
import { useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
