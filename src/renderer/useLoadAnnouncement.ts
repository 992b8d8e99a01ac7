/**
 * What a screen reader hears of a log's load: that it started and how big it is, each quarter,
 * and that it ended. The notices on screen count every page, but they do not speak (a reader
 * heard fourteen sentences in ten seconds of a 100k log, and never that it had ended).
 */
import { useEffect, useRef, useState } from 'react';
import type { OpeningProgress } from '../core/contract';
import { formatMegabytes } from './format';
import type { LoadProgress } from './useLog';

/** The sentence for where the load is, changing only at its milestones. */
export function loadPhase(opening: OpeningProgress | undefined, progress: LoadProgress | undefined, shown = 0): string | undefined {
  if (progress) {
    const quarter = progress.total ? Math.floor((progress.loaded / progress.total) * 4) : 0;
    const said = quarter === 0 ? `Loading the log: ${progress.total.toLocaleString()} records.` : quarter < 4 ? `Loading the log: ${quarter * 25}% of its records in.` : undefined;
    // Once, at the milestone the load was at when the log opened: the records heard of as not yet checked are.
    const early = progress.checkedEarly;
    return said && early && Math.floor((early / progress.total) * 4) === quarter ? `${said} The records shown while it opened are checked against its end.` : said;
  }
  if (opening && shown > 0) return `Opening the log: ${formatMegabytes(opening.size)} to read. Showing its first records meanwhile, not yet checked against its end.`;
  if (opening) return opening.size ? `Opening the log: ${formatMegabytes(opening.size)} to read.` : 'Opening the log.';
  return undefined;
}

/**
 * How long the opening's first sentence waits for quiet: its size, and the first records shown
 * meanwhile, often follow within it (40 ms apart at 216 MB), and each new sentence cut off the last
 * and repeated it. A reader hears the one that stands after it.
 */
const OPENING_QUIET_MS = 1_000;

/** `shown`: how many records the page has loaded (while the host opens the log, those it has read so far). */
export function useLoadAnnouncement(opening: OpeningProgress | undefined, progress: LoadProgress | undefined, shown: number): string {
  const [said, setSaid] = useState('');
  /** The size of the load under way, for the sentence that says it ended (kept by the effect: a render may be thrown away). */
  const records = useRef<number>(undefined);
  const phase = loadPhase(opening, progress, shown);
  const total = progress?.total;
  const idle = !opening && total === undefined;
  const bareOpening = !!opening && !progress && shown === 0;
  useEffect(() => {
    if (total !== undefined) records.current = total;
    if (phase && bareOpening) {
      const id = setTimeout(() => setSaid(phase), OPENING_QUIET_MS);
      return () => clearTimeout(id);
    }
    if (phase) setSaid(phase);
    else if (idle && records.current !== undefined) {
      setSaid(`The log is loaded: ${records.current.toLocaleString()} records.`);
      records.current = undefined;
    }
  }, [phase, total, idle, bareOpening]);
  return said;
}
