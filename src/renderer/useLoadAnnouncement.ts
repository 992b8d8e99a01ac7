/**
 * What a screen reader hears of a log's load: that it started and how big it is, each quarter,
 * and that it ended. The notices on screen count every page, but they do not speak (a reader
 * heard fourteen sentences in ten seconds of a 100k log, and never that it had ended).
 */
import { useEffect, useRef, useState } from 'react';
import type { OpeningProgress } from '../core/contract';
import type { LoadProgress } from './useLog';

const megabytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1e6)).toLocaleString()} MB`;

/** The sentence for where the load is, changing only at its milestones. */
export function loadPhase(opening: OpeningProgress | undefined, progress: LoadProgress | undefined): string | undefined {
  if (progress) {
    const quarter = progress.total ? Math.floor((progress.loaded / progress.total) * 4) : 0;
    return quarter === 0 ? `Loading the log: ${progress.total.toLocaleString()} records.` : quarter < 4 ? `Loading the log: ${quarter * 25}% of its records in.` : undefined;
  }
  if (opening) return opening.size ? `Opening the log: ${megabytes(opening.size)} to read.` : 'Opening the log.';
  return undefined;
}

export function useLoadAnnouncement(opening: OpeningProgress | undefined, progress: LoadProgress | undefined): string {
  const [said, setSaid] = useState('');
  /** The size of the load under way, for the sentence that says it ended. */
  const records = useRef<number>(undefined);
  const phase = loadPhase(opening, progress);
  if (progress) records.current = progress.total;
  const ended = !opening && !progress && records.current !== undefined;
  useEffect(() => {
    if (phase) setSaid(phase);
    else if (ended) {
      setSaid(`The log is loaded: ${records.current!.toLocaleString()} records.`);
      records.current = undefined;
    }
  }, [phase, ended]);
  return said;
}
